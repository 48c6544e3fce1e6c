import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { SignedIn } from "@/lib/auth/session";
import { demoMailbox } from "@/lib/mail/config";
import { NAV } from "@/lib/ui/strings";
import { accountsAwaitingTraining, grants, monitoringRoots, reviewableRequestsWhere, seesAnyCabinet, settingsRegions } from "./policies";

export interface NavItem {
  href: string;
  label: string;
  /** A number worth attention, e.g. requests waiting for a decision. */
  count?: number;
}

/**
 * The sections a signed-in person can use, in the order of the instructions' steps: decided on the
 * request's session read, plus one statement for a reviewer's waiting requests. Once per request
 * (React's cache, keyed by the request's one SignedIn): the layout's menu and the home page's
 * buttons share it.
 */
export const navigationFor = cache(async ({ actor }: SignedIn): Promise<NavItem[]> => {
  const items: NavItem[] = [];
  if (actor.memberships.length > 0) items.push({ href: "/registration", label: NAV.registration });
  // A confirmed account awaiting «Мною пройдено обучение» leads there too (/admin sends on to /training).
  if (accountsAwaitingTraining(actor).length > 0 || (await seesAnyCabinet(actor))) {
    items.push({ href: "/admin", label: NAV.admin });
  }
  const reviewing = grants(actor, "requests.review");
  if (reviewing.length > 0) {
    const byStatus = await db.cabinetRequest.groupBy({ by: ["status"], where: reviewableRequestsWhere(actor), _count: { _all: true } });
    // Requests go to organs (through their editorial cabinet) and to the region's operator. An
    // institution's own ЛКО administrator holds the same role but would only see an empty queue.
    const receives = reviewing.some((g) => g.account.cabinetKind === "EDITORIAL" || g.role.role === "REGION_OPERATOR") || byStatus.length > 0;
    if (receives) {
      const waiting = byStatus.find((s) => s.status === "PENDING")?._count._all ?? 0;
      items.push({ href: "/admin/requests", label: NAV.requests, count: waiting });
    }
  }
  const roots = monitoringRoots(actor);
  if (roots.organizationIds.length + roots.regionIds.length > 0) items.push({ href: "/monitoring", label: NAV.monitoring });
  if (settingsRegions(actor).length > 0) items.push({ href: "/admin/messages-settings", label: NAV.messageSettings });
  if (demoMailbox().enabled) items.push({ href: "/dev/mail", label: NAV.demoMail });
  return items;
});
