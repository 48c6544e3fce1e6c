// The benchmarks' generator (`npm run seed -- --institutions N`, prisma/seed/synthetic.ts) on this
// file's copy of the demo database: valid requisites, every state of connection, repeatable, and
// ЛКО numbers from the cabinets' own sequence.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../helpers/db";
import { isValidInn, isValidOgrn, isValidSnils } from "@/lib/requisites";
import { seedCounts } from "@/prisma/seed/demo";
import { SYN_MUNICIPALITY, seedSynthetic } from "@/prisma/seed/synthetic";

const db = testDb();
const INSTITUTIONS = 200;
const options = { institutions: INSTITUTIONS, departments: 5 };

const inTown = { organization: { municipalityId: SYN_MUNICIPALITY } };

async function counts() {
  const [sequence] = await db.$queryRawUnsafe<{ last_value: bigint }[]>(`SELECT last_value FROM "Cabinet_lkoId_seq"`);
  return {
    ...(await seedCounts(db)),
    connectionStatus: await db.connectionStatus.count(),
    connectionStatusCount: await db.connectionStatusCount.count(),
    lkoSequence: Number(sequence.last_value),
  };
}

describe("синтетические данные для нагрузочных замеров", () => {
  let before: Awaited<ReturnType<typeof counts>>;

  beforeAll(async () => {
    before = await counts();
    await seedSynthetic(db, options);
  }, 60_000);

  it("добавляет учреждения с правильными ОГРН и ИНН и сотрудников с правильными СНИЛС", async () => {
    const organizations = await db.organization.findMany({ where: { municipalityId: SYN_MUNICIPALITY }, select: { ogrn: true, inn: true, kind: true } });
    expect(organizations.filter((o) => o.kind === "SUBORDINATE_OMSU")).toHaveLength(INSTITUTIONS);
    expect(organizations).toHaveLength(INSTITUTIONS + options.departments + 1);
    for (const o of organizations) {
      expect(isValidOgrn(o.ogrn), o.ogrn).toBe(true);
      expect(isValidInn(o.inn ?? ""), `${o.ogrn}: ИНН ${o.inn}`).toBe(true);
    }
    const persons = await db.person.findMany({ where: { id: { startsWith: "syn-" } }, select: { snils: true } });
    expect(persons.length).toBeGreaterThanOrEqual(INSTITUTIONS);
    for (const p of persons) expect(isValidSnils(p.snils!), p.snils!).toBe(true);
  });

  it("учреждения во всех состояниях подключения", async () => {
    const work = { kind: "WORK" as const, ...inTown };
    const present = {
      "нет заявки": await db.organization.count({ where: { municipalityId: SYN_MUNICIPALITY, kind: "SUBORDINATE_OMSU", requests: { none: {} } } }),
      "заявка на рассмотрении": await db.cabinetRequest.count({ where: { status: "PENDING", ...inTown } }),
      "заявка отклонена": await db.cabinetRequest.count({ where: { status: "REJECTED", ...inTown } }),
      "учётная запись приглашена": await db.account.count({ where: { status: "INVITED", cabinet: work } }),
      "подтверждена без обучения": await db.account.count({ where: { status: "CONFIRMED", trainingConfirmedAt: null, cabinet: work } }),
      "обучение отмечено, не готов": await db.cabinet.count({ where: { ...work, readyTraining: true, readyToWork: false } }),
      "готов, виджет не показывался": await db.cabinet.count({ where: { ...work, readyToWork: true, noSite: false, placements: { none: {} } } }),
      "виджет размещён": await db.connectionStatus.count({ where: { municipalityId: SYN_MUNICIPALITY, widget: "PLACED" } }),
      "код виджета не работает": await db.connectionStatus.count({ where: { municipalityId: SYN_MUNICIPALITY, widget: "NOT_WORKING" } }),
      "нет сайта": await db.cabinet.count({ where: { ...work, noSite: true, noSiteReason: { not: null } } }),
    };
    for (const [state, n] of Object.entries(present)) expect(n, state).toBeGreaterThan(0);
    // The stored connection status (what the dashboard reads) shows every overall state too.
    const overall = await db.connectionStatus.groupBy({ by: ["overall"], where: { municipalityId: SYN_MUNICIPALITY }, _count: true });
    expect(overall.map((o) => o.overall).sort()).toEqual(["CONNECTED", "IN_PROGRESS", "NOT_STARTED", "PENDING", "REJECTED"]);
    expect(overall.reduce((sum, o) => sum + o._count, 0)).toBe(INSTITUTIONS);
  });

  it("номера ЛКО выдаёт последовательность кабинетов: новый кабинет приложения их не задевает", async () => {
    const synthetic = await db.cabinet.findMany({ where: inTown, select: { lkoId: true } });
    expect(synthetic.length).toBeGreaterThan(0);
    for (const c of synthetic) expect(c.lkoId).toBeGreaterThanOrEqual(300_000);
    const highest = Math.max(...synthetic.map((c) => c.lkoId));
    const org = await db.organization.findFirstOrThrow({ where: { municipalityId: SYN_MUNICIPALITY, kind: "SUBORDINATE_OMSU", cabinets: { none: {} } } });
    const editorial = await db.cabinet.findFirstOrThrow({ where: { kind: "EDITORIAL", ...inTown } });
    const created = await db.cabinet.create({
      data: { kind: "WORK", type: "SUBORDINATE_OMSU", name: "Новый", organizationId: org.id, regionId: editorial.regionId, editorialCabinetId: editorial.id, email: "n@synthetic.demo.test" },
    });
    expect(created.lkoId).toBeGreaterThan(highest);
    await db.cabinet.delete({ where: { id: created.id } });
  });

  it("повторный запуск ничего не меняет", async () => {
    const first = await counts();
    expect(first.organization).toBe(before.organization + INSTITUTIONS + options.departments + 1);
    await seedSynthetic(db, options);
    expect(await counts()).toEqual(first);
  }, 60_000);
});
