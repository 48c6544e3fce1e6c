import "server-only";
import { cache } from "react";
import { Prisma, type RequestStatus } from "@/lib/db";
import type { SignedIn } from "@/lib/auth/session";
import { demoMailbox } from "@/lib/mail/config";
import { NAV } from "@/lib/ui/strings";
import { accountsAwaitingTraining, grants, monitoringRoots, reviewerOrganizations, seesAnyCabinet, settingsRegions } from "./policies";
import { ROLE_KINDS, reachOf } from "./roles";

export interface NavItem {
  href: string;
  label: string;
  /** A number worth attention, e.g. requests waiting for a decision. */
  count?: number;
}

/** Requests addressed to one organization in one status (the menu's count of waiting requests). */
export interface TRequestCount {
  organizationId: string;
  status: RequestStatus;
  n: number;
}

// Roles that review what is addressed to their account's organization (the table of lib/access/roles.ts).
const REVIEWING_ROLES = ROLE_KINDS.filter((role) => reachOf(role, "requests.review").includes("organization"));

/**
 * The requests addressed to the organizations where the person (`p` of the statement) holds a
 * reviewing role, by organization and status, as a json column (`requestCounts`) of the session
 * read (lib/auth/session.ts): the menu's count costs no statement of its own (decision 082). A
 * superset — untrained accounts count too; navigationFor keeps only what the person reviews.
 */
export const REQUEST_COUNTS_COLUMN = Prisma.sql`
  (SELECT coalesce(json_agg(json_build_object('organizationId', q.o, 'status', q.status, 'n', q.n)), '[]'::json)
    FROM (SELECT r."reviewerOrganizationId" AS o, r.status, count(*)::int AS n
      FROM "CabinetRequest" r
      WHERE r."reviewerOrganizationId" IN (
        SELECT c."organizationId" FROM "Account" a JOIN "Cabinet" c ON c.id = a."cabinetId"
        WHERE a."personId" = p.id AND a.status = 'CONFIRMED' AND c.status = 'ACTIVE'
          AND EXISTS (SELECT 1 FROM "AccountRole" ar WHERE ar."accountId" = a.id AND ar.role::text IN (${Prisma.join(REVIEWING_ROLES)})))
      GROUP BY r."reviewerOrganizationId", r.status) q) AS "requestCounts"`;

/**
 * The sections a signed-in person can use, in the order of the instructions' steps: decided on the
 * request's session read, which brings the counts of a reviewer's requests too. Once per request
 * (React's cache, keyed by the request's one SignedIn): the layout's menu and the home page's
 * buttons share it.
 */
export const navigationFor = cache(async ({ actor, requestCounts }: SignedIn): Promise<NavItem[]> => {
  const items: NavItem[] = [];
  if (actor.memberships.length > 0) items.push({ href: "/registration", label: NAV.registration });
  // A confirmed account awaiting «Мною пройдено обучение» leads there too (/admin sends on to /training).
  if (accountsAwaitingTraining(actor).length > 0 || (await seesAnyCabinet(actor))) {
    items.push({ href: "/admin", label: NAV.admin });
  }
  const reviewing = grants(actor, "requests.review");
  if (reviewing.length > 0) {
    const reviewed = new Set(reviewerOrganizations(actor));
    const byStatus = requestCounts.filter((c) => reviewed.has(c.organizationId));
    // Requests go to organs (through their editorial cabinet) and to the region's operator. An
    // institution's own ЛКО administrator holds the same role but would only see an empty queue.
    const receives = reviewing.some((g) => g.account.cabinetKind === "EDITORIAL" || g.role.role === "REGION_OPERATOR") || byStatus.length > 0;
    if (receives) {
      const waiting = byStatus.reduce((sum, c) => sum + (c.status === "PENDING" ? c.n : 0), 0);
      items.push({ href: "/admin/requests", label: NAV.requests, count: waiting });
    }
  }
  const roots = monitoringRoots(actor);
  if (roots.organizationIds.length + roots.regionIds.length > 0) items.push({ href: "/monitoring", label: NAV.monitoring });
  if (settingsRegions(actor).length > 0) items.push({ href: "/admin/messages-settings", label: NAV.messageSettings });
  if (demoMailbox().enabled) items.push({ href: "/dev/mail", label: NAV.demoMail });
  return items;
});
