import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { ASSIGNABLE_ROLES } from "@/lib/access/roles";
import { DISPLAY_STATUSES, displayStatus, displayStatusWhere } from "./status";
import { acceptanceOf } from "./acceptance";

export const ACCOUNTS_PAGE_SIZE = 20;
export const ACCOUNT_SORTS = ["name", "email", "status", "created", "training"] as const;

/** The table's query string: anything odd falls back to the default instead of failing. */
export const ZAccountListQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(DISPLAY_STATUSES).optional().catch(undefined),
  role: z.enum(ASSIGNABLE_ROLES).optional().catch(undefined),
  sort: z.enum(ACCOUNT_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type TAccountListQuery = z.output<typeof ZAccountListQuery>;

function orderBy(sort: TAccountListQuery["sort"], dir: "asc" | "desc"): Prisma.AccountOrderByWithRelationInput[] {
  switch (sort) {
    case "email":
      return [{ email: dir }];
    case "status": // by the displayed status: see pageByDisplayStatus
    case "created":
      return [{ createdAt: dir }];
    case "training":
      return [{ trainingConfirmedAt: { sort: dir, nulls: "last" } }, { nameSortKey: "asc" }, { email: "asc" }];
    default:
      return [{ nameSortKey: dir }, { email: "asc" }];
  }
}

const ROW = {
  id: true, lastName: true, firstName: true, middleName: true, email: true, phone: true, position: true, status: true, personId: true,
  createdAt: true, confirmedAt: true, trainingConfirmedAt: true, archivedAt: true,
  roles: { select: { role: true, spheres: { select: { sphere: { select: { name: true } } }, orderBy: { sphere: { nameSortKey: "asc" } } } } },
  invitations: { select: { expiresAt: true, usedAt: true, revokedAt: true, createdAt: true }, orderBy: { createdAt: "desc" } },
  // Who accepted, as ЕСИА named them (issue 17, finding 3).
  person: { select: { lastName: true, firstName: true, middleName: true, email: true } },
} satisfies Prisma.AccountSelect;

interface PageSlices {
  total: number;
  page: number;
  pages: number;
  /** Queries whose results, concatenated, are the page. */
  slices: Array<{ where: Prisma.AccountWhereInput; orderBy: Prisma.AccountOrderByWithRelationInput[]; skip: number; take: number }>;
}

const pageOf = (total: number, requested: number) => {
  const pages = Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE));
  return { pages, page: Math.min(requested, pages) };
};

async function pageInOneOrder(where: Prisma.AccountWhereInput, query: TAccountListQuery): Promise<PageSlices> {
  const total = await db.account.count({ where });
  const { page, pages } = pageOf(total, query.page);
  return { total, page, pages, slices: [{ where, orderBy: orderBy(query.sort, query.dir), skip: (page - 1) * ACCOUNTS_PAGE_SIZE, take: ACCOUNTS_PAGE_SIZE }] };
}

/**
 * Sorting by status follows the status people see, not the stored one: «Приглашение истекло» is an
 * invited account without a live link (not stored, decision 007), so it must not mix with
 * «Приглашен». The list is cut into the displayed statuses (in DISPLAY_STATUSES order, by
 * name within each) with the same conditions as the status filter; the page takes its rows from
 * the one or two groups it spans.
 */
async function pageByDisplayStatus(where: Prisma.AccountWhereInput, query: TAccountListQuery, now: Date): Promise<PageSlices> {
  const order = query.dir === "desc" ? [...DISPLAY_STATUSES].reverse() : [...DISPLAY_STATUSES];
  const groups = await Promise.all(
    order.map(async (status) => {
      const groupWhere: Prisma.AccountWhereInput = { AND: [where, displayStatusWhere(status, now)] };
      return { where: groupWhere, count: await db.account.count({ where: groupWhere }) };
    }),
  );
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const { page, pages } = pageOf(total, query.page);
  const slices: PageSlices["slices"] = [];
  let from = (page - 1) * ACCOUNTS_PAGE_SIZE;
  let wanted = ACCOUNTS_PAGE_SIZE;
  for (const group of groups) {
    if (wanted === 0) break;
    if (from >= group.count) {
      from -= group.count;
      continue;
    }
    const take = Math.min(wanted, group.count - from);
    slices.push({ where: group.where, orderBy: [{ nameSortKey: "asc" }, { email: "asc" }], skip: from, take });
    wanted -= take;
    from = 0;
  }
  return { total, page, pages, slices };
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
  const slices = query.sort === "status" ? await pageByDisplayStatus(where, query, now) : await pageInOneOrder(where, query);
  const rows = (
    await Promise.all(slices.slices.map((slice) => db.account.findMany({ where: slice.where, orderBy: slice.orderBy, skip: slice.skip, take: slice.take, select: ROW })))
  ).flat();
  const { total, page, pages } = slices;
  return {
    total,
    page,
    pages,
    rows: rows.map(({ person, ...r }) => {
      const last = r.invitations[0];
      return {
        ...r, displayStatus: displayStatus(r, now), lastInvitation: last ? { sentAt: last.createdAt, expiresAt: last.expiresAt } : null,
        acceptance: acceptanceOf(r, person),
      };
    }),
  };
}

/** One row of the accounts table, as listAccounts gives it. */
export type TAccountListRow = Awaited<ReturnType<typeof listAccounts>>["rows"][number];
