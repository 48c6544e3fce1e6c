import "server-only";
// One guard per kind of page. Each reads the session and the person's rights (one statement, once
// per request: getSignedIn is React-cached, and the layout's navigation uses the same read), sends
// away whoever may not see the page, and hands on what it read.
// The training gate is inside the guards of the areas behind it (the admin area, cabinets, the
// request queue, monitoring), so no page can forget it. Server actions check again on their own
// (lib/actions/define-action.ts): a page's guard does not protect the actions it offers.
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { trainingUrl } from "@/lib/accounts/training";
import { getSignedIn, type PortalSession, type SignedIn } from "@/lib/auth/session";
import type { Actor } from "./actor";
import { accountsAwaitingTraining, cabinetsWhere, capabilitiesOn, grants, monitoringRoots, monitorsAnything, settingsRegions, type TMonitoringScope } from "./policies";
import type { CabinetCapability } from "./roles";

export type PageContext = SignedIn;

/** Any signed-in person (the start page, the organization choice, the training tick); others to sign in. */
export async function requireSignedIn(): Promise<PageContext> {
  const signedIn = await getSignedIn();
  if (!signedIn) redirect("/signin");
  return signedIn;
}

/** Pages that act for the chosen organization (registration); without one, to the choice. */
export async function requireOrganization(): Promise<PageContext & { organization: NonNullable<PortalSession["organization"]> }> {
  const ctx = await requireSignedIn();
  if (!ctx.session.organization) redirect("/select-organization");
  return { ...ctx, organization: ctx.session.organization };
}

/**
 * The admin area and everything behind the training gate: a confirmed account's holder who has not
 * ticked «Мною пройдено обучение» goes to /training (and back to `next` after the tick), whatever
 * URL they typed — not to a «no access» page: their roles work once they tick.
 */
export async function requireAdminArea(next: string): Promise<PageContext> {
  const ctx = await requireSignedIn();
  if (accountsAwaitingTraining(ctx.actor).length > 0) redirect(trainingUrl(next));
  return ctx;
}

const CABINET_SELECT = {
  id: true, lkoId: true, kind: true, name: true, status: true, organizationId: true, regionId: true, editorialCabinetId: true,
  spheres: { select: { sphereId: true } },
} as const;

// Every cabinet capability reaches no further than cabinet.view (tests/unit/access/roles.test.ts),
// so the cabinet is read once, by view, and each capability is then decided on what was read.
const visibleCabinet = cache(async (actor: Actor, lkoId: number) => {
  const row = await db.cabinet.findFirst({ where: { AND: [{ lkoId }, cabinetsWhere(actor, "cabinet.view")] }, select: CABINET_SELECT });
  if (!row) return null;
  const { spheres, ...cabinet } = row;
  return { ...cabinet, sphereIds: spheres.map((s) => s.sphereId) };
});

export type TGuardedCabinet = NonNullable<Awaited<ReturnType<typeof visibleCabinet>>>;

/**
 * A cabinet page (and the cabinet's layout): the cabinet with this ЛКО number if the person has the
 * capability on it, and what else they may do there; otherwise «не найдено» (a cabinet the person
 * may not see is not confirmed to exist).
 */
export async function requireCabinet(
  lkoIdParam: string,
  capability: CabinetCapability = "cabinet.view",
): Promise<PageContext & { cabinet: TGuardedCabinet; can: (capability: CabinetCapability) => boolean }> {
  const ctx = await requireAdminArea(`/admin/cabinets/${encodeURIComponent(lkoIdParam)}`);
  const lkoId = Number(lkoIdParam);
  const cabinet = Number.isSafeInteger(lkoId) && lkoId > 0 ? await visibleCabinet(ctx.actor, lkoId) : null;
  const held = cabinet ? capabilitiesOn(ctx.actor, cabinet) : new Set<CabinetCapability>();
  if (!cabinet || !held.has(capability)) notFound();
  return { ...ctx, cabinet, can: (c) => held.has(c) };
}

/** The request queue and a request's card: whether the person reviews requests at all (the card scopes its own query). */
export async function requireReviewer(next: string): Promise<PageContext & { reviews: boolean }> {
  const ctx = await requireAdminArea(next);
  return { ...ctx, reviews: grants(ctx.actor, "requests.review").length > 0 };
}

/**
 * Monitoring pages: an IT specialist (or the region's operator) and the institutions they watch.
 * Anyone else gets «не найдено», as for a cabinet they cannot see.
 */
export async function requireMonitoring(next = "/monitoring"): Promise<PageContext & { scope: TMonitoringScope }> {
  const ctx = await requireAdminArea(next);
  const scope = monitoringRoots(ctx.actor);
  if (!monitorsAnything(scope)) notFound();
  return { ...ctx, scope };
}

/** The same for route handlers (the exports): the scope, or null when the request may not read it. */
export async function monitoringScopeOfRequest(): Promise<TMonitoringScope | null> {
  const signedIn = await getSignedIn();
  if (!signedIn) return null;
  const scope = monitoringRoots(signedIn.actor);
  return monitorsAnything(scope) ? scope : null;
}

/**
 * The same as requireCabinet for route handlers (the message export): the cabinet if the signed-in
 * person, past the training gate, holds the capability on it; otherwise null («не найдено»).
 */
export async function cabinetOfRequest(lkoIdParam: string, capability: CabinetCapability): Promise<(PageContext & { cabinet: TGuardedCabinet }) | null> {
  const signedIn = await getSignedIn();
  if (!signedIn) return null;
  const { actor } = signedIn;
  if (accountsAwaitingTraining(actor).length > 0) return null;
  const lkoId = Number(lkoIdParam);
  const cabinet = Number.isSafeInteger(lkoId) && lkoId > 0 ? await visibleCabinet(actor, lkoId) : null;
  if (!cabinet || !capabilitiesOn(actor, cabinet).has(capability)) return null;
  return { ...signedIn, cabinet };
}

/** «Сроки ответов и календарь»: the region's operator and the region they set; anyone else «не найдено». */
export async function requireRegionSettings(next = "/admin/messages-settings"): Promise<PageContext & { regionId: string }> {
  const ctx = await requireAdminArea(next);
  const [regionId] = settingsRegions(ctx.actor);
  if (!regionId) notFound();
  return { ...ctx, regionId };
}
