// Large synthetic data sets for benchmarks: one municipality tree with N institutions spread over
// every connection state, loaded with one INSERT … SELECT FROM unnest(arrays) per table and batch
// (about 100 times faster than createMany here: 100 000 institutions load in well under a minute).
// The states do not follow the управления, so that every filter finds a mix.
import type { Db } from "../../lib/db/prisma";
import { makeInn, ogrnCheckDigit, makeSnils } from "../../lib/requisites";
import { SPHERES, sphereId } from "../../lib/demo-world/reference";
import { refreshConnectionStatus } from "../../lib/status/derive";
import { REGION_ID } from "./demo";

export interface SyntheticOptions {
  institutions: number;
  departments: number;
  batchSize?: number;
  log?: (line: string) => void;
}

const SYN_OKTMO = "75999000";
export const SYN_MUNICIPALITY = `mun-${SYN_OKTMO}`;
export const SYN_ADMINISTRATION = "syn-org-admin";
/** The synthetic city's IT specialist (CONNECTION_MONITOR over the whole tree): benchmarks sign in as them. */
export const SYN_MONITOR_PERSON = "syn-person-monitor";
const synDepartment = (d: number) => `syn-org-dep-${d}`;

type SynState = "none" | "pending" | "rejected" | "invited" | "confirmed" | "trained" | "ready" | "placed" | "notWorking" | "noSite";
// Shares out of 100, in the order of the way to connection.
const SHARES: Array<[SynState, number]> = [
  ["none", 8], ["pending", 8], ["rejected", 6], ["invited", 10], ["confirmed", 10], ["trained", 15], ["ready", 10], ["placed", 20], ["notWorking", 5], ["noSite", 8],
];
const BUCKETS: SynState[] = SHARES.flatMap(([state, share]) => Array<SynState>(share).fill(state));
/** A scrambled but fixed state per institution (37 is coprime to 100). */
export const synState = (i: number): SynState => BUCKETS[(i * 37) % 100];
const APPROVED = new Set<SynState>(["invited", "confirmed", "trained", "ready", "placed", "notWorking", "noSite"]);

function ogrn(serial: number): string {
  const first12 = "1" + "23" + "74" + String(serial).padStart(7, "0");
  return first12 + ogrnCheckDigit(first12);
}

/**
 * INSERT INTO table (columns) SELECT … FROM unnest($1::type[], …): one statement per batch. Table,
 * column names and types are constants of this file; the values travel as parameters. A fourth
 * element casts the column in the SELECT (a text[] column is passed as text literals).
 * `newIdsOnly` (the first column must be "id") skips present rows before the column defaults are
 * evaluated, so a re-run takes no numbers from the ЛКО sequence.
 */
async function insertColumns(db: Db, table: string, columns: Array<[name: string, type: string, values: unknown[], cast?: string]>, options: { newIdsOnly?: boolean } = {}) {
  const names = columns.map(([n]) => `"${n}"`).join(", ");
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const select = columns.map(([, , , cast], i) => `c${i}${cast ? `::${cast}` : ""}`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`).join(", ");
  const where = options.newIdsOnly ? ` WHERE NOT EXISTS (SELECT 1 FROM "${table}" t WHERE t.id = u.c0)` : "";
  await db.$executeRawUnsafe(
    `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${unnest}) AS u(${aliases})${where} ON CONFLICT DO NOTHING`,
    ...columns.map(([, , v]) => v),
  );
}

async function inBatches(ids: number[], size: number, insert: (batch: number[]) => Promise<unknown>) {
  for (let i = 0; i < ids.length; i += size) await insert(ids.slice(i, i + size));
}

// Over 80 lines on purpose: one pass that writes the synthetic tree table by table, in the foreign keys' order.
export async function seedSynthetic(db: Db, opts: SyntheticOptions): Promise<void> {
  const log = opts.log ?? (() => {});
  const size = opts.batchSize ?? 10_000;
  const now = new Date();
  await db.municipality.upsert({
    where: { id: SYN_MUNICIPALITY },
    create: { id: SYN_MUNICIPALITY, regionId: REGION_ID, oktmo: SYN_OKTMO, name: "Синтетический городской округ", connectionDeadline: new Date("2022-06-30T00:00:00Z") },
    update: {},
  });
  const organs = [
    { id: SYN_ADMINISTRATION, name: "Администрация Синтетического городского округа", parentId: null as string | null },
    ...Array.from({ length: opts.departments }, (_, d) => ({ id: synDepartment(d + 1), name: `Управление № ${d + 1} администрации Синтетического городского округа`, parentId: SYN_ADMINISTRATION })),
  ];
  await db.organization.createMany({
    skipDuplicates: true,
    data: organs.map((o, i) => ({
      id: o.id, esiaOid: String(6_900_000_000 + i), fullName: o.name, shortName: o.name.replace(" администрации Синтетического городского округа", ""),
      ogrn: ogrn(9_000_000 + i), inn: makeInn(7499, 90_000 + i), kpp: "749901001", kind: "OMSU" as const, regionId: REGION_ID,
      municipalityId: SYN_MUNICIPALITY, parentId: o.parentId,
    })),
  });
  const reviewer = "syn-person-reviewer";
  await db.person.createMany({
    skipDuplicates: true,
    data: [
      { id: reviewer, esiaOid: "6899999999", lastName: "Синтетический", firstName: "Проверяющий", snils: makeSnils(899_999_999) },
      { id: SYN_MONITOR_PERSON, esiaOid: "6899999998", lastName: "Синтетический", firstName: "Наблюдатель", snils: makeSnils(899_999_998), email: "monitor@synthetic.demo.test" },
    ],
  });
  // ЛКО numbers come from the cabinets' own sequence, as in the app: a fixed synthetic range would
  // sooner or later meet the numbers the sequence hands out to approved requests.
  const presentOrganCabinets = new Set(
    (await db.cabinet.findMany({ where: { id: { in: organs.map((o) => `syn-cab-ed-${o.id}`) } }, select: { id: true } })).map((c) => c.id),
  );
  await db.cabinet.createMany({
    skipDuplicates: true,
    data: organs
      .map((o, i) => ({
        id: `syn-cab-ed-${o.id}`, kind: "EDITORIAL" as const, type: "OMSU" as const, name: o.name, organizationId: o.id,
        regionId: REGION_ID, email: `organ${i}@synthetic.demo.test`,
      }))
      .filter((c) => !presentOrganCabinets.has(c.id)),
  });
  // The city IT specialist of the synthetic administration: confirmed and trained, so the role works.
  await db.account.createMany({
    skipDuplicates: true,
    data: [{
      id: "syn-acc-monitor", cabinetId: `syn-cab-ed-${SYN_ADMINISTRATION}`, email: "monitor@synthetic.demo.test", lastName: "Синтетический",
      firstName: "Наблюдатель", position: "Специалист отдела информационных технологий", status: "CONFIRMED", personId: SYN_MONITOR_PERSON,
      confirmedAt: now, trainingConfirmedAt: now,
    }],
  });
  await db.accountRole.createMany({ skipDuplicates: true, data: [{ id: "syn-acc-monitor-role", accountId: "syn-acc-monitor", role: "CONNECTION_MONITOR" }] });
  log(`органы: ${organs.length}`);

  const n = opts.institutions;
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const dep = (i: number) => synDepartment((i % opts.departments) + 1);
  const approved = (i: number) => APPROVED.has(synState(i));
  const sphere = (i: number) => sphereId(SPHERES[Math.floor(i / 7) % SPHERES.length].code);
  const site = (i: number) => `https://inst${i}.synthetic.demo.test`;

  await inBatches(ids, size, (b) =>
    insertColumns(db, "Organization", [
      ["id", "text", b.map((i) => `syn-org-${i}`)],
      ["esiaOid", "text", b.map((i) => String(7_000_000_000 + i))],
      ["fullName", "text", b.map((i) => `Муниципальное учреждение «Синтетическое учреждение № ${i}»`)],
      ["shortName", "text", b.map((i) => `МУ «Учреждение № ${i}»`)],
      ["ogrn", "text", b.map(ogrn)],
      ["inn", "text", b.map((i) => makeInn(7500 + Math.floor(i / 99_999), i % 99_999))],
      ["kpp", "text", b.map(() => "749901001")],
      ["kind", `"OrganizationKind"`, b.map(() => "SUBORDINATE_OMSU")],
      ["regionId", "text", b.map(() => REGION_ID)],
      ["municipalityId", "text", b.map(() => SYN_MUNICIPALITY)],
      ["parentId", "text", b.map(dep)],
      ["updatedAt", "timestamp", b.map(() => now)],
    ]),
  );
  log(`учреждения: ${n}`);
  await inBatches(ids, size, (b) =>
    insertColumns(db, "Person", [
      ["id", "text", b.map((i) => `syn-person-${i}`)],
      ["esiaOid", "text", b.map((i) => String(8_000_000_000 + i))],
      ["lastName", "text", b.map(() => "Синтетический")],
      ["firstName", "text", b.map((i) => `Сотрудник ${i}`)],
      ["snils", "text", b.map((i) => makeSnils(800_000_000 + i))],
      ["email", "text", b.map((i) => `head${i}@synthetic.demo.test`)],
      ["updatedAt", "timestamp", b.map(() => now)],
    ]),
  );
  const withCabinet = ids.filter(approved);
  await inBatches(withCabinet, size, (b) => {
    const ready = (i: number) => ["ready", "placed", "notWorking", "noSite"].includes(synState(i));
    return insertColumns(db, "Cabinet", [
      ["id", "text", b.map((i) => `syn-cab-${i}`)],
      ["kind", `"CabinetKind"`, b.map(() => "WORK")],
      ["type", `"CabinetType"`, b.map(() => "SUBORDINATE_OMSU")],
      ["name", "text", b.map((i) => `МУ «Учреждение № ${i}»`)],
      ["organizationId", "text", b.map((i) => `syn-org-${i}`)],
      ["regionId", "text", b.map(() => REGION_ID)],
      ["editorialCabinetId", "text", b.map((i) => `syn-cab-ed-${dep(i)}`)],
      ["email", "text", b.map((i) => `inst${i}@synthetic.demo.test`)],
      ["officialSite", "text", b.map((i) => (synState(i) === "noSite" ? null : site(i)))],
      ["noSite", "boolean", b.map((i) => synState(i) === "noSite")],
      ["noSiteReason", "text", b.map((i) => (synState(i) === "noSite" ? "Сведения размещаются на сайте учредителя" : null))],
      ["readyAccounts", "boolean", b.map(ready)],
      ["readyResponsibles", "boolean", b.map(ready)],
      ["readyTraining", "boolean", b.map((i) => ready(i) || synState(i) === "trained")],
      ["readyToWork", "boolean", b.map(ready)],
      ["widgetVariant", "int", b.map((i) => (ready(i) && synState(i) !== "noSite" ? 17 : null))],
      ["widgetGeneratedAt", "timestamp", b.map((i) => (ready(i) && synState(i) !== "noSite" ? now : null))],
      ["updatedAt", "timestamp", b.map(() => now)],
    ], { newIdsOnly: true });
  });
  await inBatches(withCabinet, size, (b) =>
    insertColumns(db, "CabinetSphere", [
      ["cabinetId", "text", b.map((i) => `syn-cab-${i}`)],
      ["sphereId", "text", b.map(sphere)],
    ]),
  );
  log("кабинеты");
  const requested = ids.filter((i) => synState(i) !== "none");
  const requestStatus = (i: number) => (synState(i) === "pending" ? "PENDING" : synState(i) === "rejected" ? "REJECTED" : "APPROVED");
  await inBatches(requested, size, (b) =>
    insertColumns(db, "CabinetRequest", [
      ["id", "text", b.map((i) => `syn-req-${i}`)],
      ["organizationId", "text", b.map((i) => `syn-org-${i}`)],
      ["kind", `"CabinetKind"`, b.map(() => "WORK")],
      ["status", `"RequestStatus"`, b.map(requestStatus)],
      ["applicantId", "text", b.map((i) => `syn-person-${i}`)],
      ["reviewerOrganizationId", "text", b.map(dep)],
      ["rejectionReason", "text", b.map((i) => (requestStatus(i) === "REJECTED" ? "Изменить название кабинета" : null))],
      ["decidedAt", "timestamp", b.map((i) => (requestStatus(i) === "PENDING" ? null : now))],
      ["cabinetId", "text", b.map((i) => (requestStatus(i) === "APPROVED" ? `syn-cab-${i}` : null))],
      ["updatedAt", "timestamp", b.map(() => now)],
    ]),
  );
  await inBatches(requested, size, (b) =>
    insertColumns(db, "CabinetRequestRevision", [
      ["id", "text", b.map((i) => `syn-rev-${i}`)],
      ["requestId", "text", b.map((i) => `syn-req-${i}`)],
      ["number", "int", b.map(() => 1)],
      ["name", "text", b.map((i) => `МУ «Учреждение № ${i}»`)],
      ["regionId", "text", b.map(() => REGION_ID)],
      ["type", `"CabinetType"`, b.map(() => "SUBORDINATE_OMSU")],
      ["editorialCabinetId", "text", b.map((i) => `syn-cab-ed-${dep(i)}`)],
      ["sphereIds", "text", b.map((i) => `{${sphere(i)}}`), "text[]"],
      ["email", "text", b.map((i) => `inst${i}@synthetic.demo.test`)],
      ["authorId", "text", b.map((i) => `syn-person-${i}`)],
    ]),
  );
  log("заявки");
  // The head (Администратор ЛКО) of every cabinet; a second, invited account where the state says so.
  await inBatches(withCabinet, size, (b) =>
    insertColumns(db, "Account", [
      ["id", "text", b.map((i) => `syn-acc-${i}`)],
      ["cabinetId", "text", b.map((i) => `syn-cab-${i}`)],
      ["email", "text", b.map((i) => `head${i}@synthetic.demo.test`)],
      ["lastName", "text", b.map(() => "Синтетический")],
      ["firstName", "text", b.map((i) => `Сотрудник ${i}`)],
      ["position", "text", b.map(() => "Руководитель")],
      ["status", `"AccountStatus"`, b.map(() => "CONFIRMED")],
      ["personId", "text", b.map((i) => `syn-person-${i}`)],
      ["confirmedAt", "timestamp", b.map(() => now)],
      ["trainingConfirmedAt", "timestamp", b.map((i) => (synState(i) === "confirmed" ? null : now))],
      ["updatedAt", "timestamp", b.map(() => now)],
    ]),
  );
  const invited = withCabinet.filter((i) => synState(i) === "invited");
  await inBatches(invited, size, (b) =>
    insertColumns(db, "Account", [
      ["id", "text", b.map((i) => `syn-acc-${i}-2`)],
      ["cabinetId", "text", b.map((i) => `syn-cab-${i}`)],
      ["email", "text", b.map((i) => `it${i}@synthetic.demo.test`)],
      ["lastName", "text", b.map(() => "Синтетический")],
      ["firstName", "text", b.map((i) => `Специалист ${i}`)],
      ["position", "text", b.map(() => "Специалист по ИКТ")],
      ["status", `"AccountStatus"`, b.map(() => "INVITED")],
      ["updatedAt", "timestamp", b.map(() => now)],
    ]),
  );
  await inBatches(withCabinet, size, (b) =>
    insertColumns(db, "AccountRole", [
      ["id", "text", b.map((i) => `syn-role-${i}`)],
      ["accountId", "text", b.map((i) => `syn-acc-${i}`)],
      ["role", `"AccountRoleKind"`, b.map(() => "LKO_ADMIN")],
    ]),
  );
  const seen = withCabinet.filter((i) => synState(i) === "placed" || synState(i) === "notWorking");
  // The loader's reports (hints) and the site check that proves or disproves the placement (issue 17).
  await inBatches(seen, size, (b) =>
    insertColumns(db, "WidgetPlacement", [
      ["id", "text", b.map((i) => `syn-wp-${i}`)],
      ["cabinetId", "text", b.map((i) => `syn-cab-${i}`)],
      ["origin", "text", b.map((i) => (synState(i) === "placed" ? site(i) : `https://old-inst${i}.synthetic.demo.test`))],
      ["lastSeenAt", "timestamp", b.map(() => now)],
    ]),
  );
  await inBatches(seen, size, (b) =>
    insertColumns(db, "SiteCheck", [
      ["id", "text", b.map((i) => `syn-check-${i}`)],
      ["cabinetId", "text", b.map((i) => `syn-cab-${i}`)],
      ["url", "text", b.map((i) => `${site(i)}/`)],
      ["outcome", `"SiteCheckOutcome"`, b.map((i) => (synState(i) === "placed" ? "CORRECT" : "WRONG_ID"))],
      ["trigger", `"SiteCheckTrigger"`, b.map(() => "SCHEDULED")],
      ["checkedAt", "timestamp", b.map(() => now)],
    ]),
  );
  log("учетные записи и виджеты");
  const started = Date.now();
  const refreshed = await refreshConnectionStatus(db);
  log(`статус подключения пересчитан: ${refreshed} организаций за ${Date.now() - started} мс`);
}
