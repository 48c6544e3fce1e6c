// The rules of one institution's connection status (pure): steps, what is missing, overall.
import { describe, expect, it } from "vitest";
import { deriveStatus, type TStatusInput } from "@/lib/status/rules";
import { PLACEMENT_FRESH_DAYS } from "@/lib/widget/placement";

const now = new Date("2026-12-05T10:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const SITE = "https://school18.demo.test";
const ready = { readyAccounts: true, readyResponsibles: true, readyTraining: true, readyToWork: true };
const connected: TStatusInput = {
  cabinet: { officialSite: SITE, noSite: false, ...ready, placements: [{ origin: SITE, lastSeenAt: new Date(now.getTime() - 2 * DAY) }] },
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

  it("подключено: всё выполнено, виджет недавно показан на официальном сайте", () => {
    const d = deriveStatus(connected, now);
    expect(d).toMatchObject({ cabinetState: "APPROVED", site: "GIVEN", widget: "PLACED", readyPoints: 4, missing: [], overall: "CONNECTED" });
    // Recomputed when the report turns stale.
    expect(d.recheckAt!.getTime()).toBe(now.getTime() - 2 * DAY + PLACEMENT_FRESH_DAYS * DAY + 1);
  });

  it("перечень невыполненного — в порядке инструкции", () => {
    const d = deriveStatus(with_({ readyToWork: false, readyTraining: false, placements: [] }, { accounts: { total: 3, confirmed: 2, trained: 1 } }), now);
    expect(d).toMatchObject({ overall: "IN_PROGRESS", readyPoints: 2, widget: "MISSING", recheckAt: null });
    expect(d.missing).toEqual(["accounts", "training", "readyTraining", "readyToWork", "widget"]);
    expect(deriveStatus(with_({}, { accounts: { total: 0, confirmed: 0, trained: 0 } }), now).missing).toEqual(["accounts", "training"]);
  });

  it("виджет на другом домене, старые показы, нет сайта", () => {
    expect(deriveStatus(with_({ placements: [{ origin: "https://old.demo.test", lastSeenAt: now }] }), now)).toMatchObject({ widget: "WRONG_DOMAIN", missing: ["widgetWrongDomain"] });
    expect(deriveStatus(with_({ placements: [{ origin: SITE, lastSeenAt: new Date(now.getTime() - 31 * DAY) }] }), now)).toMatchObject({ widget: "MISSING", missing: ["widget"], recheckAt: null });
    // No site (with a reason): the widget is not needed.
    expect(deriveStatus(with_({ officialSite: null, noSite: true, placements: [] }), now)).toMatchObject({ site: "NO_SITE", widget: "NO_SITE", overall: "CONNECTED" });
    // No site given at all: that is what is missing.
    expect(deriveStatus(with_({ officialSite: null, placements: [] }), now)).toMatchObject({ site: "MISSING", widget: "MISSING", missing: ["site"] });
  });
});
