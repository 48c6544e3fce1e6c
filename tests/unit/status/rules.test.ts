// The rules of one institution's connection status (pure): steps, what is missing, overall.
import { describe, expect, it } from "vitest";
import { deriveStatus, type TStatusInput } from "@/lib/status/rules";
import { CHECK_FRESH_DAYS } from "@/lib/widget/placement";

const now = new Date("2026-12-05T10:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const SITE = "https://school18.demo.test";
/** The server's check of a site, `daysAgo` days ago (the only proof of a placement, issue 17). */
const check = (outcome: "CORRECT" | "MISSING" | "WRONG_ID" | "NOT_WORKING", daysAgo: number, url = `${SITE}/`) => ({ url, outcome, checkedAt: new Date(now.getTime() - daysAgo * DAY) });
const ready = { readyAccounts: true, readyResponsibles: true, readyTraining: true, readyToWork: true };
const connected: TStatusInput = {
  cabinet: { officialSite: SITE, noSite: false, ...ready, siteChecks: [check("CORRECT", 2)] },
  requestStatus: "APPROVED",
  accounts: { total: 2, confirmed: 2, trained: 2 },
};
const with_ = (cabinet: Partial<NonNullable<TStatusInput["cabinet"]>>, rest: Partial<TStatusInput> = {}): TStatusInput => ({
  ...connected, ...rest, cabinet: { ...connected.cabinet!, ...cabinet },
});

describe("правила статуса подключения", () => {
  it("без кабинета статус — по заявке", () => {
    expect(deriveStatus({ cabinet: null, requestStatus: null, accounts: { total: 0, confirmed: 0, trained: 0 } }, now)).toMatchObject({ cabinetState: "NONE", overall: "NOT_STARTED", missing: ["request"] });
    expect(deriveStatus({ cabinet: null, requestStatus: "PENDING", accounts: { total: 0, confirmed: 0, trained: 0 } }, now)).toMatchObject({ overall: "PENDING", missing: ["requestPending"] });
    expect(deriveStatus({ cabinet: null, requestStatus: "REJECTED", accounts: { total: 0, confirmed: 0, trained: 0 } }, now)).toMatchObject({ overall: "REJECTED", missing: ["requestRejected"] });
    // An approved request whose cabinet was archived: back to the start.
    expect(deriveStatus({ cabinet: null, requestStatus: "APPROVED", accounts: { total: 0, confirmed: 0, trained: 0 } }, now)).toMatchObject({ overall: "NOT_STARTED" });
  });

  it("подключено: всё выполнено, проверка сайта недавно нашла виджет", () => {
    const d = deriveStatus(connected, now);
    expect(d).toMatchObject({ cabinetState: "APPROVED", site: "GIVEN", widget: "PLACED", readyPoints: 4, missing: [], overall: "CONNECTED" });
    // Recomputed when the check turns stale.
    expect(d.recheckAt!.getTime()).toBe(now.getTime() - 2 * DAY + CHECK_FRESH_DAYS * DAY + 1);
  });

  it("перечень невыполненного — в порядке инструкции", () => {
    const d = deriveStatus(with_({ readyToWork: false, readyTraining: false, siteChecks: [] }, { accounts: { total: 3, confirmed: 2, trained: 1 } }), now);
    expect(d).toMatchObject({ overall: "IN_PROGRESS", readyPoints: 2, widget: "MISSING", recheckAt: null });
    expect(d.missing).toEqual(["accounts", "training", "readyTraining", "readyToWork", "widget"]);
    expect(deriveStatus(with_({}, { accounts: { total: 0, confirmed: 0, trained: 0 } }), now).missing).toEqual(["accounts", "training"]);
  });

  it("код не работает, проверка устарела или была другого сайта, нет сайта", () => {
    expect(deriveStatus(with_({ siteChecks: [check("WRONG_ID", 0)] }), now)).toMatchObject({ widget: "NOT_WORKING", missing: ["widgetNotWorking"] });
    expect(deriveStatus(with_({ siteChecks: [check("MISSING", 0)] }), now)).toMatchObject({ widget: "MISSING", missing: ["widget"] });
    expect(deriveStatus(with_({ siteChecks: [check("CORRECT", CHECK_FRESH_DAYS + 1)] }), now)).toMatchObject({ widget: "MISSING", missing: ["widget"], recheckAt: null });
    // A check of the site the cabinet had before proves nothing about the one it has now.
    expect(deriveStatus(with_({ siteChecks: [check("CORRECT", 0, "https://old.demo.test/")] }), now)).toMatchObject({ widget: "MISSING" });
    // The www twin is the same site.
    expect(deriveStatus(with_({ siteChecks: [check("CORRECT", 0, "https://www.school18.demo.test/")] }), now)).toMatchObject({ widget: "PLACED" });
    // No site (with a reason): the widget is not needed.
    expect(deriveStatus(with_({ officialSite: null, noSite: true, siteChecks: [] }), now)).toMatchObject({ site: "NO_SITE", widget: "NO_SITE", overall: "CONNECTED" });
    // No site given at all: that is what is missing.
    expect(deriveStatus(with_({ officialSite: null, siteChecks: [] }), now)).toMatchObject({ site: "MISSING", widget: "MISSING", missing: ["site"] });
  });
});
