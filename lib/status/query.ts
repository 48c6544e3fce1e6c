// The dashboard's view as data: filters, sort and page read from the URL (so a link keeps the
// view), and the SQL they become. Every value reaches SQL as a parameter of a tagged template;
// only fixed fragments of this file are spliced in (the sort column, the direction).
import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/db";
import { portalTimeZone } from "@/lib/ui/format";
import type { TMonitoringScope } from "@/lib/access/policies";
import { overdueNowSql } from "@/lib/messages/figures";

const OVERALL_VALUES = ["NOT_STARTED", "REJECTED", "PENDING", "IN_PROGRESS", "CONNECTED"] as const;
const CABINET_VALUES = ["NONE", "PENDING", "REJECTED", "APPROVED"] as const;
const WIDGET_VALUES = ["PLACED", "NOT_WORKING", "MISSING", "NO_SITE"] as const;
const SITE_VALUES = ["GIVEN", "NO_SITE", "MISSING"] as const;

export const PAGE_SIZES = [25, 50, 100] as const;

/** Today in the region: deadlines and snapshots are the region's days, in the zone the code formats with. */
export const regionToday = () => Prisma.sql`(now() AT TIME ZONE ${portalTimeZone()}::text)::date`;

/**
 * Sortable columns: the SQL expression (never NULL, so that keyset paging can compare it) and its
 * type. Names sort by their natural-order keys (lib/db/natural-order.ts), which the indexes cover.
 */
const SORTS = {
  name: { sql: Prisma.sql`cs."nameSortKey"`, type: "text" },
  organ: { sql: Prisma.sql`coalesce(p."shortNameSortKey", '')`, type: "text" },
  status: { sql: Prisma.sql`cs.overall`, type: "overall" },
  lko: { sql: Prisma.sql`coalesce(cs."lkoId", 2147483647)`, type: "int" },
  accounts: { sql: Prisma.sql`(cs."accountsTotal" - cs."accountsConfirmed")`, type: "int" },
  training: { sql: Prisma.sql`(cs."accountsConfirmed" - cs."accountsTrained")`, type: "int" },
  ready: { sql: Prisma.sql`cs."readyPoints"`, type: "int" },
  site: { sql: Prisma.sql`cs.site`, type: "site" },
  widget: { sql: Prisma.sql`cs.widget`, type: "widget" },
  reminded: { sql: Prisma.sql`coalesce(cs."remindedAt", '1900-01-01'::timestamp)`, type: "timestamp" },
} as const;
export type TSortKey = keyof typeof SORTS;

/** The sort keys in words, for the «Сортировать по» list. */
export const SORT_LABELS: Record<TSortKey, string> = {
  name: "Организация",
  organ: "Учредитель / управление",
  status: "Статус",
  lko: "Номер ЛКО",
  accounts: "Неподтверждённые учётные записи",
  training: "Нет отметки об обучении",
  ready: "Точки готовности",
  site: "Официальный сайт",
  widget: "Виджет",
  reminded: "Напоминание",
};
export const SORT_KEYS = Object.keys(SORTS) as TSortKey[];

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);
const optionalId = z.string().trim().min(1).max(100).optional().catch(undefined);

/** What the URL may say; anything it says wrongly is ignored rather than refused. */
export const ZDashboardQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined).transform((v) => (v ? v : undefined)),
  organ: optionalId,
  sphere: optionalId,
  status: optionalEnum(OVERALL_VALUES),
  cabinet: optionalEnum(CABINET_VALUES),
  widget: optionalEnum(WIDGET_VALUES),
  site: optionalEnum(SITE_VALUES),
  accounts: optionalEnum(["done", "missing"] as const),
  training: optionalEnum(["done", "missing"] as const),
  ready: optionalEnum(["all", "partial"] as const),
  late: z.enum(["1"]).optional().catch(undefined),
  reminded: optionalEnum(["yes", "no"] as const),
  messages: optionalEnum(["overdue", "none-overdue"] as const),
  sort: z.enum(SORT_KEYS as [TSortKey, ...TSortKey[]]).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  size: z.coerce.number().pipe(z.union([z.literal(25), z.literal(50), z.literal(100)])).default(50).catch(50),
});
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;
export type TDashboardFilters = Omit<TDashboardQuery, "sort" | "dir" | "page" | "size">;

/** Reads a URL's search parameters (Next's searchParams object or URLSearchParams). */
export function parseDashboardQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): TDashboardQuery {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]);
  return ZDashboardQuery.parse(Object.fromEntries(entries.filter(([, v]) => v !== undefined && v !== "")));
}

/** The URL search string of a view (defaults left out, so links stay short). */
export function dashboardSearch(query: Partial<TDashboardQuery>, change: Partial<TDashboardQuery> = {}): string {
  const merged = { ...query, ...change } as Record<string, unknown>;
  const defaults: Record<string, unknown> = { sort: "name", dir: "asc", page: 1, size: 50 };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "" || defaults[key] === value) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

const ORGAN_KINDS = Prisma.sql`('ROIV', 'OMSU', 'TERRITORIAL_ROIV')`;

/**
 * `WITH RECURSIVE organs AS (…)`: the monitored organs and every organ below them. Institutions
 * are leaves under organs (only organs supervise in ПОС), so the recursion stays among the few organs.
 */
export function organsCte(scope: TMonitoringScope): Prisma.Sql {
  const roots = scope.organizationIds.length > 0 ? scope.organizationIds : ["-"];
  return Prisma.sql`organs AS (
    SELECT o.id FROM "Organization" o WHERE o.id IN (${Prisma.join(roots)})
    UNION
    SELECT c.id FROM "Organization" c JOIN organs u ON c."parentId" = u.id WHERE c.kind IN ${ORGAN_KINDS}
  )`;
}

/** Rows of ConnectionStatus (alias cs) the scope covers; needs organsCte in the WITH. */
export function scopeCondition(scope: TMonitoringScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (scope.organizationIds.length > 0) parts.push(Prisma.sql`cs."parentId" IN (SELECT id FROM organs)`);
  if (scope.regionIds.length > 0) parts.push(Prisma.sql`cs."regionId" IN (${Prisma.join(scope.regionIds)})`);
  return parts.length > 0 ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
}

/** The same scope over ConnectionStatusCount (alias c); needs organsCte in the WITH. */
export function countScopeCondition(scope: TMonitoringScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (scope.organizationIds.length > 0) parts.push(Prisma.sql`c."parentId" IN (SELECT id FROM organs)`);
  if (scope.regionIds.length > 0) parts.push(Prisma.sql`c."regionId" IN (${Prisma.join(scope.regionIds)})`);
  return parts.length > 0 ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
}

/** Municipalities whose deadline has passed. */
const LATE_MUNICIPALITIES = Prisma.sql`(SELECT m.id FROM "Municipality" m WHERE m."connectionDeadline" < ${regionToday()})`;

/** lateCondition over ConnectionStatusCount (alias c). */
export function countLateCondition(): Prisma.Sql {
  return Prisma.sql`(c.overall <> 'CONNECTED' AND c."municipalityId" IN ${LATE_MUNICIPALITIES})`;
}

/**
 * The filters as conditions on ConnectionStatusCount (alias c), or null when some filter needs the
 * rows themselves. The counts know the organ, the status, the widget and (through the
 * municipality) lateness; that covers the first page and the usual «управление + статус» views.
 */
export function countFilterConditions(f: TDashboardFilters): Prisma.Sql[] | null {
  if (f.q || f.sphere || f.cabinet || f.site || f.accounts || f.training || f.ready || f.reminded || f.messages) return null;
  const c: Prisma.Sql[] = [];
  if (f.organ) c.push(Prisma.sql`c."parentId" = ${f.organ}`);
  if (f.widget) c.push(Prisma.sql`c.widget = ${f.widget}::"WidgetState"`);
  if (f.late) c.push(countLateCondition());
  return c;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Part of an institution's short name, case-insensitive: a trigram index serves it (pg_trgm). */
export function nameContains(text: string): Prisma.Sql {
  return Prisma.sql`cs.name ILIKE ${likePattern(text)}`;
}

/** The filters as SQL conditions on cs; `status` can be left out (the status counts ignore it). */
export function filterConditions(f: TDashboardFilters, options: { withStatus?: boolean } = {}): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (f.q) {
    const like = likePattern(f.q);
    const digits = /^\d+$/.test(f.q) ? f.q : null;
    c.push(Prisma.sql`(${nameContains(f.q)} OR cs."fullName" ILIKE ${like}${
      digits ? Prisma.sql` OR cs.ogrn = ${digits} OR cs.inn = ${digits} OR cs."lkoId"::text = ${digits}` : Prisma.empty
    })`);
  }
  if (f.organ) c.push(Prisma.sql`cs."parentId" = ${f.organ}`);
  if (f.sphere) c.push(Prisma.sql`cs."sphereIds" @> ARRAY[${f.sphere}]::text[]`);
  if (f.status && options.withStatus !== false) c.push(Prisma.sql`cs.overall = ${f.status}::"ConnectionOverall"`);
  if (f.cabinet) c.push(Prisma.sql`cs."cabinetState" = ${f.cabinet}::"CabinetState"`);
  if (f.widget) c.push(Prisma.sql`cs.widget = ${f.widget}::"WidgetState"`);
  if (f.site) c.push(Prisma.sql`cs.site = ${f.site}::"SiteState"`);
  const accountsDone = Prisma.sql`(cs."accountsTotal" > 0 AND cs."accountsConfirmed" = cs."accountsTotal")`;
  if (f.accounts === "done") c.push(accountsDone);
  if (f.accounts === "missing") c.push(Prisma.sql`(cs."cabinetState" = 'APPROVED' AND NOT ${accountsDone})`);
  const trainingDone = Prisma.sql`(cs."accountsConfirmed" > 0 AND cs."accountsTrained" = cs."accountsConfirmed")`;
  if (f.training === "done") c.push(trainingDone);
  if (f.training === "missing") c.push(Prisma.sql`(cs."cabinetState" = 'APPROVED' AND NOT ${trainingDone})`);
  if (f.ready === "all") c.push(Prisma.sql`cs."readyPoints" = 4`);
  if (f.ready === "partial") c.push(Prisma.sql`(cs."cabinetState" = 'APPROVED' AND cs."readyPoints" < 4)`);
  if (f.late) c.push(lateCondition());
  if (f.reminded === "yes") c.push(Prisma.sql`cs."remindedAt" IS NOT NULL`);
  if (f.reminded === "no") c.push(Prisma.sql`cs."remindedAt" IS NULL`);
  if (f.messages) {
    // The (cabinetId, stage, plannedOn) index finds an institution's open messages.
    const overdue = Prisma.sql`EXISTS (SELECT 1 FROM "CitizenMessage" om WHERE om."cabinetId" = cs."cabinetId" AND ${overdueNowSql("om")})`;
    c.push(f.messages === "overdue" ? overdue : Prisma.sql`NOT ${overdue}`);
  }
  return c;
}

/** Not connected although the municipality's deadline has passed. */
export function lateCondition(): Prisma.Sql {
  return Prisma.sql`(cs.overall <> 'CONNECTED' AND cs."municipalityId" IN ${LATE_MUNICIPALITIES})`;
}

export function where(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

export function sortSql(sort: TSortKey): Prisma.Sql {
  return SORTS[sort].sql;
}

/** ORDER BY of a view: the column, then the name's key and id in the same direction (a total order for keyset paging). */
export function orderBy(sort: TSortKey, dir: "asc" | "desc"): Prisma.Sql {
  const d = Prisma.raw(dir === "desc" ? "DESC" : "ASC");
  return Prisma.sql`${SORTS[sort].sql} ${d}, cs."nameSortKey" ${d}, cs."organizationId" ${d}`;
}

/** `(sort key, name's key, id) > (last…)` (or `<` when descending): the rows after the last one sent. */
export function afterKey(sort: TSortKey, dir: "asc" | "desc", last: { key: unknown; nameSortKey: string; id: string }): Prisma.Sql {
  const type = SORTS[sort].type;
  const key =
    type === "int" ? Prisma.sql`${Number(last.key)}::int`
    : type === "timestamp" ? Prisma.sql`${last.key as Date}::timestamp`
    : type === "overall" ? Prisma.sql`${String(last.key)}::"ConnectionOverall"`
    : type === "site" ? Prisma.sql`${String(last.key)}::"SiteState"`
    : type === "widget" ? Prisma.sql`${String(last.key)}::"WidgetState"`
    : Prisma.sql`${String(last.key)}`;
  const op = Prisma.raw(dir === "desc" ? "<" : ">");
  return Prisma.sql`(${SORTS[sort].sql}, cs."nameSortKey", cs."organizationId") ${op} (${key}, ${last.nameSortKey}, ${last.id})`;
}
