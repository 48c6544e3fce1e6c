// Issue 17, finding 1: the server's own check of the official site is the only proof of a placement,
// so it runs by itself — at once when the site or the widget's code changes, then every day (spread
// over the day) — once across instances, and the status follows what it found.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveReadiness } from "@/lib/functioning/actions";
import { generateWidget } from "@/lib/widget/actions";
import { BANNER_TEXTS, bannerTextOf, variantById, widgetCode } from "@/lib/widget/banner";
import { nextScheduledCheck, runDueSiteChecks, SITE_CHECK_EVERY_MS, SITE_CHECK_JITTER_MS, SITE_CHECKS_KEPT } from "@/lib/widget/site-check-schedule";
import { ensureFreshStatus } from "@/lib/status/dashboard";
import { signInAs } from "../../helpers/session";

const CABINET = "cab-work-mag-school-18";
const ORGANIZATION = "org-mag-school-18";
const HEAD = { personId: "person-mag-school-18-head" };
const all = { readyAccounts: true, readyResponsibles: true, readyTraining: true, readyToWork: true };

let lko = 0;
let body = "";
let requests = 0;
let server: http.Server;
let site = "";
const previousAllow = process.env.SITE_CHECK_ALLOW_PRIVATE;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    requests++;
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(`<!DOCTYPE html><html><body><h1>Школа</h1>${body}</body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The test's «official site» listens on the loopback: allowed here, as on a local portal.
  process.env.SITE_CHECK_ALLOW_PRIVATE = "true";
  lko = (await db.cabinet.findUniqueOrThrow({ where: { id: CABINET }, select: { lkoId: true } })).lkoId;
});
afterAll(async () => {
  process.env.SITE_CHECK_ALLOW_PRIVATE = previousAllow;
  await new Promise((r) => server.close(r));
});

beforeEach(async () => {
  // Only this test's cabinet is due: the seeded ones' sites (*.demo.test) do not exist.
  await db.cabinet.updateMany({ data: { siteCheckDueAt: null, siteCheckReason: null, siteCheckClaimedUntil: null } });
  await db.siteCheck.deleteMany({ where: { cabinetId: CABINET } });
  body = widgetCode({ portalOrigin: "http://portal.test", lkoId: lko, variant: variantById(17)!, banner: bannerTextOf(null) });
  requests = 0;
});

const widgetState = async () => {
  await ensureFreshStatus();
  return (await db.connectionStatus.findUniqueOrThrow({ where: { organizationId: ORGANIZATION } })).widget;
};
const cabinet = () => db.cabinet.findUniqueOrThrow({ where: { id: CABINET }, select: { siteCheckDueAt: true, siteCheckReason: true, siteCheckClaimedUntil: true } });

describe("проверка сайта по расписанию", () => {
  it("новый адрес сайта: проверка сразу, затем через сутки (± час); статус — по её итогу", async () => {
    await signInAs(HEAD);
    const before = Date.now();
    expect((await saveReadiness({ cabinetId: CABINET, ...all, siteMode: "site", officialSite: site, noSiteReason: "" })).ok).toBe(true);
    expect(await cabinet()).toMatchObject({ siteCheckReason: "SITE_CHANGED" });
    expect((await cabinet()).siteCheckDueAt!.getTime()).toBeLessThanOrEqual(Date.now());

    expect(await runDueSiteChecks()).toBe(1);
    expect(requests).toBe(1);
    const checks = await db.siteCheck.findMany({ where: { cabinetId: CABINET } });
    expect(checks).toMatchObject([{ url: `${site}/`, outcome: "CORRECT", trigger: "SITE_CHANGED" }]);
    expect(await widgetState()).toBe("PLACED");
    const after = await cabinet();
    expect(after).toMatchObject({ siteCheckReason: "SCHEDULED", siteCheckClaimedUntil: null });
    const delay = after.siteCheckDueAt!.getTime() - before;
    expect(delay).toBeGreaterThan(SITE_CHECK_EVERY_MS - SITE_CHECK_JITTER_MS / 2 - 60_000);
    expect(delay).toBeLessThan(SITE_CHECK_EVERY_MS + SITE_CHECK_JITTER_MS / 2 + 60_000);
    // Nothing else is due: nothing runs.
    expect(await runDueSiteChecks()).toBe(0);
    expect(requests).toBe(1);
    expect(await db.auditEvent.count({ where: { cabinetId: CABINET, action: "widget.site_checked" } })).toBeGreaterThan(0);
  });

  it("ежедневная проверка замечает, что виджет убрали; в журнал — только перемена", async () => {
    await db.cabinet.update({ where: { id: CABINET }, data: { officialSite: site, noSite: false, siteCheckDueAt: new Date(Date.now() - 1000), siteCheckReason: "SCHEDULED" } });
    const journal = () => db.auditEvent.count({ where: { cabinetId: CABINET, action: "widget.site_checked" } });
    const journaled = await journal();
    expect(await runDueSiteChecks()).toBe(1);
    expect(await widgetState()).toBe("PLACED");
    // The same outcome the next day: no event.
    await db.cabinet.update({ where: { id: CABINET }, data: { siteCheckDueAt: new Date(Date.now() - 1000) } });
    expect(await runDueSiteChecks()).toBe(1);
    expect(await journal()).toBe(journaled + 1);
    // The widget removed from the site: the next day's check says so.
    body = "<p>Виджет убрали</p>";
    await db.cabinet.update({ where: { id: CABINET }, data: { siteCheckDueAt: new Date(Date.now() - 1000) } });
    expect(await runDueSiteChecks()).toBe(1);
    expect(await db.siteCheck.findFirst({ where: { cabinetId: CABINET }, orderBy: { checkedAt: "desc" } })).toMatchObject({ outcome: "MISSING", trigger: "SCHEDULED" });
    expect(await widgetState()).toBe("MISSING");
    expect(await journal()).toBe(journaled + 2);
  });

  it("новый код виджета — проверка сразу; сайт убран («нет сайта») — проверять нечего", async () => {
    await db.cabinet.update({ where: { id: CABINET }, data: { officialSite: site, noSite: false } });
    await signInAs(HEAD);
    expect(await generateWidget({ cabinetId: CABINET, variant: 17, bannerText: BANNER_TEXTS[1].text })).toMatchObject({ ok: true });
    expect(await cabinet()).toMatchObject({ siteCheckReason: "CODE_CHANGED" });
    expect(await runDueSiteChecks()).toBe(1);
    expect(await db.siteCheck.findFirst({ where: { cabinetId: CABINET } })).toMatchObject({ trigger: "CODE_CHANGED", outcome: "CORRECT" });

    expect((await saveReadiness({ cabinetId: CABINET, ...all, siteMode: "noSite", officialSite: "", noSiteReason: "Сайт закрыт на реконструкцию" })).ok).toBe(true);
    expect(await cabinet()).toMatchObject({ siteCheckDueAt: null, siteCheckReason: null });
    expect(await runDueSiteChecks()).toBe(0);
  });

  it("несколько экземпляров: каждая проверка выполняется один раз; взятая проверка умершего экземпляра — после аренды", async () => {
    await db.cabinet.update({ where: { id: CABINET }, data: { officialSite: site, noSite: false, siteCheckDueAt: new Date(Date.now() - 1000), siteCheckReason: "SCHEDULED" } });
    const runs = await Promise.all([runDueSiteChecks(), runDueSiteChecks(), runDueSiteChecks()]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(requests).toBe(1);
    expect(await db.siteCheck.count({ where: { cabinetId: CABINET } })).toBe(1);

    // An instance claimed it and died: nobody takes it during the lease, someone does after.
    await db.cabinet.update({ where: { id: CABINET }, data: { siteCheckDueAt: new Date(Date.now() - 1000), siteCheckClaimedUntil: new Date(Date.now() + 60_000) } });
    expect(await runDueSiteChecks()).toBe(0);
    expect(await runDueSiteChecks({ now: new Date(Date.now() + 120_000) })).toBe(1);
  });

  it(`хранится не больше ${SITE_CHECKS_KEPT} проверок кабинета; следующая — в пределах суток ± час`, async () => {
    await db.cabinet.update({ where: { id: CABINET }, data: { officialSite: site, noSite: false } });
    await db.siteCheck.createMany({
      data: Array.from({ length: SITE_CHECKS_KEPT + 5 }, (_, i) => ({ cabinetId: CABINET, url: `${site}/`, outcome: "CORRECT" as const, checkedAt: new Date(Date.now() - (i + 1) * 60_000) })),
    });
    await db.cabinet.update({ where: { id: CABINET }, data: { siteCheckDueAt: new Date(Date.now() - 1000), siteCheckReason: "SCHEDULED" } });
    expect(await runDueSiteChecks()).toBe(1);
    expect(await db.siteCheck.count({ where: { cabinetId: CABINET } })).toBe(SITE_CHECKS_KEPT);
    const now = new Date("2026-12-06T10:00:00Z");
    expect(nextScheduledCheck(now, 0).getTime() - now.getTime()).toBe(SITE_CHECK_EVERY_MS - SITE_CHECK_JITTER_MS / 2);
    expect(nextScheduledCheck(now, 1).getTime() - now.getTime()).toBe(SITE_CHECK_EVERY_MS + SITE_CHECK_JITTER_MS / 2);
  });
});
