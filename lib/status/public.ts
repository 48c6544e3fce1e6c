// The public status page for the city's website: per institution only public facts (name, cabinet
// connected, widget placed, ready) — never a person, email or phone. Scoped like the city's IT
// dashboard (the tree of the municipality's administration), so both show the same counts.
// The canonical pages (no search) are renders kept in Next's cache (decision 079, public-routes.ts)
// and read the rows afresh when rendered; searches are cached here in the process for a minute
// (bounded, least recently used first out). A change of the status rows here empties this cache and
// starts a new generation of the renders.
import "server-only";
import { LRUCache } from "lru-cache";
import { db, Prisma } from "@/lib/db";
import { onStatusRowsChanged, refreshConnectionStatus } from "./derive";
import { countScopeCondition, nameContains, organsCte, scopeCondition } from "./query";
import type { TMonitoringScope } from "@/lib/access/policies";
import { nextPublicGeneration } from "./public-routes";
import { answeredInTimeShare, messageFigureColumns, type TMessageFigures } from "@/lib/messages/figures";

export const PUBLIC_CACHE_SECONDS = 60;
export const PUBLIC_PAGE_SIZE = 50;
/** For the city's site and any proxy in front of the portal: as fresh as the portal's own cache. */
export const PUBLIC_CACHE_CONTROL = `public, max-age=${PUBLIC_CACHE_SECONDS}, stale-while-revalidate=300`;

export interface TPublicInstitution {
  name: string;
  organ: string | null;
  cabinetConnected: boolean;
  /** true, false, or null when the institution has no website (nothing to place). */
  widgetPlaced: boolean | null;
  ready: boolean;
}

export interface TPublicCounts {
  total: number;
  cabinetConnected: number;
  widgetPlaced: number;
  noSite: number;
  ready: number;
}

export interface TPublicMunicipality {
  oktmo: string;
  name: string;
  deadline: string | null;
  counts: TPublicCounts;
}

/** Citizens' messages, in a share only (no message, no person): see lib/messages/figures.ts. */
export interface TPublicAnswers {
  /** «Отвечено в срок», per cent of the messages whose term is settled; null when there is none yet. */
  answeredInTime: number | null;
}

export interface TPublicOrgan extends TPublicCounts, TPublicAnswers {
  /** The управление (учредитель) the institutions answer to. */
  name: string;
}

export interface TPublicStatus extends TPublicMunicipality, TPublicAnswers {
  organs: TPublicOrgan[];
  page: number;
  pages: number;
  query: string | null;
  matching: number;
  institutions: TPublicInstitution[];
  updatedAt: string;
}

/** The municipality's administrations: root ОМСУ organs there. */
async function rootsOf(municipalityId: string): Promise<TMonitoringScope> {
  const roots = await db.organization.findMany({ where: { municipalityId, parentId: null, kind: "OMSU" }, select: { id: true } });
  return { organizationIds: roots.map((r) => r.id), regionIds: [] };
}

// Over ConnectionStatusCount (alias c): a few rows per управление, whatever the number of institutions.
const COUNT_COLUMNS = Prisma.sql`coalesce(sum(c.n), 0)::int AS total,
      coalesce(sum(c.n) FILTER (WHERE c.overall IN ('IN_PROGRESS', 'CONNECTED')), 0)::int AS "cabinetConnected",
      coalesce(sum(c.n) FILTER (WHERE c.widget = 'PLACED'), 0)::int AS "widgetPlaced",
      coalesce(sum(c.n) FILTER (WHERE c.overall IN ('IN_PROGRESS', 'CONNECTED') AND c.widget = 'NO_SITE'), 0)::int AS "noSite",
      coalesce(sum(c.n) FILTER (WHERE c.overall = 'CONNECTED'), 0)::int AS ready`;

type TOrganFigures = TPublicCounts & { name: string } & Pick<TMessageFigures, "messagesAnswered" | "messagesInTime" | "messagesOverdue">;

/**
 * The counts per управление (the organ an institution answers to) of the scope, with the messages
 * of its institutions' cabinets (in the same statement); the totals are their sum.
 */
async function organCountsOf(scope: TMonitoringScope): Promise<TOrganFigures[]> {
  return db.$queryRaw<TOrganFigures[]>`
    WITH RECURSIVE ${organsCte(scope)}
    SELECT x.name, x.total, x."cabinetConnected", x."widgetPlaced", x."noSite", x.ready, msg."messagesAnswered", msg."messagesInTime", msg."messagesOverdue"
    FROM (
      SELECT p.id, p."shortNameSortKey" AS "sortKey", p."shortName" AS name, ${COUNT_COLUMNS}
      FROM "ConnectionStatusCount" c JOIN "Organization" p ON p.id = c."parentId"
      WHERE ${countScopeCondition(scope)}
      GROUP BY p.id, p."shortName"
      HAVING sum(c.n) > 0
    ) x
    LEFT JOIN LATERAL (
      SELECT ${messageFigureColumns("cm")} FROM "CitizenMessage" cm
      JOIN "Cabinet" cab ON cab.id = cm."cabinetId" JOIN "Organization" i ON i.id = cab."organizationId"
      WHERE i."parentId" = x.id
    ) msg ON true
    ORDER BY x."sortKey", x.id`;
}

function withShare({ messagesAnswered, messagesInTime, messagesOverdue, ...counts }: TOrganFigures): TPublicOrgan {
  return { ...counts, answeredInTime: answeredInTimeShare({ messagesAnswered, messagesInTime, messagesOverdue }) };
}

function sumFigures(organs: TOrganFigures[]) {
  const all = { messagesAnswered: 0, messagesInTime: 0, messagesOverdue: 0 };
  for (const o of organs) for (const k of Object.keys(all) as Array<keyof typeof all>) all[k] += o[k];
  return all;
}

function sumCounts(organs: TPublicCounts[]): TPublicCounts {
  const all: TPublicCounts = { total: 0, cabinetConnected: 0, widgetPlaced: 0, noSite: 0, ready: 0 };
  for (const o of organs) for (const k of Object.keys(all) as Array<keyof TPublicCounts>) all[k] += o[k];
  return all;
}

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Every municipality with an administration on the portal and its counts: one query for all of them. */
async function loadMunicipalities(): Promise<TPublicMunicipality[]> {
  await refreshConnectionStatus(db);
  const rows = await db.$queryRaw<Array<{ oktmo: string; name: string; deadline: Date | null } & TPublicCounts>>`
    WITH RECURSIVE organs AS (
      SELECT o.id, o."municipalityId" AS mid FROM "Organization" o WHERE o."parentId" IS NULL AND o.kind = 'OMSU' AND o."municipalityId" IS NOT NULL
      UNION
      SELECT c.id, u.mid FROM "Organization" c JOIN organs u ON c."parentId" = u.id WHERE c.kind IN ('ROIV', 'OMSU', 'TERRITORIAL_ROIV')
    )
    SELECT m.oktmo, m.name, m."connectionDeadline" AS deadline, ${COUNT_COLUMNS}
    FROM "Municipality" m
    JOIN (SELECT DISTINCT mid FROM organs) roots ON roots.mid = m.id
    LEFT JOIN (SELECT organs.mid, s.* FROM organs JOIN "ConnectionStatusCount" s ON s."parentId" = organs.id) c ON c.mid = m.id
    GROUP BY m.id, m.oktmo, m.name, m."connectionDeadline"
    ORDER BY m."nameSortKey", m.id`;
  return rows.map(({ oktmo, name, deadline, ...counts }) => ({ oktmo, name, deadline: isoDate(deadline), counts }));
}

/** What a municipality's page shows whatever the page or search: its totals, per управление. */
interface TSummary {
  municipality: { oktmo: string; name: string; connectionDeadline: Date | null };
  scope: TMonitoringScope;
  organs: TPublicOrgan[];
  counts: TPublicCounts;
  answeredInTime: number | null;
}

async function loadSummary(oktmo: string): Promise<TSummary | null> {
  await refreshConnectionStatus(db);
  const m = await db.municipality.findUnique({ where: { oktmo }, select: { id: true, oktmo: true, name: true, connectionDeadline: true } });
  if (!m) return null;
  const scope = await rootsOf(m.id);
  const figures = await organCountsOf(scope);
  const organs = figures.map(withShare);
  return { municipality: m, scope, organs, counts: sumCounts(organs), answeredInTime: answeredInTimeShare(sumFigures(figures)) };
}

/** A page of institutions; a search takes the totals from the minute cache (they do not depend on it). */
async function loadStatus(oktmo: string, page: number, query: string | null, known?: TSummary | null): Promise<TPublicStatus | null> {
  const summary = known === undefined ? await loadSummary(oktmo) : known;
  if (!summary) return null;
  const { municipality: m, scope, organs, counts, answeredInTime } = summary;
  const search = query ? Prisma.sql`AND ${nameContains(query)}` : Prisma.empty;
  const [{ matching }] = query
    ? await db.$queryRaw<Array<{ matching: number }>>`
        WITH RECURSIVE ${organsCte(scope)}
        SELECT count(*)::int AS matching FROM "ConnectionStatus" cs WHERE ${scopeCondition(scope)} ${search}`
    : [{ matching: counts.total }];
  const pages = Math.max(1, Math.ceil(matching / PUBLIC_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const institutions = await db.$queryRaw<TPublicInstitution[]>`
    WITH RECURSIVE ${organsCte(scope)}
    SELECT cs.name, p."shortName" AS organ,
      cs."cabinetState" = 'APPROVED' AS "cabinetConnected",
      CASE WHEN cs.widget = 'NO_SITE' THEN NULL ELSE cs.widget = 'PLACED' END AS "widgetPlaced",
      cs.overall = 'CONNECTED' AS ready
    FROM "ConnectionStatus" cs LEFT JOIN "Organization" p ON p.id = cs."parentId"
    WHERE ${scopeCondition(scope)} ${search}
    ORDER BY cs."nameSortKey", cs."organizationId"
    LIMIT ${PUBLIC_PAGE_SIZE} OFFSET ${(current - 1) * PUBLIC_PAGE_SIZE}`;
  return {
    oktmo: m.oktmo, name: m.name, deadline: isoDate(m.connectionDeadline), counts, answeredInTime, organs, page: current, pages, query, matching, institutions,
    updatedAt: new Date().toISOString(),
  };
}

// One cache per process, shared by every route bundle (hence globalThis). Bounded: searches are
// free text, so the number of keys is not. fetch() also makes concurrent misses of a key wait
// for one computation instead of each running the queries.
type TLoad = () => Promise<unknown>;
const holder = globalThis as unknown as { __posPublicStatusCache?: LRUCache<string, { value: unknown }, TLoad> };
const cache = (holder.__posPublicStatusCache ??= (() => {
  const created = new LRUCache<string, { value: unknown }, TLoad>({
    max: 1_000,
    ttl: PUBLIC_CACHE_SECONDS * 1000,
    // A computation finishing after clear() (its own refresh may clear) still answers and is kept:
    // it read the rows after that refresh.
    ignoreFetchAbort: true,
    fetchMethod: async (_key, _stale, { context }) => ({ value: await context() }),
  });
  onStatusRowsChanged(() => {
    created.clear();
    nextPublicGeneration();
  });
  return created;
})());

async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const entry = await cache.fetch(key, { context: load });
  return entry!.value as T;
}

/** Drops what the public page knows (e.g. after a deadline changed). */
export function forgetPublicStatus(): void {
  cache.clear();
  nextPublicGeneration();
}

/** Municipalities with an administration on the portal, with their counts (cached). */
export function publicMunicipalities(): Promise<TPublicMunicipality[]> {
  return cached("municipalities", loadMunicipalities);
}

/** One municipality's page of institutions (cached per page and search). */
export function publicStatus(oktmo: string, page: number, query: string | null): Promise<TPublicStatus | null> {
  return cached(JSON.stringify([oktmo, page, query]), async () =>
    loadStatus(oktmo, page, query, query ? await cached(JSON.stringify(["summary", oktmo]), () => loadSummary(oktmo)) : undefined),
  );
}

/** The same, read now: for a render Next keeps in its cache (a second minute of age would add up). */
export function freshPublicMunicipalities(): Promise<TPublicMunicipality[]> {
  return loadMunicipalities();
}

export function freshPublicStatus(oktmo: string, page: number): Promise<TPublicStatus | null> {
  return loadStatus(oktmo, page, null);
}

export function parsePublicQuery(params: Record<string, string | string[] | undefined> | URLSearchParams): { page: number; q: string | null } {
  const get = (k: string) => (params instanceof URLSearchParams ? params.get(k) : [params[k]].flat()[0]) ?? undefined;
  const page = Number.parseInt(get("page") ?? "1", 10);
  const q = (get("q") ?? "").trim().slice(0, 100);
  return { page: Number.isFinite(page) && page > 0 ? page : 1, q: q || null };
}
