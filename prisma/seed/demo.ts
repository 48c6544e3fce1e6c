// The demo: Челябинская область, its organs, Magnitogorsk's управления and their institutions in
// every state of connection, with accounts for each demo role. Idempotent: fixed ids and inserts
// that leave rows already present untouched (so re-seeding keeps what people changed in the app).
import type { Db, DbTx } from "../../lib/db/prisma";
import type { AccountRoleKind, CabinetType } from "../../lib/db/generated/enums";
import {
  DEMO_PERSONS,
  INSTITUTIONS,
  MUNICIPALITIES,
  ORG,
  ORGANIZATIONS,
  PERSONS,
  REGION,
  organizationById,
  personById,
  type WorldOrganization,
} from "../../lib/demo-world/esia-world";
import { ACCESS_GROUPS, SPHERES, accessGroupId, sphereId } from "../../lib/demo-world/reference";
import { RUSSIAN_REGIONS, regionId } from "../../lib/demo-world/regions";
import { hashToken } from "../../lib/security/tokens";
import { APPROVED, INSTITUTION_SCENARIOS, type Scenario } from "./scenarios";
import { PRODUCTION_CALENDAR } from "../../lib/messages/production-calendar";
import { seedMessages } from "./messages";

export const REGION_ID = regionId(REGION.code);
const municipalityId = (oktmo: string) => `mun-${oktmo}`;
export const editorialCabinetId = (orgId: string) => `cab-ed-${orgId.replace(/^org-/, "")}`;
export const workCabinetId = (orgId: string) => `cab-work-${orgId.replace(/^org-/, "")}`;

/** The demo invitee's link: /invite/<this token>. A fixed token is acceptable for demo data only. */
export const DEMO_INVITATION_TOKEN = "demo-invitation-mag-school-10";

const DAY = 24 * 60 * 60 * 1000;
const REJECTION_REASONS = [
  "Изменить название кабинета: укажите полное наименование учреждения",
  "Неверно выбрана редакция: выберите кабинет редакции органа, в ведении которого находится учреждение",
  "Укажите служебный адрес электронной почты учреждения",
];

interface SeedClock {
  now: Date;
  daysAgo(days: number): Date;
  inDays(days: number): Date;
}

function clock(now = new Date()): SeedClock {
  return {
    now,
    daysAgo: (days) => new Date(now.getTime() - days * DAY),
    inDays: (days) => new Date(now.getTime() + days * DAY),
  };
}

// Rows per table, in an order that satisfies the foreign keys.
const TABLES = [
  "region", "municipality", "sphere", "accessGroup", "organization", "person", "membership", "membershipGroup",
  "cabinet", "cabinetSphere", "cabinetRequest", "cabinetRequestRevision", "account", "accountRole",
  "accountRoleSphere", "invitation", "widgetPlacement", "siteCheck", "rejectionReasonTemplate", "workCalendarDay", "citizenMessage", "answerTemplate",
  "messageAutoRule", "messageRating", "auditEvent",
] as const;
type Table = (typeof TABLES)[number];
type CreateManyData<T extends Table> = Parameters<DbTx[T]["createMany"]>[0] extends { data?: infer D } | undefined
  ? D extends ReadonlyArray<infer R> ? R : never
  : never;
export type SeedRows = { [T in Table]: CreateManyData<T>[] };

/** Reference data the code relies on (regions, spheres, access groups, reason templates): always. */
export async function seedReferenceData(client: Db): Promise<void> {
  const rows = emptyRows();
  seedReference(rows);
  seedReasonTemplates(rows);
  await insertRows(client, rows);
}

/** Reference data and the demo world. */
export async function seedDemo(client: Db, now = new Date()): Promise<void> {
  await insertRows(client, demoRows(now));
}

async function insertRows(client: Db, rows: SeedRows): Promise<void> {
  // Multi-row inserts that skip rows already present: idempotent, and fast on PGlite.
  await client.$transaction(
    async (tx) => {
      for (const table of TABLES) {
        const data = rows[table];
        if (data.length > 0) await (tx[table].createMany as unknown as (args: { data: unknown[]; skipDuplicates: boolean }) => Promise<unknown>)({ data, skipDuplicates: true });
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

const emptyRows = () => Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as SeedRows;

function demoRows(now: Date): SeedRows {
  const rows = emptyRows();
  const t = clock(now);
  seedReference(rows);
  seedEsiaWorld(rows);
  seedOrganCabinets(rows, t);
  let lko = 220_800;
  for (const [i, { organizationId, scenario }] of INSTITUTION_SCENARIOS.entries()) {
    seedInstitution(rows, t, organizationById.get(organizationId)!, scenario, i, (lko += 1));
  }
  seedReasonTemplates(rows);
  seedMessages(rows, now);
  return rows;
}

function seedReference(rows: SeedRows) {
  for (const [code, name] of RUSSIAN_REGIONS) rows.region.push({ id: regionId(code), code, name });
  for (const m of MUNICIPALITIES) {
    rows.municipality.push({ id: municipalityId(m.oktmo), regionId: REGION_ID, oktmo: m.oktmo, name: m.name, connectionDeadline: new Date(`${m.deadline}T00:00:00Z`) });
  }
  for (const s of SPHERES) {
    rows.sphere.push({ id: sphereId(s.code), code: s.code, name: s.name });
  }
  for (const g of ACCESS_GROUPS) {
    rows.accessGroup.push({ id: accessGroupId(g.mnemonic), mnemonic: g.mnemonic, name: g.name });
  }
  // The official production calendar, in every region (each region's operator edits its own).
  for (const [code] of RUSSIAN_REGIONS) {
    for (const d of PRODUCTION_CALENDAR) rows.workCalendarDay.push({ regionId: regionId(code), day: new Date(`${d.day}T00:00:00Z`), working: d.working, note: d.note });
  }
}

/** What the portal already knows from ЕСИА before anyone signs in (sign-in refreshes it). */
function seedEsiaWorld(rows: SeedRows) {
  // Parents first: the supervision link is a foreign key.
  const ordered = [...ORGANIZATIONS].sort((a, b) => depth(a) - depth(b));
  for (const o of ordered) {
    rows.organization.push({
        id: o.id, esiaOid: o.esiaOid, fullName: o.fullName, shortName: o.shortName, ogrn: o.ogrn, inn: o.inn, kpp: o.kpp,
        kind: o.kind, regionId: REGION_ID, municipalityId: o.oktmo ? municipalityId(o.oktmo) : null, parentId: o.parentId,
        email: o.email, phone: o.phone,
      });
  }
  for (const p of PERSONS) {
    rows.person.push({ id: p.id, esiaOid: p.esiaOid, lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, snils: p.snils, email: p.email, mobile: p.mobile });
    for (const m of p.memberships) {
      const id = `mem-${p.id}-${m.organizationId}`;
      rows.membership.push({ id, personId: p.id, organizationId: m.organizationId, chief: m.chief, admin: m.admin, position: m.position });
      for (const g of m.groups) {
        rows.membershipGroup.push({ membershipId: id, groupId: accessGroupId(g) });
      }
    }
  }
}

function depth(o: WorldOrganization): number {
  return o.parentId ? 1 + depth(organizationById.get(o.parentId)!) : 0;
}

const cabinetTypeOf = (o: WorldOrganization): CabinetType => o.kind;

interface AccountSeed {
  id: string;
  cabinetId: string;
  personId: string;
  roles: AccountRoleKind[];
  curatorSpheres?: string[];
  status: "INVITED" | "CONFIRMED" | "ARCHIVED";
  confirmedAt?: Date | null;
  trainingConfirmedAt?: Date | null;
  invitation?: { token: string; createdAt: Date; expiresAt: Date; usedAt?: Date | null };
  position?: string;
}

function seedAccount(rows: SeedRows, a: AccountSeed) {
  const p = personById.get(a.personId)!;
  rows.account.push({
      id: a.id,
      cabinetId: a.cabinetId,
      email: p.email.toLowerCase(),
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      phone: p.mobile,
      position: a.position ?? p.memberships[0]?.position ?? "Специалист",
      status: a.status,
      personId: a.status === "INVITED" ? null : p.id,
      statusBeforeArchive: a.status === "ARCHIVED" ? "CONFIRMED" : null,
      confirmedAt: a.confirmedAt ?? null,
      trainingConfirmedAt: a.trainingConfirmedAt ?? null,
      archivedAt: a.status === "ARCHIVED" ? a.confirmedAt : null,
    });
  for (const role of a.roles) {
    const roleId = `${a.id}-${role.toLowerCase()}`;
    rows.accountRole.push({ id: roleId, accountId: a.id, role });
    if (role === "CURATOR") {
      for (const code of a.curatorSpheres ?? []) {
        rows.accountRoleSphere.push({ accountRoleId: roleId, sphereId: sphereId(code) });
      }
    }
  }
  if (a.invitation) {
    const id = `inv-${a.id}`;
    rows.invitation.push({
        id, accountId: a.id, tokenHash: hashToken(a.invitation.token), sentTo: p.email.toLowerCase(),
        createdAt: a.invitation.createdAt, expiresAt: a.invitation.expiresAt, usedAt: a.invitation.usedAt ?? null,
      });
  }
}

interface RequestSeed {
  id: string;
  organization: WorldOrganization;
  kind: "EDITORIAL" | "WORK";
  applicantId: string;
  reviewerOrganizationId: string;
  reviewerPersonId: string;
  cabinetName: string;
  type: CabinetType;
  editorialCabinetId: string | null;
  spheres: string[];
  /** Decisions taken so far, oldest first; a trailing undefined means the last revision waits. */
  decisions: Array<{ status: "APPROVED" | "REJECTED"; reason?: string } | undefined>;
  cabinetId: string | null;
  submittedAt: Date;
}

function seedRequest(rows: SeedRows, r: RequestSeed) {
  const last = r.decisions[r.decisions.length - 1];
  const status = last?.status ?? "PENDING";
  const revisionsCount = r.decisions.length;
  const decidedAt = last ? new Date(r.submittedAt.getTime() + revisionsCount * DAY) : null;
  rows.cabinetRequest.push({
      id: r.id, organizationId: r.organization.id, kind: r.kind, status, applicantId: r.applicantId,
      reviewerOrganizationId: r.reviewerOrganizationId, currentRevision: revisionsCount,
      rejectionReason: last?.status === "REJECTED" ? last.reason : null, decidedAt,
      cabinetId: status === "APPROVED" ? r.cabinetId : null, createdAt: r.submittedAt, version: revisionsCount,
    });
  for (const [i, decision] of r.decisions.entries()) {
    const number = i + 1;
    const submittedAt = new Date(r.submittedAt.getTime() + i * 2 * DAY);
    const id = `${r.id}-rev-${number}`;
    // A revision rejected and then fixed carried the vague name the reviewer asked to change.
    const name = decision?.status === "REJECTED" && number < revisionsCount ? "Кабинет учреждения" : r.cabinetName;
    rows.cabinetRequestRevision.push({
        id, requestId: r.id, number, name, regionId: REGION_ID, type: r.type, editorialCabinetId: r.editorialCabinetId,
        sphereIds: r.spheres.map(sphereId), email: r.organization.email, authorId: r.applicantId, submittedAt,
        decision: decision?.status ?? null, reason: decision?.reason ?? null,
        reviewerId: decision ? r.reviewerPersonId : null, decidedAt: decision ? new Date(submittedAt.getTime() + DAY) : null,
      });
  }
}

interface CabinetSeed {
  id: string;
  lkoId: number;
  kind: "EDITORIAL" | "WORK";
  organization: WorldOrganization;
  editorialCabinetId: string | null;
  createdAt: Date;
  extra?: Partial<{
    officialSite: string | null; noSite: boolean; noSiteReason: string | null; readyAccounts: boolean; readyResponsibles: boolean;
    readyTraining: boolean; readyToWork: boolean; readinessUpdatedAt: Date | null; widgetVariant: number | null;
    widgetBannerText: string | null; widgetGeneratedAt: Date | null; dataConfirmedAt: Date | null;
  }>;
}

function seedCabinet(rows: SeedRows, c: CabinetSeed) {
  const o = c.organization;
  rows.cabinet.push({
      id: c.id, lkoId: c.lkoId, kind: c.kind, type: cabinetTypeOf(o), name: o.shortName, organizationId: o.id, regionId: REGION_ID,
      editorialCabinetId: c.editorialCabinetId, email: o.email, createdAt: c.createdAt, ...c.extra,
    });
  for (const code of o.spheres) {
    rows.cabinetSphere.push({ cabinetId: c.id, sphereId: sphereId(code) });
  }
}

const ORGANS_WITH_EDITORIAL = [
  ORG.ministryDigital, ORG.ministryEducation, ORG.cityAdministration, ORG.eduDepartment, ORG.cultureDepartment,
  ORG.socialDepartment, ORG.sportDepartment, ORG.housingDepartment, ORG.agapovoAdministration, ORG.agapovoEduDepartment,
];

const orgKey = (orgId: string) => orgId.replace(/^org-/, "");
const organAdminPerson = (orgId: string) => `person-${orgKey(orgId)}-admin`;

/** Whose account administers each organ's ЛКО: the demo persons where there is one. */
const ORGAN_ACCOUNTS: Record<string, Array<{ personId: string; roles: AccountRoleKind[]; curatorSpheres?: string[] }>> = {
  [ORG.ministryDigital]: [{ personId: "person-operator", roles: ["LKO_ADMIN", "REGION_OPERATOR"] }],
  [ORG.eduDepartment]: [
    { personId: "person-organ-admin", roles: ["LKO_ADMIN"] },
    { personId: `person-${orgKey(ORG.eduDepartment)}-chief`, roles: ["CURATOR", "OBSERVER"], curatorSpheres: ["preschool"] },
    { personId: "person-omsu-mag-uo-coordinator", roles: ["COORDINATOR"] },
  ],
  [ORG.cultureDepartment]: [{ personId: "person-other-organ-admin", roles: ["LKO_ADMIN"] }],
  [ORG.cityAdministration]: [
    { personId: "person-city-it", roles: ["CONNECTION_MONITOR", "OBSERVER"] },
    { personId: organAdminPerson(ORG.cityAdministration), roles: ["LKO_ADMIN", "CONNECTION_MONITOR"] },
  ],
  [ORG.agapovoEduDepartment]: [{ personId: "person-agapovo-admin", roles: ["LKO_ADMIN"] }],
};

/** Issue 20: the message back office's staff of two institutions (esia-world.ts names them). */
const MESSAGE_STAFF: Record<string, Array<{ personId: string; roles: AccountRoleKind[] }>> = {
  "org-mag-school-33": [
    { personId: "person-mag-school-33-coordinator", roles: ["COORDINATOR"] },
    { personId: "person-mag-school-33-executor", roles: ["EXECUTOR"] },
    { personId: "person-mag-school-33-supervisor", roles: ["SUPERVISOR"] },
  ],
  "org-mag-school-40": [
    { personId: "person-mag-school-40-coordinator", roles: ["COORDINATOR"] },
    { personId: "person-mag-school-40-executor", roles: ["EXECUTOR"] },
  ],
};

function seedOrganCabinets(rows: SeedRows, t: SeedClock) {
  let lko = 210_000;
  for (const orgId of ORGANS_WITH_EDITORIAL) {
    const o = organizationById.get(orgId)!;
    const cabinetId = editorialCabinetId(orgId);
    const createdAt = t.daysAgo(400);
    seedCabinet(rows, { id: cabinetId, lkoId: (lko += 1), kind: "EDITORIAL", organization: o, editorialCabinetId: null, createdAt, extra: { dataConfirmedAt: t.daysAgo(30) } });
    seedRequest(rows, {
      id: `req-ed-${orgKey(orgId)}`, organization: o, kind: "EDITORIAL", applicantId: organAdminPerson(orgId),
      reviewerOrganizationId: ORG.ministryDigital, reviewerPersonId: "person-operator", cabinetName: o.shortName, type: o.kind,
      editorialCabinetId: null, spheres: o.spheres, decisions: [{ status: "APPROVED" }], cabinetId, submittedAt: t.daysAgo(402),
    });
    const accounts = ORGAN_ACCOUNTS[orgId] ?? [{ personId: organAdminPerson(orgId), roles: ["LKO_ADMIN"] as AccountRoleKind[] }];
    for (const [i, a] of accounts.entries()) {
      seedAccount(rows, {
        id: `acc-${orgKey(orgId)}-${i + 1}`, cabinetId, personId: a.personId, roles: a.roles, curatorSpheres: a.curatorSpheres,
        status: "CONFIRMED", confirmedAt: t.daysAgo(390), trainingConfirmedAt: t.daysAgo(389),
      });
    }
  }
  // ОМСУ's own work cabinet, bound to its own editorial cabinet (the instruction's rule for РОИВ/ОМСУ).
  const city = organizationById.get(ORG.cityAdministration)!;
  const cityWork = workCabinetId(ORG.cityAdministration);
  seedCabinet(rows, { id: cityWork, lkoId: (lko += 1), kind: "WORK", organization: city, editorialCabinetId: editorialCabinetId(ORG.cityAdministration), createdAt: t.daysAgo(380) });
  seedRequest(rows, {
    id: `req-work-${orgKey(ORG.cityAdministration)}`, organization: city, kind: "WORK", applicantId: organAdminPerson(ORG.cityAdministration),
    reviewerOrganizationId: ORG.ministryDigital, reviewerPersonId: "person-operator", cabinetName: `${city.shortName} (рабочий кабинет)`, type: "OMSU",
    editorialCabinetId: editorialCabinetId(ORG.cityAdministration), spheres: city.spheres, decisions: [{ status: "APPROVED" }], cabinetId: cityWork,
    submittedAt: t.daysAgo(382),
  });
}

/** The next daily check of a seeded site, spread over the coming day (lib/widget/site-check-schedule.ts). */
const scheduledCheck = (t: SeedClock, index: number) => ({ siteCheckDueAt: new Date(t.now.getTime() + ((index * 37) % 24) * 3_600_000), siteCheckReason: "SCHEDULED" as const });

function seedInstitution(rows: SeedRows, t: SeedClock, o: WorldOrganization, scenario: Scenario, index: number, lkoId: number) {
  if (scenario === "none") return;
  const supervisor = organizationById.get(o.parentId!)!;
  const key = orgKey(o.id);
  const head = `person-${key}-head`;
  const it = `person-${key}-it`;
  const approved = APPROVED.has(scenario);
  const cabinetId = approved ? workCabinetId(o.id) : null;
  const submittedAt = t.daysAgo(200 - index);
  const reason = REJECTION_REASONS[index % REJECTION_REASONS.length];
  const decisions: RequestSeed["decisions"] =
    scenario === "pending" ? [undefined]
    : scenario === "rejected" ? [{ status: "REJECTED", reason }]
    : scenario === "resubmitted" ? [{ status: "REJECTED", reason }, undefined]
    : index % 3 === 0 ? [{ status: "REJECTED", reason }, { status: "APPROVED" }]
    : [{ status: "APPROVED" }];
  const reviewerPerson = supervisor.id === ORG.eduDepartment ? "person-organ-admin" : supervisor.id === ORG.cultureDepartment ? "person-other-organ-admin" : organAdminPerson(supervisor.id);

  if (cabinetId) {
    const ready = ["ready", "widgetPlaced", "widgetNotWorking", "noSite", "cabinetArchived"].includes(scenario);
    const archived = scenario === "cabinetArchived" ? { status: "ARCHIVED" as const, archivedAt: t.daysAgo(10) } : {};
    const site = scenario === "noSite" ? null : `https://${key}.demo.test`;
    seedCabinet(rows, {
      id: cabinetId, lkoId, kind: "WORK", organization: o, editorialCabinetId: editorialCabinetId(supervisor.id), createdAt: t.daysAgo(150 - index),
      extra: ready
        ? {
            officialSite: site, noSite: scenario === "noSite", noSiteReason: scenario === "noSite" ? "Учреждение размещает сведения на сайте учредителя" : null,
            readyAccounts: true, readyResponsibles: true, readyTraining: true, readyToWork: true, readinessUpdatedAt: t.daysAgo(20),
            widgetVariant: scenario === "noSite" ? null : [2, 17, 35, 137][index % 4],
            widgetBannerText: scenario === "noSite" ? null : "Не убран мусор, яма на дороге, не горит фонарь?",
            widgetGeneratedAt: scenario === "noSite" ? null : t.daysAgo(19), dataConfirmedAt: t.daysAgo(25), ...archived,
            ...(site ? scheduledCheck(t, index) : {}),
          }
        : index % 2 === 0 ? { officialSite: `https://${key}.demo.test`, ...scheduledCheck(t, index) } : { officialSite: null },
    });
  }
  seedRequest(rows, {
    id: `req-work-${key}`, organization: o, kind: "WORK", applicantId: head, reviewerOrganizationId: supervisor.id, reviewerPersonId: reviewerPerson,
    cabinetName: o.shortName, type: o.kind, editorialCabinetId: editorialCabinetId(supervisor.id), spheres: o.spheres, decisions, cabinetId, submittedAt,
  });
  if (!cabinetId) return;

  const trained = !["invited", "invitationExpired", "confirmed"].includes(scenario);
  const confirmedAt = t.daysAgo(140 - index);
  seedAccount(rows, {
    id: `acc-${key}-1`, cabinetId, personId: head, roles: ["LKO_ADMIN"], status: "CONFIRMED", confirmedAt,
    trainingConfirmedAt: trained || scenario === "invited" ? t.daysAgo(130 - index) : null,
  });
  if (scenario === "invited" && o.id === "org-mag-school-10") {
    const invitee = DEMO_PERSONS.find((p) => p.demo?.key === "invitee")!;
    seedAccount(rows, {
      id: `acc-${key}-2`, cabinetId, personId: invitee.id, roles: ["MODERATOR"], status: "INVITED",
      invitation: { token: DEMO_INVITATION_TOKEN, createdAt: t.daysAgo(1), expiresAt: t.inDays(6) },
    });
  } else if (scenario === "invited" || scenario === "invitationExpired") {
    const expired = scenario === "invitationExpired";
    seedAccount(rows, {
      id: `acc-${key}-2`, cabinetId, personId: it, roles: ["MODERATOR"], status: "INVITED",
      invitation: { token: `seed-${key}-${expired ? "expired" : "live"}`, createdAt: t.daysAgo(expired ? 12 : 2), expiresAt: expired ? t.daysAgo(5) : t.inDays(5) },
    });
  } else {
    const archived = scenario === "accountArchived";
    seedAccount(rows, {
      id: `acc-${key}-2`, cabinetId, personId: it, roles: ["MODERATOR", "OBSERVER"], status: archived ? "ARCHIVED" : "CONFIRMED",
      confirmedAt: t.daysAgo(120 - index), trainingConfirmedAt: trained ? t.daysAgo(119 - index) : null,
    });
  }

  for (const [i, staff] of (MESSAGE_STAFF[o.id] ?? []).entries()) {
    seedAccount(rows, { id: `acc-${key}-msg-${i + 1}`, cabinetId, personId: staff.personId, roles: staff.roles, status: "CONFIRMED", confirmedAt, trainingConfirmedAt: t.daysAgo(60) });
  }

  if (scenario === "widgetPlaced" || scenario === "widgetNotWorking") {
    // The proof (issue 17): the server's check of the official site. The loader's reports are hints beside it.
    const placed = scenario === "widgetPlaced";
    const origin = placed ? `https://${key}.demo.test` : `https://old-${key}.demo.test`;
    rows.widgetPlacement.push({ cabinetId, origin, firstSeenAt: t.daysAgo(15), lastSeenAt: t.daysAgo(index % 3), hits: 40 + index });
    rows.siteCheck.push({
      id: `check-${key}`, cabinetId, url: `https://${key}.demo.test/`, trigger: "SCHEDULED", checkedAt: t.daysAgo(index % 3),
      outcome: placed ? "CORRECT" : "WRONG_ID",
      details: placed ? `Найдено виджетов: 1, номер ЛКО ${lkoId}.` : `В коде виджета номер ЛКО 220820, а у этого кабинета — ${lkoId}.`,
    });
  }
  if (scenario === "cabinetArchived") {
    // Shown on its official site until the cabinet was archived; the code may still be on the site.
    rows.widgetPlacement.push({ cabinetId, origin: `https://${key}.demo.test`, firstSeenAt: t.daysAgo(18), lastSeenAt: t.daysAgo(11), hits: 25 });
  }
}

function seedReasonTemplates(rows: SeedRows) {
  for (const [i, text] of REJECTION_REASONS.entries()) {
    const id = `reason-${i + 1}`;
    rows.rejectionReasonTemplate.push({ id, text });
  }
}

/** Rows in every table the seed writes (named as in TABLES), for the idempotency test and the seed's own report. */
export async function seedCounts(db: DbTx): Promise<Record<Table | "institutions", number>> {
  const counts = {} as Record<Table | "institutions", number>;
  for (const table of TABLES) counts[table] = await (db[table] as unknown as { count(): Promise<number> }).count();
  counts.institutions = await db.organization.count({ where: { kind: { in: ["SUBORDINATE_OMSU", "SUBORDINATE_ROIV"] } } });
  return counts;
}

export const DEMO_INSTITUTION_COUNT = INSTITUTIONS.length;
