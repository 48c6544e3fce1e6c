import "server-only";
import { db, type CabinetKind, type CabinetStatus, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { cabinetsWhere } from "@/lib/access/policies";
import { displayStatusWhere } from "@/lib/accounts/status";

export interface TreeNode {
  id: string;
  lkoId: number;
  name: string;
  organizationName: string;
  kind: CabinetKind;
  status: CabinetStatus;
  dataConfirmedAt: Date | null;
  /** The actor may add and archive accounts here. */
  manageable: boolean;
  accounts: { confirmed: number; invited: number; expired: number; awaitingApproval: number; archived: number; untrained: number };
  children: TreeNode[];
}

export interface CabinetTree {
  roots: TreeNode[];
  shown: number;
  total: number;
}

/** Beyond this many cabinets the tree asks to narrow the search (the region's operator sees thousands). */
export const TREE_LIMIT = 500;

/**
 * The cabinets the person may open, as a tree: an organ's editorial cabinet with the work
 * cabinets bound to it. Which ones is the access policy's answer (a curator sees the spheres of
 * their role); a cabinet whose editorial cabinet is not visible is a root.
 */
export async function cabinetTree(actor: Actor, opts: { q?: string } = {}, now = new Date()): Promise<CabinetTree> {
  const q = opts.q?.trim();
  const search: Prisma.CabinetWhereInput | undefined = q
    ? {
        OR: [
          { name: { contains: q, mode: "insensitive" } },
          { organization: { shortName: { contains: q, mode: "insensitive" } } },
          ...(/^\d{1,9}$/.test(q) ? [{ lkoId: Number(q) }] : []),
        ],
      }
    : undefined;
  const where: Prisma.CabinetWhereInput = { AND: [cabinetsWhere(actor, "cabinet.view"), ...(search ? [search] : [])] };
  const [total, rows] = await Promise.all([
    db.cabinet.count({ where }),
    db.cabinet.findMany({
      where,
      orderBy: [{ kind: "asc" }, { nameSortKey: "asc" }, { lkoId: "asc" }],
      take: TREE_LIMIT,
      select: { id: true, lkoId: true, name: true, kind: true, status: true, dataConfirmedAt: true, editorialCabinetId: true, organization: { select: { shortName: true } } },
    }),
  ]);
  const ids = rows.map((r) => r.id);
  const [manageable, byStatus, expired, untrained] = await Promise.all([
    db.cabinet.findMany({ where: { AND: [{ id: { in: ids } }, cabinetsWhere(actor, "accounts.manage")] }, select: { id: true } }),
    db.account.groupBy({ by: ["cabinetId", "status"], where: { cabinetId: { in: ids } }, _count: { _all: true } }),
    db.account.groupBy({ by: ["cabinetId"], where: { cabinetId: { in: ids }, ...displayStatusWhere("INVITATION_EXPIRED", now) }, _count: { _all: true } }),
    db.account.groupBy({ by: ["cabinetId"], where: { cabinetId: { in: ids }, status: "CONFIRMED", trainingConfirmedAt: null }, _count: { _all: true } }),
  ]);
  const canManage = new Set(manageable.map((m) => m.id));
  const count = (list: Array<{ cabinetId: string; _count: { _all: number } }>, id: string) => list.find((x) => x.cabinetId === id)?._count._all ?? 0;
  const statusCount = (id: string, status: string) => byStatus.find((x) => x.cabinetId === id && x.status === status)?._count._all ?? 0;

  const nodes = new Map<string, TreeNode & { parentId: string | null }>();
  for (const r of rows) {
    const expiredCount = count(expired, r.id);
    nodes.set(r.id, {
      id: r.id, lkoId: r.lkoId, name: r.name, organizationName: r.organization.shortName, kind: r.kind, status: r.status,
      dataConfirmedAt: r.dataConfirmedAt, manageable: canManage.has(r.id), parentId: r.editorialCabinetId, children: [],
      accounts: {
        confirmed: statusCount(r.id, "CONFIRMED"), invited: statusCount(r.id, "INVITED") - expiredCount, expired: expiredCount,
        awaitingApproval: statusCount(r.id, "AWAITING_APPROVAL"), archived: statusCount(r.id, "ARCHIVED"), untrained: count(untrained, r.id),
      },
    });
  }
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent && parent.id !== node.id) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, shown: rows.length, total };
}
