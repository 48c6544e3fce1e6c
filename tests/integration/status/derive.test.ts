// The connection status of each institution: derived from the registration, accounts and widget
// data, and kept current when any of them changes (triggers note, the refresh recomputes).
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { refreshConnectionStatus } from "@/lib/status/derive";
import { ensureFreshStatus } from "@/lib/status/dashboard";
import { CHECK_FRESH_DAYS, placementSelect, widgetStatusOf } from "@/lib/widget/placement";

const DAY = 24 * 60 * 60 * 1000;

const status = async (organizationId: string) => {
  await refreshConnectionStatus(db);
  return db.connectionStatus.findUniqueOrThrow({ where: { organizationId } });
};

// The kept counts (ConnectionStatusCount) always equal counting the rows, whatever changed.
afterEach(async () => {
  await refreshConnectionStatus(db);
  const counted = await db.$queryRaw<Array<{ k: string; n: number }>>`
    SELECT concat_ws('|', "regionId", coalesce("municipalityId", ''), coalesce("parentId", ''), overall, widget) AS k, count(*)::int AS n
    FROM "ConnectionStatus" GROUP BY 1 ORDER BY 1`;
  const kept = await db.$queryRaw<Array<{ k: string; n: number }>>`
    SELECT concat_ws('|', "regionId", "municipalityId", "parentId", overall, widget) AS k, n FROM "ConnectionStatusCount" ORDER BY 1`;
  expect(kept).toEqual(counted);
});

describe("статус подключения учреждения", () => {
  it("каждое состояние демо-данных получает свой статус и перечень невыполненного", async () => {
    expect(await status("org-mag-school-13")).toMatchObject({ cabinetState: "NONE", overall: "NOT_STARTED", missing: ["request"] });
    expect(await status("org-mag-school-14")).toMatchObject({ cabinetState: "PENDING", overall: "PENDING", missing: ["requestPending"] });
    expect(await status("org-mag-school-25")).toMatchObject({ cabinetState: "PENDING", overall: "PENDING" }); // resubmitted
    expect(await status("org-mag-kindergarten-29")).toMatchObject({ cabinetState: "REJECTED", overall: "REJECTED", missing: ["requestRejected"] });
    expect(await status("org-mag-school-32")).toMatchObject({ cabinetState: "APPROVED", widget: "PLACED", site: "GIVEN", overall: "CONNECTED", missing: [], readyPoints: 4 });
    expect(await status("org-mag-school-21")).toMatchObject({ widget: "NO_SITE", site: "NO_SITE", overall: "CONNECTED" });
    expect(await status("org-mag-school-27")).toMatchObject({ widget: "NOT_WORKING", overall: "IN_PROGRESS", missing: ["widgetNotWorking"] });
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "MISSING", overall: "IN_PROGRESS", missing: ["widget"] });
    expect(await status("org-mag-school-20")).toMatchObject({ accountsTotal: 2, accountsConfirmed: 1, overall: "IN_PROGRESS" });
    expect((await status("org-mag-school-20")).missing).toContain("accounts");
    const confirmed = await status("org-mag-school-48");
    expect(confirmed).toMatchObject({ accountsConfirmed: 2, accountsTrained: 0 });
    expect(confirmed.missing).toEqual(expect.arrayContaining(["training", "readyAccounts", "readyToWork"]));
    // An archived account is not counted: the institution's other accounts are all confirmed.
    expect(await status("org-mag-school-31")).toMatchObject({ accountsTotal: 1, accountsConfirmed: 1 });
    expect((await status("org-mag-school-31")).missing).not.toContain("accounts");
    expect(await status("org-mag-school-16")).toMatchObject({ parentId: "org-omsu-mag-uo", sphereIds: ["sphere-education"], lkoId: expect.any(Number) });
  });

  it("органы не считаются учреждениями", async () => {
    await refreshConnectionStatus(db);
    expect(await db.connectionStatus.findUnique({ where: { organizationId: "org-omsu-mag-uo" } })).toBeNull();
    expect(await db.connectionStatus.count()).toBe(await db.organization.count({ where: { kind: { in: ["SUBORDINATE_OMSU", "SUBORDINATE_ROIV"] } } }));
  });

  it("виджет — по правилу lib/widget: то же, что вкладка «Функционирование ЛКО»", async () => {
    await refreshConnectionStatus(db);
    const cabinets = await db.cabinet.findMany({ where: { kind: "WORK", status: "ACTIVE", noSite: false, organization: { kind: { in: ["SUBORDINATE_OMSU", "SUBORDINATE_ROIV"] } } }, select: { organizationId: true, ...placementSelect } });
    expect(cabinets.length).toBeGreaterThan(10);
    const stored = new Map((await db.connectionStatus.findMany({ select: { organizationId: true, widget: true } })).map((r) => [r.organizationId, r.widget]));
    const word = { placed: "PLACED", notWorking: "NOT_WORKING", missing: "MISSING" } as const;
    for (const c of cabinets) expect(stored.get(c.organizationId), c.organizationId).toBe(word[widgetStatusOf(c).state]);
    expect(new Set(stored.values())).toEqual(new Set(["PLACED", "NOT_WORKING", "MISSING", "NO_SITE"]));
  });

  it("виджет размещён, только если свежая проверка официального сайта нашла его код; отчёты загрузчика статус не меняют", async () => {
    const cabinet = await db.cabinet.findFirstOrThrow({ where: { organizationId: "org-mag-school-40", kind: "WORK" } });
    // The official site as the «Функционирование ЛКО» form stores it: an origin.
    await db.cabinet.update({ where: { id: cabinet.id }, data: { officialSite: "https://mag-school40.demo.test" } });
    // Reports from the official site and elsewhere (anyone can send them): still not placed.
    await db.widgetPlacement.createMany({ data: ["https://mag-school40.demo.test", "https://elsewhere.demo.test"].map((origin) => ({ cabinetId: cabinet.id, origin })) });
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "MISSING", overall: "IN_PROGRESS", missing: ["widget"] });

    const check = (outcome: "CORRECT" | "WRONG_ID" | "UNREACHABLE" | "MISSING", checkedAt = new Date(), url = "https://mag-school40.demo.test/") =>
      db.siteCheck.create({ data: { cabinetId: cabinet.id, url, outcome, checkedAt, trigger: "SCHEDULED" } });
    await check("CORRECT");
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "PLACED", overall: "CONNECTED", missing: [] });
    // «Сайт недоступен» neither proves nor disproves: the last check that reached the site decides.
    await check("UNREACHABLE", new Date(Date.now() + 1_000));
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "PLACED" });
    await check("WRONG_ID", new Date(Date.now() + 2_000));
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "NOT_WORKING", missing: ["widgetNotWorking"] });
    await check("MISSING", new Date(Date.now() + 3_000));
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "MISSING", missing: ["widget"] });
    await check("CORRECT", new Date(Date.now() + 4_000));
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "PLACED" });
    // Another official site: the check of the old one proves nothing.
    await db.cabinet.update({ where: { id: cabinet.id }, data: { officialSite: "https://new-school40.demo.test" } });
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "MISSING" });
    await db.siteCheck.deleteMany({ where: { cabinetId: cabinet.id } });
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "MISSING", recheckAt: null });
  });

  it("страница мониторинга (ensureFreshStatus) пересчитывает отмеченные строки и те, чей срок перепроверки настал", async () => {
    const cabinet = await db.cabinet.findFirstOrThrow({ where: { organizationId: "org-mag-school-40", kind: "WORK" } });
    await refreshConnectionStatus(db);
    await db.cabinet.update({ where: { id: cabinet.id }, data: { officialSite: "https://mag-school40.demo.test" } });
    await db.siteCheck.create({ data: { cabinetId: cabinet.id, url: "https://mag-school40.demo.test/", outcome: "CORRECT", checkedAt: new Date(Date.now() - CHECK_FRESH_DAYS * DAY + 1_500) } });
    // Noted by the triggers: the request's check finds them and recomputes.
    await ensureFreshStatus();
    expect(await db.connectionStatusDirty.count()).toBe(0);
    expect(await db.connectionStatus.findUniqueOrThrow({ where: { organizationId: "org-mag-school-40" } })).toMatchObject({ widget: "PLACED" });
    // Nothing written since: only the recheck time makes the check note the row again.
    await new Promise((r) => setTimeout(r, 2_000));
    await ensureFreshStatus();
    expect(await db.connectionStatus.findUniqueOrThrow({ where: { organizationId: "org-mag-school-40" } })).toMatchObject({ widget: "MISSING", recheckAt: null });
  });

  it("устаревшая проверка меняет статус без всякой записи (recheckAt)", async () => {
    const cabinet = await db.cabinet.findFirstOrThrow({ where: { organizationId: "org-mag-school-40", kind: "WORK" } });
    await db.cabinet.update({ where: { id: cabinet.id }, data: { officialSite: "https://mag-school40.demo.test" } });
    await db.siteCheck.create({ data: { cabinetId: cabinet.id, url: "https://mag-school40.demo.test/", outcome: "CORRECT", checkedAt: new Date(Date.now() - CHECK_FRESH_DAYS * DAY + 1_500) } });
    const placed = await status("org-mag-school-40");
    expect(placed).toMatchObject({ widget: "PLACED" });
    expect(placed.recheckAt!.getTime() - Date.now()).toBeLessThan(2_000);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "MISSING", recheckAt: null });
  });

  it("отчёты загрузчика строку статуса не трогают", async () => {
    const cabinet = await db.cabinet.findFirstOrThrow({ where: { organizationId: "org-mag-school-32", kind: "WORK" } });
    await refreshConnectionStatus(db);
    await db.widgetPlacement.updateMany({ where: { cabinetId: cabinet.id }, data: { lastSeenAt: new Date(Date.now() - 40 * DAY), hits: { increment: 1 } } });
    await db.widgetPlacement.create({ data: { cabinetId: cabinet.id, origin: "https://forged.demo.test" } });
    expect(await refreshConnectionStatus(db)).toBe(0);
    expect(await status("org-mag-school-32")).toMatchObject({ widget: "PLACED" });
  });

  it("изменения заявок, кабинетов и учётных записей видны после пересчёта", async () => {
    const request = await db.cabinetRequest.findFirstOrThrow({ where: { organizationId: "org-mag-school-14", kind: "WORK" } });
    await db.cabinetRequest.update({ where: { id: request.id }, data: { status: "REJECTED", rejectionReason: "Укажите полное наименование", decidedAt: new Date() } });
    expect(await status("org-mag-school-14")).toMatchObject({ overall: "REJECTED" });

    const account = await db.account.findFirstOrThrow({ where: { cabinet: { organizationId: "org-mag-school-48" }, status: "CONFIRMED" }, orderBy: { id: "asc" } });
    await db.account.updateMany({ where: { cabinetId: account.cabinetId }, data: { trainingConfirmedAt: new Date() } });
    expect((await status("org-mag-school-48")).missing).not.toContain("training");
    expect(await status("org-mag-school-48")).toMatchObject({ accountsTrained: 2 });

    await db.organization.update({ where: { id: "org-mag-school-48" }, data: { shortName: "МОУ «СОШ № 48» (новое название)" } });
    expect(await status("org-mag-school-48")).toMatchObject({ name: "МОУ «СОШ № 48» (новое название)" });
  });

  it("пересчёт ничего не делает, когда ничего не менялось", async () => {
    await refreshConnectionStatus(db);
    expect(await refreshConnectionStatus(db)).toBe(0);
  });
});
