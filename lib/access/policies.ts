import "server-only";
// The scope rules of lib/access/roles.ts applied: which cabinets, requests and institutions a
// person's roles reach. Every action's load and every page guard asks here.
import { db, type Prisma } from "@/lib/db";
import { ForbiddenError } from "@/lib/actions/errors";
import type { Actor, ActorAccount } from "./actor";
import { CAPABILITIES, NON_CABINET_CAPABILITIES, reachOf, type CabinetCapability, type Capability, type Reach } from "./roles";

export interface Grant {
  account: ActorAccount;
  role: ActorAccount["roles"][number];
  reach: readonly Reach[];
}

/** Active (confirmed and trained) accounts' roles that carry the capability, with how far it reaches. */
export function grants(actor: Actor, capability: Capability): Grant[] {
  return actor.accounts
    .filter((a) => a.active)
    .flatMap((account) => account.roles.map((role) => ({ account, role, reach: reachOf(role.role, capability) })).filter((g) => g.reach.length > 0));
}

// ───────────── Cabinets (ЛКО) ─────────────

/** What the scope rules need to know of a cabinet. */
export interface TCabinetScope {
  id: string;
  editorialCabinetId: string | null;
  regionId: string;
  sphereIds: string[];
}

type CabinetReach = Extract<Reach, "own" | "bound" | "boundInSpheres" | "region">;

/**
 * Each reach on cabinets twice: as a database filter and as a check of a cabinet already read. One
 * table, so that the two say the same (tests/integration/access/policies.test.ts holds them equal
 * for every person and cabinet of the demo data).
 */
const CABINET_REACH: Record<CabinetReach, { where: (g: Grant) => Prisma.CabinetWhereInput | null; covers: (g: Grant, c: TCabinetScope) => boolean }> = {
  own: { where: (g) => ({ id: g.account.cabinetId }), covers: (g, c) => c.id === g.account.cabinetId },
  bound: {
    where: (g) => (g.account.cabinetKind === "EDITORIAL" ? { editorialCabinetId: g.account.cabinetId } : null),
    covers: (g, c) => g.account.cabinetKind === "EDITORIAL" && c.editorialCabinetId === g.account.cabinetId,
  },
  boundInSpheres: {
    where: (g) =>
      g.account.cabinetKind === "EDITORIAL" && g.role.sphereIds.length > 0
        ? { editorialCabinetId: g.account.cabinetId, spheres: { some: { sphereId: { in: g.role.sphereIds } } } }
        : null,
    covers: (g, c) => g.account.cabinetKind === "EDITORIAL" && c.editorialCabinetId === g.account.cabinetId && c.sphereIds.some((s) => g.role.sphereIds.includes(s)),
  },
  region: { where: (g) => ({ regionId: g.account.regionId }), covers: (g, c) => c.regionId === g.account.regionId },
};

const cabinetReaches = (g: Grant) => g.reach.filter((r): r is CabinetReach => r in CABINET_REACH);

/** The cabinets on which the person has the capability, as a query filter (nothing when none). */
export function cabinetsWhere(actor: Actor, capability: CabinetCapability): Prisma.CabinetWhereInput {
  const or: Prisma.CabinetWhereInput[] = [];
  const own = new Set<string>();
  for (const g of grants(actor, capability)) {
    for (const reach of cabinetReaches(g)) {
      if (reach === "own") own.add(g.account.cabinetId);
      else {
        const where = CABINET_REACH[reach].where(g);
        if (where) or.push(where);
      }
    }
  }
  if (own.size > 0) or.push({ id: { in: [...own] } });
  return or.length > 0 ? { OR: or } : { id: { in: [] } };
}

const CABINET_CAPABILITIES = CAPABILITIES.filter((c): c is CabinetCapability => !(NON_CABINET_CAPABILITIES as readonly string[]).includes(c));

/** Everything the person may do on a cabinet already read (no query): what a page shows and offers. */
export function capabilitiesOn(actor: Actor, cabinet: TCabinetScope): Set<CabinetCapability> {
  return new Set(CABINET_CAPABILITIES.filter((capability) => grants(actor, capability).some((g) => cabinetReaches(g).some((r) => CABINET_REACH[r].covers(g, cabinet)))));
}

/**
 * Whether the person sees any cabinet at all. Every role that shows cabinets today reaches the
 * account's own one (own, region), which is active and so counted: decided on what was read,
 * without a query. Only a role reaching other cabinets alone would need the count.
 */
export async function seesAnyCabinet(actor: Actor): Promise<boolean> {
  const viewing = grants(actor, "cabinet.view");
  // The account's own cabinet as far as the actor knows it: an unknown binding or sphere only makes a reach not cover it.
  const own = (g: Grant): TCabinetScope => ({ id: g.account.cabinetId, regionId: g.account.regionId, editorialCabinetId: null, sphereIds: [] });
  if (viewing.some((g) => cabinetReaches(g).some((r) => CABINET_REACH[r].covers(g, own(g))))) return true;
  if (viewing.length === 0) return false;
  return (await db.cabinet.count({ where: cabinetsWhere(actor, "cabinet.view") })) > 0;
}

export async function hasCabinetCapability(actor: Actor, capability: CabinetCapability, cabinetId: string): Promise<boolean> {
  return (await db.cabinet.count({ where: { AND: [{ id: cabinetId }, cabinetsWhere(actor, capability)] } })) > 0;
}

/**
 * For an action's load: the cabinet it names, read with the fields the handler needs, if the person
 * has the capability on it; otherwise refused (a missing cabinet and another organ's get the same answer).
 */
export async function cabinetFor<S extends Prisma.CabinetSelect>(
  actor: Actor,
  cabinetId: string,
  capability: CabinetCapability,
  select: S,
  refusal?: string,
): Promise<Prisma.CabinetGetPayload<{ select: S }>> {
  const cabinet = await db.cabinet.findFirst({ where: { AND: [{ id: cabinetId }, cabinetsWhere(actor, capability)] }, select });
  if (!cabinet) throw new ForbiddenError(refusal);
  return cabinet as Prisma.CabinetGetPayload<{ select: S }>;
}

// ───────────── Cabinet requests (Госпаблики) ─────────────

/** Requests the person may decide: those addressed to the organizations where they hold a reviewing role. */
export function reviewableRequestsWhere(actor: Actor): Prisma.CabinetRequestWhereInput {
  return { reviewerOrganizationId: { in: reviewerOrganizations(actor) } };
}

/** The organs whose requests the person reviews (the same scope, for a query in SQL). */
export function reviewerOrganizations(actor: Actor): string[] {
  return [...new Set(grants(actor, "requests.review").filter((g) => g.reach.includes("organization")).map((g) => g.account.organizationId))];
}

// ───────────── Connection status ─────────────

/** Whose institutions a person may monitor: the trees of these organizations, and these whole regions. */
export interface TMonitoringScope {
  organizationIds: string[];
  regionIds: string[];
}

/** Organizations whose subtree (the organ and everything under it) and regions the person may monitor. */
export function monitoringRoots(actor: Actor): TMonitoringScope {
  const g = grants(actor, "monitoring.view");
  return {
    organizationIds: [...new Set(g.filter((x) => x.reach.includes("organizationTree")).map((x) => x.account.organizationId))],
    regionIds: [...new Set(g.filter((x) => x.reach.includes("region")).map((x) => x.account.regionId))],
  };
}

export function monitorsAnything(scope: TMonitoringScope): boolean {
  return scope.organizationIds.length + scope.regionIds.length > 0;
}

// ───────────── Region settings ─────────────

/** The regions whose answer deadlines and production calendar the person sets. */
export function settingsRegions(actor: Actor): string[] {
  return [...new Set(grants(actor, "region.settings").filter((g) => g.reach.includes("region")).map((g) => g.account.regionId))];
}

// ───────────── Training ─────────────

/** Confirmed accounts whose holder has not yet ticked «Мною пройдено обучение». */
export function accountsAwaitingTraining(actor: Actor): ActorAccount[] {
  return actor.accounts.filter((a) => !a.active);
}
