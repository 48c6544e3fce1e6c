import "server-only";
import { cache } from "react";
import { Prisma } from "@/lib/db";
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

/** An organization that has received requests, with how many of them wait for a decision (the menu's count). */
export interface TRequestCount {
  organizationId: string;
  waiting: number;
}

// Roles that review what is addressed to their account's organization (the table of lib/access/roles.ts).
const REVIEWING_ROLES = ROLE_KINDS.filter((role) => reachOf(role, "requests.review").includes("organization"));

/**
 * The organizations where the person (`p` of the statement) holds a reviewing role and that have
 * received requests, with the number waiting, as a json column (`requestCounts`) of the session read
 * (lib/auth/session.ts): the menu's count costs no statement of its own (decision 082). Only the
 * waiting ones are counted, from the index on (reviewer, status): an organ's years of decided
 * requests are never read on a page view (decision 083). A superset — untrained accounts count too;
 * navigationFor keeps only what the person reviews.
 */
export const REQUEST_COUNTS_COLUMN = Prisma.sql`
  (SELECT coalesce(json_agg(json_build_object('organizationId', o.id,
      'waiting', (SELECT count(*)::int FROM "CabinetRequest" w WHERE w."reviewerOrganizationId" = o.id AND w.status = 'PENDING'))), '[]'::json)
    FROM (SELECT DISTINCT c."organizationId" AS id FROM "Account" a JOIN "Cabinet" c ON c.id = a."cabinetId"
      WHERE a."personId" = p.id AND a.status = 'CONFIRMED' AND c.status = 'ACTIVE'
        AND EXISTS (SELECT 1 FROM "AccountRole" ar WHERE ar."accountId" = a.id AND ar.role::text IN (${Prisma.join(REVIEWING_ROLES)}))) o
    WHERE EXISTS (SELECT 1 FROM "CabinetRequest" r WHERE r."reviewerOrganizationId" = o.id)) AS "requestCounts"`;

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
    const received = requestCounts.filter((c) => reviewed.has(c.organizationId));
    // Requests go to organs (through their editorial cabinet) and to the region's operator. An
    // institution's own ЛКО administrator holds the same role but would only see an empty queue.
    const receives = reviewing.some((g) => g.account.cabinetKind === "EDITORIAL" || g.role.role === "REGION_OPERATOR") || received.length > 0;
    if (receives) {
      const waiting = received.reduce((sum, c) => sum + c.waiting, 0);
      items.push({ href: "/admin/requests", label: NAV.requests, count: waiting });
    }
  }
  const roots = monitoringRoots(actor);
  if (roots.organizationIds.length + roots.regionIds.length > 0) items.push({ href: "/monitoring", label: NAV.monitoring });
  if (settingsRegions(actor).length > 0) items.push({ href: "/admin/messages-settings", label: NAV.messageSettings });
  if (demoMailbox().enabled) items.push({ href: "/dev/mail", label: NAV.demoMail });
  return items;
});
