import "server-only";
// The reviewer's side (issue 4): the queue of requests addressed to the person's organ and a
// request's card. Every query is scoped by reviewableRequestsWhere: another organ's request is
// neither listed nor shown.
import { db, type Prisma } from "@/lib/db";
import { regionDayStart } from "@/lib/ui/format";
import type { Actor } from "@/lib/access/actor";
import { reviewableRequestsWhere } from "@/lib/access/policies";
import { revisionChanges, type FieldChange } from "./diff";
import type { TRequestQueueFilter } from "./schemas";
import { compareNatural } from "@/lib/db/natural-order";
import { CABINET_TYPE } from "@/lib/ui/strings";

export const QUEUE_PAGE_SIZE = 50;

/** Dates in the filter are the reviewer's calendar days, in the region's zone. */
const dayStart = regionDayStart;
const dayEnd = (isoDate: string) => regionDayStart(new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));

export async function listReviewQueue(actor: Actor, filter: TRequestQueueFilter) {
  const and: Prisma.CabinetRequestWhereInput[] = [reviewableRequestsWhere(actor)];
  if (filter.status !== "ALL") and.push({ status: filter.status });
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.from) and.push({ createdAt: { gte: dayStart(filter.from) } });
  if (filter.to) and.push({ createdAt: { lt: dayEnd(filter.to) } });
  if (filter.type) {
    // «Тип кабинета» is the one of the current revision; Prisma cannot compare a revision's number
    // with its request's column, so candidates are narrowed in two steps, within the reviewer's scope.
    const candidates = await db.cabinetRequest.findMany({ where: { AND: [...and, { revisions: { some: { type: filter.type } } }] }, select: { id: true, currentRevision: true } });
    const current = new Map(candidates.map((c) => [c.id, c.currentRevision]));
    const matching = await db.cabinetRequestRevision.findMany({ where: { requestId: { in: [...current.keys()] }, type: filter.type }, select: { requestId: true, number: true } });
    and.push({ id: { in: matching.filter((r) => current.get(r.requestId) === r.number).map((r) => r.requestId) } });
  }
  const where: Prisma.CabinetRequestWhereInput = { AND: and };
  const [total, rows] = await Promise.all([
    db.cabinetRequest.count({ where }),
    db.cabinetRequest.findMany({
      where,
      // Oldest first: the longest-waiting request is decided first.
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (filter.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
        id: true, kind: true, status: true, createdAt: true, decidedAt: true, currentRevision: true,
        organization: { select: { shortName: true, ogrn: true } },
        revisions: { orderBy: { number: "desc" }, take: 1, select: { name: true, type: true, submittedAt: true } },
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    rows: rows.map(({ revisions, ...r }) => ({ ...r, revision: revisions[0] })),
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
