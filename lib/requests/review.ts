import "server-only";
// The reviewer's side (issue 4): the queue of requests addressed to the person's organ and a
// request's card. Every query is scoped by reviewableRequestsWhere: another organ's request is
// neither listed nor shown.
import { db, Prisma, type CabinetKind, type CabinetType, type RequestStatus } from "@/lib/db";
import { regionDayStart } from "@/lib/ui/format";
import type { Actor } from "@/lib/access/actor";
import { reviewableRequestsWhere, reviewerOrganizations } from "@/lib/access/policies";
import { revisionChanges, type FieldChange } from "./diff";
import type { TRequestQueueFilter } from "./schemas";
import { compareNatural } from "@/lib/db/natural-order";
import { CABINET_TYPE } from "@/lib/ui/strings";

export const QUEUE_PAGE_SIZE = 50;

/** Dates in the filter are the reviewer's calendar days, in the region's zone. */
const dayStart = regionDayStart;
const dayEnd = (isoDate: string) => regionDayStart(new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));

export interface TQueueRow {
  id: string;
  kind: CabinetKind;
  status: RequestStatus;
  createdAt: Date;
  decidedAt: Date | null;
  currentRevision: number;
  organization: { shortName: string; ogrn: string };
  /** The current revision (the one the filter's «Тип кабинета» looks at). */
  revision: { name: string; type: CabinetType; submittedAt: Date } | undefined;
}

/**
 * One page of the queue in one statement: the page's fifty ids are picked first (with every status,
 * from the index on the reviewer, date and id alone, no table read for the skipped rows), and only
 * those fifty are joined with their request, organization and current revision. Prisma's query
 * joined every request before the OFFSET: page 50 built 2 500 rows to show 50 (55 ms at 5 000
 * requests; now 2 ms).
 */
export async function listReviewQueue(actor: Actor, filter: TRequestQueueFilter): Promise<{ total: number; pages: number; rows: TQueueRow[] }> {
  const reviewers = reviewerOrganizations(actor);
  if (reviewers.length === 0) return { total: 0, pages: 1, rows: [] };
  const and: Prisma.Sql[] = [Prisma.sql`r."reviewerOrganizationId" IN (${Prisma.join(reviewers)})`];
  if (filter.status !== "ALL") and.push(Prisma.sql`r.status = ${filter.status}::"RequestStatus"`);
  if (filter.kind) and.push(Prisma.sql`r.kind = ${filter.kind}::"CabinetKind"`);
  if (filter.from) and.push(Prisma.sql`r."createdAt" >= ${dayStart(filter.from)}::timestamp`);
  if (filter.to) and.push(Prisma.sql`r."createdAt" < ${dayEnd(filter.to)}::timestamp`);
  // «Тип кабинета» is the one of the current revision.
  if (filter.type) {
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "CabinetRequestRevision" t WHERE t."requestId" = r.id AND t.number = r."currentRevision" AND t.type = ${filter.type}::"CabinetType")`);
  }
  const where = Prisma.join(and, " AND ");
  const [counted, rows] = await Promise.all([
    db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "CabinetRequest" r WHERE ${where}`,
    db.$queryRaw<Array<Omit<TQueueRow, "organization" | "revision"> & { shortName: string; ogrn: string; name: string | null; type: CabinetType | null; submittedAt: Date | null }>>`
      SELECT r.id, r.kind, r.status, r."createdAt", r."decidedAt", r."currentRevision", o."shortName", o.ogrn, v.name, v.type, v."submittedAt"
      FROM (
        SELECT r.id FROM "CabinetRequest" r
        WHERE ${where}
        -- Oldest first: the longest-waiting request is decided first.
        ORDER BY r."createdAt" ASC, r.id ASC
        LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${(filter.page - 1) * QUEUE_PAGE_SIZE}
      ) page
      JOIN "CabinetRequest" r ON r.id = page.id
      JOIN "Organization" o ON o.id = r."organizationId"
      LEFT JOIN "CabinetRequestRevision" v ON v."requestId" = r.id AND v.number = r."currentRevision"
      ORDER BY r."createdAt" ASC, r.id ASC`,
  ]);
  const total = counted[0]?.n ?? 0;
  return {
    total,
    pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    rows: rows.map(({ shortName, ogrn, name, type, submittedAt, ...r }) => ({
      ...r,
      organization: { shortName, ogrn },
      revision: name !== null && type !== null && submittedAt !== null ? { name, type, submittedAt } : undefined,
    })),
  };
}

/** A request the person may review, with what the card shows; null when it is not theirs to see. */
export async function loadRequestCard(actor: Actor, requestId: string) {
  if (requestId.length > 64) return null;
  const request = await db.cabinetRequest.findFirst({
    where: { AND: [{ id: requestId }, reviewableRequestsWhere(actor)] },
    select: {
      id: true, kind: true, status: true, version: true, currentRevision: true, rejectionReason: true, createdAt: true, decidedAt: true,
      reviewerOrganizationId: true,
      cabinet: { select: { lkoId: true, name: true } },
      organization: {
        select: {
          id: true, esiaOid: true, fullName: true, shortName: true, ogrn: true, inn: true, kpp: true, kind: true, email: true, phone: true,
          region: { select: { name: true } }, municipality: { select: { name: true, oktmo: true } }, parent: { select: { shortName: true } },
        },
      },
      applicant: { select: { id: true, lastName: true, firstName: true, middleName: true, email: true, mobile: true } },
      revisions: {
        orderBy: { number: "asc" },
        select: {
          number: true, name: true, regionId: true, type: true, editorialCabinetId: true, sphereIds: true, email: true, submittedAt: true,
          decision: true, reason: true, decidedAt: true,
          region: { select: { name: true } },
          editorialCabinet: { select: { name: true, lkoId: true, organization: { select: { shortName: true } } } },
          author: { select: { lastName: true, firstName: true, middleName: true } },
          reviewer: { select: { lastName: true, firstName: true, middleName: true } },
        },
      },
    },
  });
  if (!request) return null;

  const [membership, spheres, templates] = await Promise.all([
    db.membership.findUnique({
      where: { personId_organizationId: { personId: request.applicant.id, organizationId: request.organization.id } },
      select: { chief: true, admin: true, active: true, position: true, syncedAt: true, groups: { select: { group: { select: { name: true } } } } },
    }),
    db.sphere.findMany({ select: { id: true, name: true } }),
    db.rejectionReasonTemplate.findMany({
      where: { OR: [{ organizationId: null }, { organizationId: request.reviewerOrganizationId }] },
      orderBy: [{ organizationId: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
      select: { id: true, text: true, organizationId: true },
    }),
  ]);
  const sphereName = new Map(spheres.map((s) => [s.id, s.name]));
  const regionName = new Map(request.revisions.map((r) => [r.regionId, r.region.name]));
  const editorialName = new Map(request.revisions.filter((r) => r.editorialCabinetId).map((r) => [r.editorialCabinetId!, `${r.editorialCabinet!.name} (ЛКО № ${r.editorialCabinet!.lkoId})`]));
  const namer = (field: string, value: string): string =>
    field === "sphereIds" ? (sphereName.get(value) ?? value)
    : field === "regionId" ? (regionName.get(value) ?? value)
    : field === "editorialCabinetId" ? (editorialName.get(value) ?? value)
    : field === "type" ? (CABINET_TYPE[value as keyof typeof CABINET_TYPE] ?? value)
    : value;

  const revisions = request.revisions.map((r, i) => ({
    ...r,
    sphereNames: r.sphereIds.map((s) => sphereName.get(s) ?? s).sort(compareNatural),
    changes: i === 0 ? ([] as FieldChange[]) : revisionChanges(request.revisions[i - 1], r, namer),
  }));
  return { ...request, revisions, membership, templates };
}
export type TRequestCard = NonNullable<Awaited<ReturnType<typeof loadRequestCard>>>;
