import "server-only";
// A cabinet's message inboxes: «Мне на исполнение», «На согласовании», «Просроченные», «Все», with
// filters, search and paging, all in the URL (a plain GET form: a link keeps the view, and it works
// without JavaScript). The export reads the same query (./export.ts). «Просрочено» is computed
// against the region's today (./deadlines.ts), never stored.
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { dayAsDate, fullName } from "@/lib/ui/format";
import { CATEGORY_CODES } from "./categories";
import { isOverdue, regionToday } from "./deadlines";

export const INBOX_PAGE_SIZE = 30;

export const INBOX_VIEWS = {
  mine: "Мне на исполнение",
  approval: "На согласовании",
  overdue: "Просроченные",
  all: "Все",
} as const;
export type TInboxView = keyof typeof INBOX_VIEWS;

const STAGES = ["MODERATION", "COORDINATION", "EXECUTION", "APPROVAL", "CLOSED"] as const;
const STATUSES = [
  "NEW", "ACCEPTED", "REDIRECTED_DOWN", "REDIRECTED_UP", "EXECUTOR_ASSIGNED", "EXTENSION_REQUESTED", "EXTENSION_APPROVED", "EXTENSION_DECLINED",
  "ON_APPROVAL", "RETURNED", "RE_REVIEW", "ANSWERED", "REJECTED",
] as const;

// Anything that is not a known value reads as «not set»: a hand-edited address never fails the page.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
export const ZInboxQuery = z.object({
  view: z.enum(["mine", "approval", "overdue", "all"]).optional().catch(undefined),
  stage: optional(z.enum(STAGES)),
  status: optional(z.enum(STATUSES)),
  category: optional(z.enum(CATEGORY_CODES)),
  executor: optional(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)),
  overdue: optional(z.enum(["yes", "no"])),
  q: optional(z.string().trim().min(1).max(200).refine((v) => !/[\u0000\uD800-\uDFFF]/.test(v))),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type TInboxQuery = z.output<typeof ZInboxQuery>;

export function parseInboxQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): TInboxQuery {
  const entries = params instanceof URLSearchParams ? Object.fromEntries(params) : Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return ZInboxQuery.parse(Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== "" && v !== undefined)));
}

/** The query as the URL's search part (without defaults), for links that keep the view. */
export function inboxSearch(query: Partial<TInboxQuery>, change: Partial<TInboxQuery> = {}): string {
  const merged = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "" || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Who looks: their accounts in the cabinet (for «Мне на исполнение»). */
export interface TInboxViewer {
  accountIds: string[];
}

export function defaultView(roles: string[]): TInboxView {
  if (roles.includes("EXECUTOR")) return "mine";
  if (roles.includes("SUPERVISOR")) return "approval";
  return "all";
}

const overdueWhere = (today: string): Prisma.CitizenMessageWhereInput => ({ stage: { not: "CLOSED" }, plannedOn: { lt: dayAsDate(today) } });

function viewWhere(view: TInboxView, viewer: TInboxViewer, today: string): Prisma.CitizenMessageWhereInput {
  switch (view) {
    case "mine":
      return { executorId: { in: viewer.accountIds }, stage: "EXECUTION" };
    case "approval":
      return { OR: [{ stage: "APPROVAL" }, { status: "EXTENSION_REQUESTED" }] };
    case "overdue":
      return overdueWhere(today);
    case "all":
      return {};
  }
}

/** The filter of a view and its query, inside one cabinet. */
export function inboxWhere(cabinetId: string, query: TInboxQuery, viewer: TInboxViewer, view: TInboxView, today = regionToday()): Prisma.CitizenMessageWhereInput {
  const and: Prisma.CitizenMessageWhereInput[] = [{ cabinetId }, viewWhere(view, viewer, today)];
  if (query.stage) and.push({ stage: query.stage });
  if (query.status) and.push({ status: query.status });
  if (query.category) and.push({ category: query.category });
  if (query.executor) and.push({ executorId: query.executor });
  if (query.overdue === "yes") and.push(overdueWhere(today));
  if (query.overdue === "no") and.push({ NOT: overdueWhere(today) });
  if (query.q) {
    const q = query.q;
    const or: Prisma.CitizenMessageWhereInput[] = [
      { text: { contains: q, mode: "insensitive" } },
      { authorName: { contains: q, mode: "insensitive" } },
      { contact: { contains: q, mode: "insensitive" } },
    ];
    // A number alone is the message's number (a «12» must not bring every text with «№ 12» in it).
    and.push(/^\d{1,9}$/.test(q) ? { number: Number(q) } : { OR: or });
  }
  return { AND: and };
}

/** The deadline views list the nearest deadline first; the others the newest message first. */
export function inboxOrder(view: TInboxView): Prisma.CitizenMessageOrderByWithRelationInput[] {
  return view === "mine" || view === "overdue" ? [{ plannedOn: "asc" }, { number: "asc" }] : [{ createdAt: "desc" }, { number: "desc" }];
}

const LIST_SELECT = {
  id: true, number: true, createdAt: true, category: true, subcategory: true, stage: true, status: true, plannedOn: true, closedAt: true, text: true,
  reReviews: true, receivedCabinetId: true,
  executor: { select: { lastName: true, firstName: true, middleName: true } },
} as const satisfies Prisma.CitizenMessageSelect;

export async function listInbox(cabinetId: string, query: TInboxQuery, viewer: TInboxViewer, view: TInboxView) {
  const today = regionToday();
  const where = inboxWhere(cabinetId, query, viewer, view, today);
  const views = Object.keys(INBOX_VIEWS) as TInboxView[];
  const [rows, total, ...viewCounts] = await Promise.all([
    db.citizenMessage.findMany({ where, orderBy: inboxOrder(view), skip: (query.page - 1) * INBOX_PAGE_SIZE, take: INBOX_PAGE_SIZE, select: LIST_SELECT }),
    db.citizenMessage.count({ where }),
    ...views.map((v) => db.citizenMessage.count({ where: { AND: [{ cabinetId }, viewWhere(v, viewer, today)] } })),
  ]);
  const items = rows.map((m) => ({ ...m, executorName: m.executor ? fullName(m.executor) : null, overdue: isOverdue(m, today), redirected: m.receivedCabinetId !== cabinetId }));
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  return { items, total, page: Math.min(query.page, pages), pages, counts: Object.fromEntries(views.map((v, i) => [v, viewCounts[i]])) as Record<TInboxView, number> };
}
