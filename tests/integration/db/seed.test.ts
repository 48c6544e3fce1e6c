import { afterAll, describe, expect, it } from "vitest";
import { copyTemplateDatabase, testDb, type TestDatabase } from "../../helpers/db";
import { seedCounts, seedDemo } from "@/prisma/seed/demo";
import { INSTITUTION_SCENARIOS } from "@/prisma/seed/scenarios";

describe("демонстрационные данные", () => {
  let empty: TestDatabase;
  afterAll(async () => empty?.close());

  it("загрузка повторяема: дважды — те же количества", async () => {
    empty = await copyTemplateDatabase("empty");
    await seedDemo(empty.db);
    const first = await seedCounts(empty.db);
    await seedDemo(empty.db);
    expect(await seedCounts(empty.db)).toEqual(first);
    // Every table the seed writes is counted, and none of them is left empty.
    for (const table of ["sphere", "accessGroup", "membershipGroup", "cabinetSphere", "accountRole", "accountRoleSphere", "rejectionReasonTemplate"]) {
      expect(first, table).toHaveProperty(table);
    }
    for (const [table, count] of Object.entries(first)) expect(count, table).toBeGreaterThan(0);
    expect(first).toEqual(await seedCounts(testDb()));
    // Two full demo seeds on an embedded database: slow on a busy two-core machine.
  }, 120_000);

  it("содержит регион, органы, не менее 60 учреждений во всех состояниях", async () => {
    const db = testDb();
    expect(await db.region.findUnique({ where: { code: 74 } })).toMatchObject({ name: "Челябинская область" });
    expect(await db.organization.count({ where: { kind: "SUBORDINATE_OMSU", municipality: { oktmo: "75738000" } } })).toBeGreaterThanOrEqual(60);
    const scenarios = new Set(INSTITUTION_SCENARIOS.map((s) => s.scenario));
    for (const s of ["none", "pending", "rejected", "resubmitted", "invited", "invitationExpired", "confirmed", "trained", "ready", "widgetPlaced", "widgetNotWorking", "noSite", "accountArchived"]) {
      expect(scenarios).toContain(s);
    }
    const byStatus = await db.cabinetRequest.groupBy({ by: ["status"], _count: true });
    expect(byStatus.map((s) => s.status).sort()).toEqual(["APPROVED", "PENDING", "REJECTED"]);
    const accounts = await db.account.groupBy({ by: ["status"], _count: true });
    expect(accounts.map((s) => s.status).sort()).toEqual(["ARCHIVED", "CONFIRMED", "INVITED"]);
    expect(await db.account.count({ where: { status: "CONFIRMED", trainingConfirmedAt: null } })).toBeGreaterThan(0);
    expect(await db.account.count({ where: { status: "CONFIRMED", trainingConfirmedAt: { not: null } } })).toBeGreaterThan(0);
    expect(await db.invitation.count({ where: { expiresAt: { lt: new Date() }, usedAt: null } })).toBeGreaterThan(0);
    expect(await db.widgetPlacement.count()).toBeGreaterThan(0);
  });

  it("каждая организация с правильными ОГРН и ИНН, каждый человек — с правильным СНИЛС", async () => {
    const { isValidInn, isValidOgrn, isValidSnils } = await import("@/lib/requisites");
    const db = testDb();
    for (const o of await db.organization.findMany({ select: { ogrn: true, inn: true } })) {
      expect(isValidOgrn(o.ogrn), o.ogrn).toBe(true);
      expect(isValidInn(o.inn ?? ""), `${o.ogrn}: ИНН ${o.inn}`).toBe(true);
    }
    for (const p of await db.person.findMany({ select: { snils: true } })) expect(isValidSnils(p.snils!)).toBe(true);
  });
});
