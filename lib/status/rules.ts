// The rules of the connection status of one institution: which step it is at, what is still
// missing, and the one overall status. Pure (no database): lib/status/derive.ts feeds it the
// registration, accounts and site-check data and stores the result; the widget's own rule (placed,
// not working, missing — proven by the site check) is lib/widget/placement.ts, the same one
// «Функционирование ЛКО» uses.
import type { CabinetState, ConnectionOverall, SiteState, WidgetState } from "../db/generated/enums";
import { widgetStatusChangesAt, widgetStatusOf, type TPlacementCabinet } from "../widget/placement";

export interface TStatusInput {
  /** The active work cabinet, if any. */
  cabinet: {
    officialSite: string | null;
    noSite: boolean;
    readyAccounts: boolean;
    readyResponsibles: boolean;
    readyTraining: boolean;
    readyToWork: boolean;
    /** The latest check of the official site that reached it (the loader's reports do not count). */
    siteChecks: TPlacementCabinet["siteChecks"];
  } | null;
  /** Status of the latest work-cabinet request, if any. */
  requestStatus: "PENDING" | "APPROVED" | "REJECTED" | null;
  /** Accounts of the cabinet that are not archived; confirmed ones; confirmed with the training tick. */
  accounts: { total: number; confirmed: number; trained: number };
}

export interface TDerivedStatus {
  cabinetState: CabinetState;
  site: SiteState;
  widget: WidgetState;
  readyPoints: number;
  /** What is still to be done, as codes (lib/status/model.ts words them). */
  missing: string[];
  overall: ConnectionOverall;
  /** When the status may change with no write at all (a widget report going stale); null if never. */
  recheckAt: Date | null;
}

function cabinetStateOf(input: TStatusInput): CabinetState {
  if (input.cabinet) return "APPROVED";
  if (input.requestStatus === "PENDING") return "PENDING";
  if (input.requestStatus === "REJECTED") return "REJECTED";
  return "NONE";
}

export function deriveStatus(input: TStatusInput, now: Date): TDerivedStatus {
  const cabinetState = cabinetStateOf(input);
  const c = input.cabinet;
  const site: SiteState = c?.officialSite && !c.noSite ? "GIVEN" : c?.noSite ? "NO_SITE" : "MISSING";
  let widget: WidgetState = site === "NO_SITE" ? "NO_SITE" : "MISSING";
  let recheckAt: Date | null = null;
  if (c && site !== "NO_SITE") {
    const proof = { ...c, placements: [] };
    const w = widgetStatusOf(proof, now);
    widget = w.state === "placed" ? "PLACED" : w.state === "notWorking" ? "NOT_WORKING" : "MISSING";
    recheckAt = widgetStatusChangesAt(proof, now);
  }
  const readyPoints = c ? [c.readyAccounts, c.readyResponsibles, c.readyTraining, c.readyToWork].filter(Boolean).length : 0;

  let missing: string[];
  if (cabinetState === "NONE") missing = ["request"];
  else if (cabinetState === "PENDING") missing = ["requestPending"];
  else if (cabinetState === "REJECTED") missing = ["requestRejected"];
  else {
    const { total, confirmed, trained } = input.accounts;
    missing = [];
    if (total === 0 || confirmed < total) missing.push("accounts");
    if (confirmed === 0 || trained < confirmed) missing.push("training");
    if (!c!.readyAccounts) missing.push("readyAccounts");
    if (!c!.readyResponsibles) missing.push("readyResponsibles");
    if (!c!.readyTraining) missing.push("readyTraining");
    if (!c!.readyToWork) missing.push("readyToWork");
    if (site === "MISSING") missing.push("site");
    if (site === "GIVEN" && widget === "MISSING") missing.push("widget");
    if (site === "GIVEN" && widget === "NOT_WORKING") missing.push("widgetNotWorking");
  }

  const overall: ConnectionOverall =
    cabinetState === "NONE" ? "NOT_STARTED"
    : cabinetState === "PENDING" ? "PENDING"
    : cabinetState === "REJECTED" ? "REJECTED"
    : missing.length === 0 ? "CONNECTED"
    : "IN_PROGRESS";
  return { cabinetState, site, widget, readyPoints, missing, overall, recheckAt };
}
