import "server-only";
// Where a message can go from a cabinet: the executors it can be given to, the cabinets it can be
// redirected to (down: the work cabinets bound to an organ's editorial cabinet and the editorial
// cabinets of the organs under it; up: a work cabinet's editorial cabinet, an organ's supervising
// organ's editorial cabinet), and the cabinet's auto-rule for a category.
import type { Db, DbTx } from "@/lib/db";
import { fullName } from "@/lib/ui/format";

type Reader = Db | DbTx;

/** Roles whose holders answer messages. */
export const EXECUTING_ROLES = ["EXECUTOR", "MODERATOR"] as const;

/** Confirmed accounts of the cabinet that can be given a message. */
export async function executorsOf(db: Reader, cabinetId: string) {
  const accounts = await db.account.findMany({
    where: { cabinetId, status: "CONFIRMED", roles: { some: { role: { in: [...EXECUTING_ROLES] } } } },
    select: { id: true, lastName: true, firstName: true, middleName: true, position: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
  });
  return accounts.map((a) => ({ id: a.id, name: fullName(a), position: a.position }));
}

export type TRedirectDirection = "DOWN" | "UP";
export interface TRedirectTarget {
  id: string;
  lkoId: number;
  name: string;
  direction: TRedirectDirection;
}

/** The cabinets a message may be redirected to from this one, subordinate first. */
export async function redirectTargets(db: Reader, cabinet: { id: string; kind: string; organizationId: string; editorialCabinetId: string | null }): Promise<TRedirectTarget[]> {
  const select = { id: true, lkoId: true, name: true } as const;
  const down =
    cabinet.kind === "EDITORIAL"
      ? await db.cabinet.findMany({
          where: {
            status: "ACTIVE", id: { not: cabinet.id },
            OR: [{ editorialCabinetId: cabinet.id }, { kind: "EDITORIAL", organization: { parentId: cabinet.organizationId } }],
          },
          select, orderBy: [{ name: "asc" }, { id: "asc" }],
        })
      : [];
  let up: Array<{ id: string; lkoId: number; name: string }> = [];
  if (cabinet.kind === "WORK" && cabinet.editorialCabinetId) {
    up = await db.cabinet.findMany({ where: { id: cabinet.editorialCabinetId, status: "ACTIVE" }, select });
  } else if (cabinet.kind === "EDITORIAL") {
    const organization = await db.organization.findUnique({ where: { id: cabinet.organizationId }, select: { parentId: true } });
    if (organization?.parentId) up = await db.cabinet.findMany({ where: { organizationId: organization.parentId, kind: "EDITORIAL", status: "ACTIVE" }, select });
  }
  return [...down.map((c) => ({ ...c, direction: "DOWN" as const })), ...up.map((c) => ({ ...c, direction: "UP" as const }))];
}

/** The executor the cabinet's auto-rule gives a message of this category to, if that account can still take it. */
export async function autoRuleExecutor(db: Reader, cabinetId: string, category: string): Promise<{ id: string; ruleId: string } | null> {
  const rule = await db.messageAutoRule.findUnique({
    where: { cabinetId_category: { cabinetId, category } },
    select: { id: true, executor: { select: { id: true, status: true, cabinetId: true, roles: { select: { role: true } } } } },
  });
  const e = rule?.executor;
  if (!rule || !e || e.status !== "CONFIRMED" || e.cabinetId !== cabinetId || !e.roles.some((r) => (EXECUTING_ROLES as readonly string[]).includes(r.role))) return null;
  return { id: e.id, ruleId: rule.id };
}
