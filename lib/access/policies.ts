import "server-only";
import { db, type Prisma } from "@/lib/db";
import { GOSPUBLIC_CABINET_GROUP } from "@/lib/demo-world/reference";
import type { Actor, ActorAccount } from "./actor";
import { roleCan, type Capability } from "./roles";

// ───────────── Cabinet requests (Госпаблики) ─────────────

export type FilingGap = "membership" | "role" | "group";

export const FILING_GAP_TEXT: Record<FilingGap, string> = {
  membership: "вы не прикреплены к профилю этой организации в ЕСИА",
  role: "в профиле организации в ЕСИА у вас нет роли «Администратор» или «Руководитель»",
  group: "вы не добавлены в группу доступа «ПОС. Госпаблики. Кабинет учреждения» в ЕСИА",
};

/** What the person lacks to file a cabinet request for the organization; empty when nothing. */
export function filingGaps(actor: Actor, organizationId: string): FilingGap[] {
  const m = actor.memberships.find((x) => x.organizationId === organizationId);
  if (!m) return ["membership"];
  const gaps: FilingGap[] = [];
  if (!m.chief && !m.admin) gaps.push("role");
  if (!m.groups.includes(GOSPUBLIC_CABINET_GROUP)) gaps.push("group");
  return gaps;
}

/** Requests the person may decide: those addressed to organs where they hold a reviewing role. */
export function reviewableRequestsWhere(actor: Actor): Prisma.CabinetRequestWhereInput {
  const organizations = grants(actor, "requests.review").map((g) => g.account.organizationId);
  return { reviewerOrganizationId: { in: [...new Set(organizations)] } };
}

// ───────────── Cabinets (ЛКО) ─────────────

interface Grant {
  account: ActorAccount;
  role: ActorAccount["roles"][number];
}

/** Active (confirmed and trained) accounts' roles that carry the capability. */
export function grants(actor: Actor, capability: Capability): Grant[] {
  return actor.accounts
    .filter((a) => a.active)
    .flatMap((account) => account.roles.filter((role) => roleCan(role.role, capability)).map((role) => ({ account, role })));
}

/**
 * The cabinets on which the person has the capability, as a query filter:
 * - their own cabinet (a role that carries it);
 * - through an organ's editorial cabinet, the work cabinets bound to it — all of them for a
 *   manager (Администратор ЛКО), those of the curator's spheres for a Куратор по направлению;
 * - for the region's operator, every cabinet of the region.
 */
export function cabinetsWhere(actor: Actor, capability: Capability): Prisma.CabinetWhereInput {
  const or: Prisma.CabinetWhereInput[] = [];
  const own = new Set<string>();
  for (const { account, role } of grants(actor, capability)) {
    // A curator's authority is over the institutions of their spheres, not the organ's own ЛКО.
    if (role.role !== "CURATOR" || capability === "cabinet.view" || capability === "messages.handle") own.add(account.cabinetId);
    if (account.cabinetKind !== "EDITORIAL" || !roleCan(role.role, "cabinet.manage")) continue;
    if (role.role === "CURATOR") {
      if (role.sphereIds.length > 0) or.push({ editorialCabinetId: account.cabinetId, spheres: { some: { sphereId: { in: role.sphereIds } } } });
    } else {
      or.push({ editorialCabinetId: account.cabinetId });
    }
  }
  for (const { account } of grants(actor, capability).filter((g) => g.role.role === "REGION_OPERATOR")) or.push({ regionId: account.regionId });
  if (own.size > 0) or.push({ id: { in: [...own] } });
  return or.length > 0 ? { OR: or } : { id: { in: [] } };
}

export async function hasCabinetCapability(actor: Actor, capability: Capability, cabinetId: string): Promise<boolean> {
  return (await db.cabinet.count({ where: { AND: [{ id: cabinetId }, cabinetsWhere(actor, capability)] } })) > 0;
}

// ───────────── Connection status ─────────────

/** Organizations whose subtree (the organ and everything under it) the person may monitor. */
export function monitoringRoots(actor: Actor): { organizationIds: string[]; regionIds: string[] } {
  const g = grants(actor, "monitoring.view");
  return {
    organizationIds: [...new Set(g.filter((x) => x.role.role !== "REGION_OPERATOR").map((x) => x.account.organizationId))],
    regionIds: [...new Set(g.filter((x) => x.role.role === "REGION_OPERATOR").map((x) => x.account.regionId))],
  };
}

// ───────────── Training ─────────────

/** Confirmed accounts whose holder has not yet ticked «Мною пройдено обучение». */
export function accountsAwaitingTraining(actor: Actor): ActorAccount[] {
  return actor.accounts.filter((a) => !a.active);
}
