// The dashboard of city IT staff: one row per institution of their trees, filtered, sorted and
// paged in SQL. A page costs the same few queries whatever the number of institutions.
import "server-only";
import { db, Prisma, queryRows, type CabinetState, type ConnectionOverall, type SiteCheckOutcome, type SiteState, type WidgetState } from "@/lib/db";
import { widgetStatusOf, type TWidgetStatus } from "@/lib/widget/placement";
import { refreshConnectionStatus, siteCheckFact, type TSiteCheckJson } from "./derive";
import { rawDate, utc } from "@/lib/db/raw";
import { regionToday, countFilterConditions, countScopeCondition, filterConditions, orderBy, organsCte, scopeCondition, sortSql, where, type TDashboardFilters, type TDashboardQuery } from "./query";
import type { TMonitoringScope } from "@/lib/access/policies";
import { OVERALL_ORDER } from "./model";
import { messageFigureColumns, type TMessageFigures } from "@/lib/messages/figures";

export interface TDashboardRow extends TMessageFigures {
  organizationId: string;
  name: string;
  fullName: string;
  ogrn: string;
  parentId: string | null;
  organName: string | null;
  sphereIds: string[];
  cabinetState: CabinetState;
  lkoId: number | null;
  accountsTotal: number;
  accountsConfirmed: number;
  accountsTrained: number;
  expiredInvitations: number;
  readyAccounts: boolean;
  readyResponsibles: boolean;
  readyTraining: boolean;
  readyToWork: boolean;
  readyPoints: number;
  officialSite: string | null;
  site: SiteState;
  widget: WidgetState;
  /** The proving check and the loader's hints, by lib/widget's rule (null without a cabinet or a site). */
  widgetDetail: TWidgetStatus | null;
  /** The latest check of the official site (any outcome, «Сайт недоступен» too), if any. */
  siteCheck: { outcome: SiteCheckOutcome; checkedAt: Date } | null;
  missing: string[];
  overall: ConnectionOverall;
  remindedAt: Date | null;
  deadline: Date | null;
  late: boolean;
}

export interface TDashboard {
  rows: TDashboardRow[];
  /** Rows matching every filter. */
  total: number;
  /** The page shown (the last one when the URL asked for more), of how many, and its rows' places: «Показаны 51–100 из 240». */
  page: number;
  pages: number;
  first: number;
  last: number;
  /** Per status, with every filter but the status one (the chips above the table). */
  counts: Record<ConnectionOverall, number>;
  organs: Array<{ id: string; name: string }>;
  spheres: Array<{ id: string; name: string }>;
}

/** Brings the status rows up to date (a cheap check when nothing changed). */
export async function ensureFreshStatus(): Promise<void> {
  await refreshConnectionStatus(db);
}

/** The columns of a row, for the page and the exports alike (cs = ConnectionStatus, p = its organ). */
export const ROW_COLUMNS = Prisma.sql`
  cs."organizationId", cs.name, cs."nameSortKey", cs."fullName", cs.ogrn, cs."parentId", p."shortName" AS "organName", cs."sphereIds",
  cs."cabinetState", cs."lkoId", cs."accountsTotal", cs."accountsConfirmed", cs."accountsTrained",
  cs."readyAccounts", cs."readyResponsibles", cs."readyTraining", cs."readyToWork", cs."readyPoints",
  cs."officialSite", cs.site, cs.widget, cs.missing, cs.overall, cs."remindedAt", cs."cabinetId", cs."municipalityId"`;

/**
 * Facts that change without a write (invitation expiry, the deadline, «Просрочено») or too often to
 * store (each widget report, the messages), for the rows of one page or export batch: the same
 * statement, no more queries, and only the page's rows are looked at.
 */
export const rowExtras = (): Prisma.Sql => Prisma.sql`
  LEFT JOIN "Municipality" m ON m.id = page."municipalityId"
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('origin', w.origin, 'lastSeenAt', w."lastSeenAt")) AS placements FROM "WidgetPlacement" w WHERE w."cabinetId" = page."cabinetId"
  ) w ON true
  LEFT JOIN LATERAL (
    SELECT sc.outcome::text AS outcome, sc."checkedAt" FROM "SiteCheck" sc WHERE sc."cabinetId" = page."cabinetId" ORDER BY sc."checkedAt" DESC LIMIT 1
  ) sc ON true
  LEFT JOIN LATERAL (
    SELECT json_build_object('url', sp.url, 'outcome', sp.outcome, 'checkedAt', sp."checkedAt") AS proof FROM "SiteCheck" sp
    WHERE sp."cabinetId" = page."cabinetId" AND sp.outcome <> 'UNREACHABLE' ORDER BY sp."checkedAt" DESC LIMIT 1
  ) sp ON true
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS "expiredInvitations" FROM "Account" a
    JOIN "Invitation" i ON i."accountId" = a.id AND i."usedAt" IS NULL AND i."revokedAt" IS NULL AND i."expiresAt" < now()
    WHERE a."cabinetId" = page."cabinetId" AND a.status = 'INVITED'
  ) inv ON true
  LEFT JOIN LATERAL (
    SELECT ${messageFigureColumns("cm")} FROM "CitizenMessage" cm WHERE cm."cabinetId" = page."cabinetId"
  ) msg ON true`;

export const ROW_EXTRA_COLUMNS = Prisma.sql`
  page.*, w.placements, sp.proof, sc.outcome AS "siteCheckOutcome", sc."checkedAt" AS "siteCheckedAt",
  coalesce(inv."expiredInvitations", 0) AS "expiredInvitations",
  coalesce(msg."messagesReceived", 0) AS "messagesReceived", coalesce(msg."messagesAnswered", 0) AS "messagesAnswered",
  coalesce(msg."messagesInTime", 0) AS "messagesInTime", coalesce(msg."messagesOverdue", 0) AS "messagesOverdue", msg."ratingAverage", m."connectionDeadline" AS deadline,
  (page.overall <> 'CONNECTED' AND m."connectionDeadline" < ${regionToday()}) AS late`;

/** A row as ROW_EXTRA_COLUMNS (over rowExtras) returns it, before the widget's details are worked out. */
export type TRawRow = Omit<TDashboardRow, "widgetDetail" | "siteCheck" | "remindedAt" | "deadline"> & {
  remindedAt: Date | string | null;
  deadline: Date | string | null;
  nameSortKey: string;
  cabinetId: string | null;
  municipalityId: string | null;
  placements: Array<{ origin: string; lastSeenAt: string }> | string | null;
  proof: TSiteCheckJson | string | null;
  siteCheckOutcome: SiteCheckOutcome | null;
  siteCheckedAt: Date | string | null;
};

/** The widget's details by lib/widget's rule (the one «Функционирование ЛКО» shows). */
export function withWidgetDetails<T extends TRawRow>(rows: T[], now = new Date()): Array<Omit<T, "placements" | "proof" | "siteCheckOutcome" | "siteCheckedAt" | "remindedAt" | "deadline"> & Pick<TDashboardRow, "widgetDetail" | "siteCheck" | "remindedAt" | "deadline">> {
  return rows.map(({ placements, proof, siteCheckOutcome, siteCheckedAt, remindedAt, deadline, ...row }) => {
    const list = (typeof placements === "string" ? (JSON.parse(placements) as Array<{ origin: string; lastSeenAt: string }>) : placements) ?? [];
    const widgetDetail = row.cabinetId && row.site !== "NO_SITE"
      ? widgetStatusOf({ officialSite: row.officialSite, noSite: false, siteChecks: siteCheckFact(proof), placements: list.map((p) => ({ origin: p.origin, lastSeenAt: utc(p.lastSeenAt) })) }, now)
      : null;
    return {
      ...row,
      // Prisma's $queryRaw (exports) hands dates over as Date, the driver's rows (the page) as text.
      remindedAt: rawDate(remindedAt),
      deadline: rawDate(deadline),
      widgetDetail,
      siteCheck: siteCheckOutcome && siteCheckedAt ? { outcome: siteCheckOutcome, checkedAt: rawDate(siteCheckedAt) } : null,
    };
  });
}

export async function loadDashboard(scope: TMonitoringScope, query: TDashboardQuery): Promise<TDashboard> {
  await ensureFreshStatus();
  const filters: TDashboardFilters = query;
  const scopeSql = scopeCondition(scope);
  // The chips' counts: from the kept counts when the filters allow (a few rows whatever the
  // number of institutions), otherwise by counting the matching rows.
  const countFilters = countFilterConditions(filters);
  // The page's reads go past Prisma's query compiler and are prepared once per connection (decisions
  // 082, 083); a search by words is planned for its words each time (a rare one wants the trigram index).
  const planned = query.q ? "per call" : "once";
  const countQuery = queryRows<{ overall: ConnectionOverall; n: number }>(countFilters
    ? Prisma.sql`
        WITH RECURSIVE ${organsCte(scope)}
        SELECT c.overall, sum(c.n)::int AS n FROM "ConnectionStatusCount" c
        WHERE ${countScopeCondition(scope)} AND ${where(countFilters)}
        GROUP BY c.overall`
    : Prisma.sql`
        WITH RECURSIVE ${organsCte(scope)}
        SELECT cs.overall, count(*)::int AS n FROM "ConnectionStatus" cs
        WHERE ${scopeSql} AND ${where(filterConditions(filters, { withStatus: false }))}
        GROUP BY cs.overall`, { planned });
  const pageOf = (page: number) => queryRows<TRawRow>(dashboardPageSql(scope, query, page), { planned });
  // Independent reads at once (the pool has the connections). Page 1 always exists; a later page
  // is asked for once the counts say how many there are (an old link past the end shows the last).
  const [countRows, firstPage, choices] = await Promise.all([countQuery, query.page === 1 ? pageOf(1) : null, filterChoices(scope)]);
  const counts = Object.fromEntries(OVERALL_ORDER.map((s) => [s, 0])) as Record<ConnectionOverall, number>;
  for (const r of countRows) counts[r.overall] = r.n;
  const total = query.status ? counts[query.status] : Object.values(counts).reduce((a, b) => a + b, 0);
  const lastPage = Math.max(1, Math.ceil(total / query.size));
  const page = Math.min(query.page, lastPage);
  const raw = firstPage ?? (await pageOf(page));
  const first = total === 0 ? 0 : (page - 1) * query.size + 1;
  const organs = choices.filter((c) => c.kind === "organ").map(({ id, name }) => ({ id, name }));
  const spheres = choices.filter((c) => c.kind === "sphere").map(({ id, name }) => ({ id, name }));
  return { rows: withWidgetDetails(raw), total, page, pages: lastPage, first, last: Math.min(total, first + raw.length - 1), counts, organs, spheres };
}

/** One page of the view (its rows with their extras), in the view's order. */
export function dashboardPageSql(scope: TMonitoringScope, query: TDashboardQuery, page: number): Prisma.Sql {
  return Prisma.sql`
    WITH RECURSIVE ${organsCte(scope)}
    SELECT ${ROW_EXTRA_COLUMNS} FROM (
      SELECT ${ROW_COLUMNS}, ${sortSql(query.sort)} AS "sortKey" FROM "ConnectionStatus" cs LEFT JOIN "Organization" p ON p.id = cs."parentId"
      WHERE ${scopeCondition(scope)} AND ${where(filterConditions(query))}
      ORDER BY ${orderBy(query.sort, query.dir)}
      LIMIT ${query.size} OFFSET ${(page - 1) * query.size}
    ) page ${rowExtras()}
    ORDER BY ${pageOrder(query.dir)}`;
}

/** The view's order over a page's own columns (the outer query has no cs and p; the inner one selects "sortKey"). */
export function pageOrder(dir: "asc" | "desc"): Prisma.Sql {
  const d = Prisma.raw(dir === "desc" ? "DESC" : "ASC");
  return Prisma.sql`page."sortKey" ${d}, page."nameSortKey" ${d}, page."organizationId" ${d}`;
}

// Two indexed reads joined by UNION, not one WHERE … OR …: with the OR, PostgreSQL reads every
// organization (55 ms at 100 000 institutions, the most of the dashboard's time in the database).
const MONITORED_ORGANS = (scope: TMonitoringScope) => {
  const columns = Prisma.sql`o.id, o."shortName" AS name, o."shortNameSortKey" AS "sortKey"`;
  const inRegions = scope.regionIds.length > 0
    ? Prisma.sql`UNION SELECT ${columns} FROM "Organization" o WHERE o."regionId" IN (${Prisma.join(scope.regionIds)}) AND o.kind IN ('ROIV', 'OMSU', 'TERRITORIAL_ROIV')`
    : Prisma.empty;
  return Prisma.sql`
    SELECT ${columns} FROM "Organization" o WHERE o.id IN (SELECT id FROM organs)
    ${inRegions}`;
};

/** The organs of the person's trees (for the «Управление» filter), by name in natural order. */
export async function monitoredOrgans(scope: TMonitoringScope): Promise<Array<{ id: string; name: string }>> {
  const rows = await db.$queryRaw<Array<{ id: string; name: string }>>`WITH RECURSIVE ${organsCte(scope)} ${MONITORED_ORGANS(scope)} ORDER BY "sortKey", id`;
  return rows.map(({ id, name }) => ({ id, name }));
}

/** The filter's choices in one statement: the monitored organs and every sphere, each by name in natural order. */
async function filterChoices(scope: TMonitoringScope): Promise<Array<{ kind: "organ" | "sphere"; id: string; name: string }>> {
  return queryRows(Prisma.sql`
    WITH RECURSIVE ${organsCte(scope)}
    SELECT 'organ' AS kind, x.id, x.name, x."sortKey" FROM (${MONITORED_ORGANS(scope)}) x
    UNION ALL
    SELECT 'sphere', s.id, s.name, s."nameSortKey" FROM "Sphere" s
    ORDER BY kind, "sortKey", id`);
}
