import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { ACCOUNT_ROLE_CHOICES } from "./schemas";
import { DISPLAY_STATUSES, displayStatus, displayStatusWhere } from "./status";

export const ACCOUNTS_PAGE_SIZE = 20;
export const ACCOUNT_SORTS = ["name", "email", "status", "created", "training"] as const;

/** The table's query string: anything odd falls back to the default instead of failing. */
export const ZAccountListQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(DISPLAY_STATUSES).optional().catch(undefined),
  role: z.enum(ACCOUNT_ROLE_CHOICES).optional().catch(undefined),
  sort: z.enum(ACCOUNT_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type TAccountListQuery = z.output<typeof ZAccountListQuery>;

function orderBy(sort: TAccountListQuery["sort"], dir: "asc" | "desc"): Prisma.AccountOrderByWithRelationInput[] {
  switch (sort) {
    case "email":
      return [{ email: dir }];
    case "status":
      return [{ status: dir }, { lastName: "asc" }];
    case "created":
      return [{ createdAt: dir }];
    case "training":
      return [{ trainingConfirmedAt: { sort: dir, nulls: "last" } }, { lastName: "asc" }];
    default:
      return [{ lastName: dir }, { firstName: dir }, { email: "asc" }];
  }
}

/** One page of a cabinet's accounts with search, filters and sorting. */
export async function listAccounts(cabinetId: string, query: TAccountListQuery, now = new Date()) {
  const and: Prisma.AccountWhereInput[] = [{ cabinetId }];
  if (query.q) {
    const words = query.q.split(/\s+/).filter(Boolean).slice(0, 4);
    for (const w of words) {
      and.push({
        OR: [
          { lastName: { contains: w, mode: "insensitive" } }, { firstName: { contains: w, mode: "insensitive" } },
          { middleName: { contains: w, mode: "insensitive" } }, { email: { contains: w.toLowerCase() } },
          { position: { contains: w, mode: "insensitive" } }, { phone: { contains: w } },
        ],
      });
    }
  }
  if (query.status) and.push(displayStatusWhere(query.status, now));
  if (query.role) and.push({ roles: { some: { role: query.role } } });
  const where: Prisma.AccountWhereInput = { AND: and };
  const total = await db.account.count({ where });
  const pages = Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = await db.account.findMany({
    where,
    orderBy: orderBy(query.sort, query.dir),
    skip: (page - 1) * ACCOUNTS_PAGE_SIZE,
    take: ACCOUNTS_PAGE_SIZE,
    select: {
      id: true, lastName: true, firstName: true, middleName: true, email: true, phone: true, position: true, status: true, personId: true,
      createdAt: true, confirmedAt: true, trainingConfirmedAt: true, archivedAt: true,
      roles: { select: { role: true, spheres: { select: { sphere: { select: { name: true } } } } } },
      invitations: { select: { expiresAt: true, usedAt: true, revokedAt: true, createdAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
  return {
    total,
    page,
    pages,
    rows: rows.map((r) => {
      const last = r.invitations[0];
      return { ...r, displayStatus: displayStatus(r, now), lastInvitation: last ? { sentAt: last.createdAt, expiresAt: last.expiresAt } : null };
    }),
  };
}
