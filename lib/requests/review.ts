import "server-only";
// The reviewer's side (issue 4): the queue of requests addressed to the person's organ and a
// request's card. Every query is scoped by the organs the person reviews (reviewerOrganizations in
// lib/access/policies.ts): another organ's request is neither listed nor shown.
import { Prisma, queryRows, type CabinetKind, type CabinetType, type OrganizationKind, type RequestStatus } from "@/lib/db";
import { rawDate, rawJson } from "@/lib/db/raw";
import { regionDayStart } from "@/lib/ui/format";
import type { Actor } from "@/lib/access/actor";
import { reviewerOrganizations } from "@/lib/access/policies";
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
  // Past Prisma's query compiler, prepared once per connection (decisions 082, 083); timestamps come as text.
  const [counted, rows] = await Promise.all([
    queryRows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM "CabinetRequest" r WHERE ${where}`),
    queryRows<Omit<TQueueRow, "organization" | "revision" | "createdAt" | "decidedAt"> & { createdAt: Date | string; decidedAt: Date | string | null; shortName: string; ogrn: string; name: string | null; type: CabinetType | null; submittedAt: Date | string | null }>(Prisma.sql`
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
      ORDER BY r."createdAt" ASC, r.id ASC`),
  ]);
  const total = counted[0]?.n ?? 0;
  return {
    total,
    pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    rows: rows.map(({ shortName, ogrn, name, type, submittedAt, createdAt, decidedAt, ...r }) => ({
      ...r,
      createdAt: rawDate(createdAt),
      decidedAt: rawDate(decidedAt),
      organization: { shortName, ogrn },
      revision: name !== null && type !== null && submittedAt !== null ? { name, type, submittedAt: rawDate(submittedAt) } : undefined,
    })),
  };
}

type TName = { lastName: string; firstName: string; middleName: string | null };

/** A request as its card reads it (the types Prisma's nested select gave before, decision 066). */
export interface TRequestCardRecord {
  id: string;
  kind: CabinetKind;
  status: RequestStatus;
  version: number;
  currentRevision: number;
  rejectionReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  reviewerOrganizationId: string;
  cabinet: { lkoId: number; name: string } | null;
  organization: {
    id: string; esiaOid: string; fullName: string; shortName: string; ogrn: string; inn: string | null; kpp: string | null; kind: OrganizationKind | null;
    email: string | null; phone: string | null; region: { name: string }; municipality: { name: string; oktmo: string } | null; parent: { shortName: string } | null;
  };
  applicant: TName & { id: string; email: string | null; mobile: string | null };
  revisions: Array<{
    number: number; name: string; regionId: string; type: CabinetType; editorialCabinetId: string | null; sphereIds: string[]; email: string; submittedAt: Date;
    decision: RequestStatus | null; reason: string | null; decidedAt: Date | null; region: { name: string };
    editorialCabinet: { name: string; lkoId: number; organization: { shortName: string } } | null; author: TName; reviewer: TName | null;
  }>;
  /** The applicant's ЕСИА membership in the requesting organization, as last synchronized. */
  membership: { chief: boolean; admin: boolean; active: boolean; position: string | null; syncedAt: Date; groups: Array<{ group: { name: string } }> } | null;
  /** Reasons to reject with: the shared ones first, then the reviewing organ's own, oldest first. */
  templates: Array<{ id: string; text: string; organizationId: string | null }>;
  /** Names of the spheres the revisions name. */
  spheres: Array<{ id: string; name: string }>;
}

/** The card's row: the request, its organization and applicant flat; revisions and membership as json. */
type TCardRow = Omit<TRequestCardRecord, "cabinet" | "organization" | "applicant" | "revisions" | "membership" | "templates" | "spheres" | "createdAt" | "decidedAt"> & {
  createdAt: Date | string; decidedAt: Date | string | null;
  cabinetLkoId: number | null; cabinetName: string | null;
  orgId: string; orgEsiaOid: string; orgFullName: string; orgShortName: string; ogrn: string; inn: string | null; kpp: string | null; orgKind: OrganizationKind | null;
  orgEmail: string | null; orgPhone: string | null; regionName: string; municipalityName: string | null; oktmo: string | null; parentShortName: string | null;
  applicantId: string; applicantLastName: string; applicantFirstName: string; applicantMiddleName: string | null; applicantEmail: string | null; mobile: string | null;
  revisions: unknown; membership: unknown; templates: unknown; spheres: unknown;
};

type TRevisionJson = Omit<TRequestCardRecord["revisions"][number], "submittedAt" | "decidedAt"> & { submittedAt: string; decidedAt: string | null };
type TMembershipJson = Omit<NonNullable<TRequestCardRecord["membership"]>, "syncedAt"> & { syncedAt: string };

/**
 * The card's request in one statement, scoped to the organs the person reviews. Raw SQL, not
 * Prisma's nested select: Prisma's query building and parsing of the relation JSON cost 3–4 ms of
 * processor per card (decision 066), and it is sent past Prisma's query compiler (decision 082). The
 * applicant's membership, the reasons to reject with and the names of the revisions' spheres come in
 * the same statement.
 */
async function readRequestCard(actor: Actor, requestId: string): Promise<TRequestCardRecord | null> {
  const reviewers = reviewerOrganizations(actor);
  if (reviewers.length === 0) return null;
  const [row] = await queryRows<TCardRow>(Prisma.sql`
    SELECT r.id, r.kind, r.status, r.version, r."currentRevision", r."rejectionReason", r."createdAt", r."decidedAt", r."reviewerOrganizationId",
      c."lkoId" AS "cabinetLkoId", c.name AS "cabinetName",
      o.id AS "orgId", o."esiaOid" AS "orgEsiaOid", o."fullName" AS "orgFullName", o."shortName" AS "orgShortName", o.ogrn, o.inn, o.kpp,
      o.kind AS "orgKind", o.email AS "orgEmail", o.phone AS "orgPhone", rg.name AS "regionName", mu.name AS "municipalityName", mu.oktmo,
      po."shortName" AS "parentShortName",
      a.id AS "applicantId", a."lastName" AS "applicantLastName", a."firstName" AS "applicantFirstName", a."middleName" AS "applicantMiddleName",
      a.email AS "applicantEmail", a.mobile,
      (SELECT coalesce(json_agg(json_build_object(
          'number', v.number, 'name', v.name, 'regionId', v."regionId", 'type', v.type, 'editorialCabinetId', v."editorialCabinetId",
          'sphereIds', v."sphereIds", 'email', v.email, 'submittedAt', v."submittedAt", 'decision', v.decision, 'reason', v.reason,
          'decidedAt', v."decidedAt", 'region', json_build_object('name', vr.name),
          'editorialCabinet', CASE WHEN ec.id IS NULL THEN NULL ELSE json_build_object('name', ec.name, 'lkoId', ec."lkoId", 'organization', json_build_object('shortName', eo."shortName")) END,
          'author', json_build_object('lastName', au."lastName", 'firstName', au."firstName", 'middleName', au."middleName"),
          'reviewer', CASE WHEN rv.id IS NULL THEN NULL ELSE json_build_object('lastName', rv."lastName", 'firstName', rv."firstName", 'middleName', rv."middleName") END
        ) ORDER BY v.number), '[]'::json)
        FROM "CabinetRequestRevision" v
        JOIN "Region" vr ON vr.id = v."regionId"
        LEFT JOIN "Cabinet" ec ON ec.id = v."editorialCabinetId"
        LEFT JOIN "Organization" eo ON eo.id = ec."organizationId"
        JOIN "Person" au ON au.id = v."authorId"
        LEFT JOIN "Person" rv ON rv.id = v."reviewerId"
        WHERE v."requestId" = r.id) AS revisions,
      (SELECT json_build_object('chief', m.chief, 'admin', m.admin, 'active', m.active, 'position', m.position, 'syncedAt', m."syncedAt",
          'groups', (SELECT coalesce(json_agg(json_build_object('group', json_build_object('name', g.name))), '[]'::json)
            FROM "MembershipGroup" mg JOIN "AccessGroup" g ON g.id = mg."groupId" WHERE mg."membershipId" = m.id))
        FROM "Membership" m WHERE m."personId" = a.id AND m."organizationId" = o.id) AS membership,
      (SELECT coalesce(json_agg(json_build_object('id', t.id, 'text', t.text, 'organizationId', t."organizationId")
          ORDER BY t."organizationId" ASC NULLS FIRST, t."createdAt" ASC, t.id ASC), '[]'::json)
        FROM "RejectionReasonTemplate" t WHERE t."organizationId" IS NULL OR t."organizationId" = r."reviewerOrganizationId") AS templates,
      (SELECT coalesce(json_agg(json_build_object('id', s.id, 'name', s.name)), '[]'::json)
        FROM "Sphere" s WHERE s.id IN (SELECT unnest(v."sphereIds") FROM "CabinetRequestRevision" v WHERE v."requestId" = r.id)) AS spheres
    FROM "CabinetRequest" r
    JOIN "Organization" o ON o.id = r."organizationId"
    JOIN "Region" rg ON rg.id = o."regionId"
    LEFT JOIN "Municipality" mu ON mu.id = o."municipalityId"
    LEFT JOIN "Organization" po ON po.id = o."parentId"
    JOIN "Person" a ON a.id = r."applicantId"
    LEFT JOIN "Cabinet" c ON c.id = r."cabinetId"
    WHERE r.id = ${requestId} AND r."reviewerOrganizationId" IN (${Prisma.join(reviewers)})`);
  return row ? requestCardFrom(row) : null;
}

/** The typed card record from its row (timestamps and json as either adapter hands them over). */
function requestCardFrom(row: TCardRow): TRequestCardRecord {
  const membership = rawJson<TMembershipJson | null>(row.membership);
  return {
    id: row.id, kind: row.kind, status: row.status, version: row.version, currentRevision: row.currentRevision, rejectionReason: row.rejectionReason,
    createdAt: rawDate(row.createdAt), decidedAt: rawDate(row.decidedAt), reviewerOrganizationId: row.reviewerOrganizationId,
    cabinet: row.cabinetLkoId !== null && row.cabinetName !== null ? { lkoId: row.cabinetLkoId, name: row.cabinetName } : null,
    organization: {
      id: row.orgId, esiaOid: row.orgEsiaOid, fullName: row.orgFullName, shortName: row.orgShortName, ogrn: row.ogrn, inn: row.inn, kpp: row.kpp, kind: row.orgKind,
      email: row.orgEmail, phone: row.orgPhone, region: { name: row.regionName },
      municipality: row.municipalityName !== null && row.oktmo !== null ? { name: row.municipalityName, oktmo: row.oktmo } : null,
      parent: row.parentShortName !== null ? { shortName: row.parentShortName } : null,
    },
    applicant: { id: row.applicantId, lastName: row.applicantLastName, firstName: row.applicantFirstName, middleName: row.applicantMiddleName, email: row.applicantEmail, mobile: row.mobile },
    revisions: rawJson<TRevisionJson[]>(row.revisions).map((v) => ({ ...v, submittedAt: rawDate(v.submittedAt), decidedAt: rawDate(v.decidedAt) })),
    membership: membership && { ...membership, syncedAt: rawDate(membership.syncedAt) },
    templates: rawJson<TRequestCardRecord["templates"]>(row.templates),
    spheres: rawJson<TRequestCardRecord["spheres"]>(row.spheres),
  };
}

/** A request the person may review, with what the card shows; null when it is not theirs to see. */
export async function loadRequestCard(actor: Actor, requestId: string) {
  if (requestId.length > 64) return null;
  const card = await readRequestCard(actor, requestId);
  if (!card) return null;
  const { spheres, ...request } = card;
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
  return { ...request, revisions };
}
export type TRequestCard = NonNullable<Awaited<ReturnType<typeof loadRequestCard>>>;
