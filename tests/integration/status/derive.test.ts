// The connection status of each institution: derived from the registration, accounts and widget
// data, and kept current when any of them changes (triggers note, the refresh recomputes).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { refreshConnectionStatus } from "@/lib/status/derive";

const status = async (organizationId: string) => {
  await refreshConnectionStatus(db);
  return db.connectionStatus.findUniqueOrThrow({ where: { organizationId } });
};

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

  it("виджет размещён, только если он замечен на домене официального сайта", async () => {
    const cabinet = await db.cabinet.findFirstOrThrow({ where: { organizationId: "org-mag-school-40", kind: "WORK" } });
    await db.widgetPlacement.create({ data: { cabinetId: cabinet.id, origin: "https://elsewhere.demo.test" } });
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "WRONG_DOMAIN", overall: "IN_PROGRESS" });
    // The site typed without a scheme and with a path still has the same origin.
    await db.cabinet.update({ where: { id: cabinet.id }, data: { officialSite: "Mag-School40.demo.test/index.html" } });
    await db.widgetPlacement.create({ data: { cabinetId: cabinet.id, origin: "https://mag-school40.demo.test" } });
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "PLACED", overall: "CONNECTED", missing: [] });
    await db.widgetPlacement.deleteMany({ where: { cabinetId: cabinet.id } });
    expect(await status("org-mag-school-40")).toMatchObject({ widget: "MISSING", overall: "IN_PROGRESS" });
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
