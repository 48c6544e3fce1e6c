// Where each demo institution stands on its way to connection. Deterministic, so that tests and
// the README can name institutions by their state.
import { DEMO_INSTITUTION, INSTITUTIONS } from "../../lib/demo-world/esia-world";

export type Scenario =
  | "none" // no request yet
  | "pending" // request on review
  | "rejected" // request rejected, not yet fixed
  | "resubmitted" // rejected once, the second revision is on review
  | "invited" // approved; a second account invited, link still valid
  | "invitationExpired" // approved; the second account's link expired
  | "confirmed" // approved; accounts confirmed, training not ticked
  | "trained" // approved; accounts confirmed and trained
  | "ready" // trained, every readiness point, site given, widget generated but not seen
  | "widgetPlaced" // ready; the daily site check found the widget on the official site (and the loader reported from there)
  | "widgetNotWorking" // ready; the site check found code with another cabinet's number, and the loader reported from an old domain
  | "noSite" // trained, ready, no official site (with a reason)
  | "accountArchived" // approved; one account moved to the archive
  | "cabinetArchived"; // was ready with the widget placed, then the cabinet moved to the archive (reorganisation)

const CYCLE: Scenario[] = [
  "trained", "none", "pending", "confirmed", "widgetPlaced", "rejected", "ready", "invited",
  "noSite", "resubmitted", "widgetNotWorking", "invitationExpired", "accountArchived", "widgetPlaced",
  "trained", "none", "ready", "pending", "widgetPlaced", "confirmed",
];

/** Institutions a demo person or an e2e test relies on being in a given state. */
const FIXED: Record<string, Scenario> = {
  [DEMO_INSTITUTION.filing]: "none",
  [DEMO_INSTITUTION.headWithoutGroup]: "none",
  [DEMO_INSTITUTION.multiSecond]: "none",
  "org-mag-school-10": "invited", // the demo invitee's account waits here
  "org-mag-school-13": "none", // e2e: registration by the institution's head
  "org-mag-school-14": "pending", // e2e: a request waiting for the Управление образования
  "org-mag-school-16": "trained", // e2e: accounts administration
  "org-mag-school-18": "trained", // e2e: functioning and widget
  "org-mag-school-36": "none", // e2e: the guide screenshots file, approve and set it up
  "org-mag-kindergarten-7": "trained",
  "org-mag-school-33": "trained", // issue 20: the message back office's demo and e2e (messages.spec.ts)
  "org-mag-school-40": "ready", // issue 20: a widget message arrives here (messages.spec.ts)
  "org-mag-culture-7": "none", // e2e: stored HTML in a request (security.spec.ts)
  "org-mag-sport-4": "cabinetArchived", // e2e: an archived cabinet's widget shows nothing (widget.spec.ts)
  "org-mag-culture-1": "pending", // a request of another organ's tree
  "org-agapovo-school-1": "pending", // a request of another municipality
};

export const APPROVED: ReadonlySet<Scenario> = new Set([
  "invited", "invitationExpired", "confirmed", "trained", "ready", "widgetPlaced", "widgetNotWorking", "noSite", "accountArchived", "cabinetArchived",
]);

export function scenarioOf(organizationId: string, index: number): Scenario {
  return FIXED[organizationId] ?? CYCLE[index % CYCLE.length];
}

export const INSTITUTION_SCENARIOS: ReadonlyArray<{ organizationId: string; scenario: Scenario }> = INSTITUTIONS.map(
  (inst, i) => ({ organizationId: inst.id, scenario: scenarioOf(inst.id, i) }),
);
