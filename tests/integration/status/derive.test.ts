// The connection status of each institution: derived from the registration, accounts and widget
// data, and kept current when any of them changes (triggers note, the refresh recomputes).
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { refreshConnectionStatus } from "@/lib/status/derive";
import { PLACEMENT_FRESH_DAYS, placementSelect, widgetStatusOf } from "@/lib/widget/placement";

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
    expect(await status("org-mag-school-27")).toMatchObject({ widget: "WRONG_DOMAIN", overall: "IN_PROGRESS", missing: ["widgetWrongDomain"] });
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
    const word = { placed: "PLACED", wrongDomain: "WRONG_DOMAIN", missing: "MISSING" } as const;
    for (const c of cabinets) expect(stored.get(c.organizationId), c.organizationId).toBe(word[widgetStatusOf(c).state]);
    expect(new Set(stored.values())).toEqual(new Set(["PLACED", "WRONG_DOMAIN", "MISSING", "NO_SITE"]));
  });

  it("виджет размещён, только если загрузчик недавно сообщил о показе на официальном сайте", async () => {
    const cabinet = await db.cabinet.findFirstOrThrow({ where: { organizationId: "org-mag-school-40", kind: "WORK" } });
    await db.widgetPlacement.create({ data: { cabinetId: cabinet.id, origin: "https://elsewhere.demo.test" } });
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "WRONG_DOMAIN", overall: "IN_PROGRESS", missing: ["widgetWrongDomain"] });
    // The official site as the «Функционирование ЛКО» form stores it: an origin.
    await db.cabinet.update({ where: { id: cabinet.id }, data: { officialSite: "https://mag-school40.demo.test" } });
    const official = await db.widgetPlacement.create({ data: { cabinetId: cabinet.id, origin: "https://mag-school40.demo.test" } });
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "PLACED", overall: "CONNECTED", missing: [] });

    // Reports older than 30 days do not count: the site has removed the widget.
    await db.widgetPlacement.updateMany({ where: { cabinetId: cabinet.id }, data: { lastSeenAt: new Date(Date.now() - 31 * DAY) } });
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "MISSING", overall: "IN_PROGRESS", missing: ["widget"], recheckAt: null });
    // The loader reports again (only lastSeenAt moves, as lib/widget/placement-record.ts does it).
    await db.widgetPlacement.update({ where: { id: official.id }, data: { lastSeenAt: new Date(), hits: { increment: 1 } } });
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "PLACED", overall: "CONNECTED" });

    await db.widgetPlacement.deleteMany({ where: { cabinetId: cabinet.id } });
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "MISSING", overall: "IN_PROGRESS" });
  });

  it("устаревший отчёт меняет статус без всякой записи (recheckAt)", async () => {
    const cabinet = await db.cabinet.findFirstOrThrow({ where: { organizationId: "org-mag-school-40", kind: "WORK" } });
    await db.cabinet.update({ where: { id: cabinet.id }, data: { officialSite: "https://mag-school40.demo.test" } });
    await db.widgetPlacement.create({ data: { cabinetId: cabinet.id, origin: "https://mag-school40.demo.test", lastSeenAt: new Date(Date.now() - PLACEMENT_FRESH_DAYS * DAY + 1_500) } });
    const placed = await status("org-mag-school-40");
    expect(placed).toMatchObject({ widget: "PLACED" });
    expect(placed.recheckAt!.getTime() - Date.now()).toBeLessThan(2_000);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "MISSING", recheckAt: null });
  });

  it("показы в тот же день строку не трогают, показ в новый день — отмечает", async () => {
    const cabinet = await db.cabinet.findFirstOrThrow({ where: { organizationId: "org-mag-school-32", kind: "WORK" } });
    const today = new Date();
    today.setUTCHours(0, 1, 0, 0);
    await db.widgetPlacement.updateMany({ where: { cabinetId: cabinet.id }, data: { lastSeenAt: today } });
    await refreshConnectionStatus(db);
    await db.widgetPlacement.updateMany({ where: { cabinetId: cabinet.id }, data: { lastSeenAt: new Date(today.getTime() + 60_000), hits: { increment: 1 } } });
    expect(await refreshConnectionStatus(db)).toBe(0);
    await db.widgetPlacement.updateMany({ where: { cabinetId: cabinet.id }, data: { lastSeenAt: new Date(today.getTime() - DAY) } });
    expect(await refreshConnectionStatus(db)).toBe(1);
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
