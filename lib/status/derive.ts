// The stored connection status of each institution (ConnectionStatus), kept current: triggers
// note which organizations changed (ConnectionStatusDirty, see the migrations); every reader
// first calls refreshConnectionStatus(), which recomputes just those rows. The rules themselves
// are ./rules.ts (and lib/widget/placement.ts for the widget); this module only reads their
// inputs and writes their results, a batch at a time.
// No "server-only": the seed and the benchmarks' generator call it too.
import { selectRows, type Db, type DbTx } from "../db/prisma";
import { Prisma } from "../db/generated/client";
import type { SiteCheckOutcome } from "../db/generated/enums";
import { utc } from "../db/raw";
import type { TSiteCheckFact } from "../widget/placement";
import { deriveStatus, type TStatusInput } from "./rules";

/** Bump when the rules change: rows of an older version are recomputed on the next refresh (4: the site check, not the loader, proves a placement). */
export const STATUS_RULE_VERSION = 4;

const BATCH = 5_000;

// Institutions: organizations supervised by an organ (subordinate, or of a kind not yet known).
const IS_INSTITUTION = `(o.kind IN ('SUBORDINATE_ROIV', 'SUBORDINATE_OMSU') OR (o.kind IS NULL AND o."parentId" IS NOT NULL))`;

// Takes a batch of noted organizations. SKIP LOCKED: two refreshers at once take different batches.
const CLAIM_SQL = `
DELETE FROM "ConnectionStatusDirty"
WHERE "organizationId" IN (SELECT "organizationId" FROM "ConnectionStatusDirty" ORDER BY "organizationId" LIMIT $1 FOR UPDATE SKIP LOCKED)
RETURNING "organizationId" AS id`;

// Everything the rules need about the claimed organizations, one row each (with the database's clock).
const INPUTS_SQL = `
SELECT
  o.id, ${IS_INSTITUTION} AS institution, o."regionId", o."municipalityId", o."parentId", o."shortName", o."shortNameSortKey", o."fullName", o.ogrn, o.inn,
  c.id AS "cabinetId", c."lkoId", c."officialSite", c."noSite",
  c."readyAccounts", c."readyResponsibles", c."readyTraining", c."readyToWork",
  r.status::text AS "requestStatus",
  CASE
    WHEN c.id IS NOT NULL THEN ARRAY(SELECT cs."sphereId" FROM "CabinetSphere" cs WHERE cs."cabinetId" = c.id ORDER BY 1)
    WHEN r.id IS NOT NULL THEN coalesce((SELECT rv."sphereIds" FROM "CabinetRequestRevision" rv WHERE rv."requestId" = r.id AND rv.number = r."currentRevision"), '{}')
    ELSE '{}'
  END AS "sphereIds",
  coalesce(a.total, 0)::int AS total, coalesce(a.confirmed, 0)::int AS confirmed, coalesce(a.trained, 0)::int AS trained,
  (SELECT json_build_object('url', sc.url, 'outcome', sc.outcome, 'checkedAt', sc."checkedAt") FROM "SiteCheck" sc
    WHERE sc."cabinetId" = c.id AND sc.outcome <> 'UNREACHABLE' ORDER BY sc."checkedAt" DESC LIMIT 1) AS "siteCheck",
  (SELECT max(rm."sentAt") FROM "Reminder" rm WHERE rm."organizationId" = o.id) AS "remindedAt",
  now() AS now
FROM unnest($1::text[]) AS b(id)
JOIN "Organization" o ON o.id = b.id
LEFT JOIN "Cabinet" c ON c."organizationId" = o.id AND c.kind = 'WORK' AND c.status = 'ACTIVE'
LEFT JOIN LATERAL (
  SELECT r.id, r.status, r."currentRevision" FROM "CabinetRequest" r
  WHERE r."organizationId" = o.id AND r.kind = 'WORK' ORDER BY r."createdAt" DESC LIMIT 1
) r ON true
LEFT JOIN LATERAL (
  SELECT count(*) FILTER (WHERE x.status <> 'ARCHIVED') AS total,
         count(*) FILTER (WHERE x.status = 'CONFIRMED') AS confirmed,
         count(*) FILTER (WHERE x.status = 'CONFIRMED' AND x."trainingConfirmedAt" IS NOT NULL) AS trained
  FROM "Account" x WHERE x."cabinetId" = c.id
) a ON true`;

interface TInputRow {
  id: string;
  institution: boolean;
  regionId: string;
  municipalityId: string | null;
  parentId: string | null;
  shortName: string;
  shortNameSortKey: string;
  fullName: string;
  ogrn: string;
  inn: string;
  cabinetId: string | null;
  lkoId: number | null;
  officialSite: string | null;
  noSite: boolean | null;
  readyAccounts: boolean | null;
  readyResponsibles: boolean | null;
  readyTraining: boolean | null;
  readyToWork: boolean | null;
  requestStatus: TStatusInput["requestStatus"];
  sphereIds: string[];
  total: number;
  confirmed: number;
  trained: number;
  siteCheck: TSiteCheckJson | string | null;
  remindedAt: Date | string | null;
  now: Date | string;
}

// The results as one JSON parameter, turned into rows by the database (arrays of arrays do not
// unnest). Column names and types are constants here.
const UPSERT_SQL = `
INSERT INTO "ConnectionStatus" (
  "organizationId", "regionId", "municipalityId", "parentId", name, "nameSortKey", "fullName", ogrn, inn,
  "cabinetState", "cabinetId", "lkoId", "sphereIds", "accountsTotal", "accountsConfirmed", "accountsTrained",
  "readyAccounts", "readyResponsibles", "readyTraining", "readyToWork", "readyPoints", "officialSite", site, widget,
  missing, overall, "remindedAt", "refreshedAt", "ruleVersion", "recheckAt"
)
SELECT
  x."organizationId", x."regionId", x."municipalityId", x."parentId", x.name, x."nameSortKey", x."fullName", x.ogrn, x.inn,
  x."cabinetState", x."cabinetId", x."lkoId", x."sphereIds", x."accountsTotal", x."accountsConfirmed", x."accountsTrained",
  x."readyAccounts", x."readyResponsibles", x."readyTraining", x."readyToWork", x."readyPoints", x."officialSite", x.site, x.widget,
  x.missing, x.overall, x."remindedAt", now(), $2, x."recheckAt"
FROM jsonb_to_recordset($1::jsonb) AS x(
  "organizationId" text, "regionId" text, "municipalityId" text, "parentId" text, name text, "nameSortKey" text, "fullName" text, ogrn text, inn text,
  "cabinetState" "CabinetState", "cabinetId" text, "lkoId" int, "sphereIds" text[], "accountsTotal" int, "accountsConfirmed" int, "accountsTrained" int,
  "readyAccounts" boolean, "readyResponsibles" boolean, "readyTraining" boolean, "readyToWork" boolean, "readyPoints" int, "officialSite" text,
  site "SiteState", widget "WidgetState", missing text[], overall "ConnectionOverall", "remindedAt" timestamp(3), "recheckAt" timestamp(3)
)
ON CONFLICT ("organizationId") DO UPDATE SET
  "regionId" = EXCLUDED."regionId", "municipalityId" = EXCLUDED."municipalityId", "parentId" = EXCLUDED."parentId",
  name = EXCLUDED.name, "nameSortKey" = EXCLUDED."nameSortKey", "fullName" = EXCLUDED."fullName", ogrn = EXCLUDED.ogrn, inn = EXCLUDED.inn,
  "cabinetState" = EXCLUDED."cabinetState", "cabinetId" = EXCLUDED."cabinetId", "lkoId" = EXCLUDED."lkoId",
  "sphereIds" = EXCLUDED."sphereIds", "accountsTotal" = EXCLUDED."accountsTotal", "accountsConfirmed" = EXCLUDED."accountsConfirmed",
  "accountsTrained" = EXCLUDED."accountsTrained", "readyAccounts" = EXCLUDED."readyAccounts",
  "readyResponsibles" = EXCLUDED."readyResponsibles", "readyTraining" = EXCLUDED."readyTraining",
  "readyToWork" = EXCLUDED."readyToWork", "readyPoints" = EXCLUDED."readyPoints", "officialSite" = EXCLUDED."officialSite",
  site = EXCLUDED.site, widget = EXCLUDED.widget, missing = EXCLUDED.missing, overall = EXCLUDED.overall,
  "remindedAt" = EXCLUDED."remindedAt", "refreshedAt" = EXCLUDED."refreshedAt", "ruleVersion" = EXCLUDED."ruleVersion",
  "recheckAt" = EXCLUDED."recheckAt"`;

/** The stored row of one institution: its facts and what the rules make of them. */
export function statusRow(row: TInputRow) {
  const now = new Date(row.now);
  const input: TStatusInput = {
    cabinet: row.cabinetId
      ? {
          officialSite: row.officialSite, noSite: row.noSite === true,
          readyAccounts: row.readyAccounts === true, readyResponsibles: row.readyResponsibles === true,
          readyTraining: row.readyTraining === true, readyToWork: row.readyToWork === true,
          siteChecks: siteCheckFact(row.siteCheck),
        }
      : null,
    requestStatus: row.requestStatus,
    accounts: { total: row.total, confirmed: row.confirmed, trained: row.trained },
  };
  const d = deriveStatus(input, now);
  return {
    organizationId: row.id, regionId: row.regionId, municipalityId: row.municipalityId, parentId: row.parentId,
    name: row.shortName, nameSortKey: row.shortNameSortKey, fullName: row.fullName, ogrn: row.ogrn, inn: row.inn,
    cabinetState: d.cabinetState, cabinetId: row.cabinetId, lkoId: row.lkoId, sphereIds: row.sphereIds,
    accountsTotal: row.total, accountsConfirmed: row.confirmed, accountsTrained: row.trained,
    readyAccounts: input.cabinet?.readyAccounts ?? false, readyResponsibles: input.cabinet?.readyResponsibles ?? false,
    readyTraining: input.cabinet?.readyTraining ?? false, readyToWork: input.cabinet?.readyToWork ?? false,
    readyPoints: d.readyPoints, officialSite: row.officialSite, site: d.site, widget: d.widget, missing: d.missing, overall: d.overall,
    remindedAt: row.remindedAt ? new Date(row.remindedAt).toISOString() : null, recheckAt: d.recheckAt?.toISOString() ?? null,
  };
}

export interface TSiteCheckJson {
  url: string;
  outcome: SiteCheckOutcome;
  checkedAt: string;
}

/** A check as json_build_object gives it (a string on some drivers), as the rule takes it. */
export function siteCheckFact(json: TSiteCheckJson | string | null): TSiteCheckFact[] {
  if (!json) return [];
  const c = typeof json === "string" ? (JSON.parse(json) as TSiteCheckJson) : json;
  // json_build_object writes timestamp(3) without a zone; Prisma keeps them in UTC.
  return [{ url: c.url, outcome: c.outcome, checkedAt: utc(c.checkedAt) }];
}

const holder = globalThis as unknown as { __posStatusRulesChecked?: WeakSet<object>; __posStatusListeners?: Set<() => void> };

/** Called after a refresh changed rows (in this process): caches of derived views drop themselves. */
export function onStatusRowsChanged(listener: () => void): void {
  (holder.__posStatusListeners ??= new Set()).add(listener);
}

// Notes the rows whose time has come (recheckAt), then says whether anything is noted: one statement.
const NOTED_SQL = `
WITH due AS (
  INSERT INTO "ConnectionStatusDirty" ("organizationId")
  SELECT "organizationId" FROM "ConnectionStatus" WHERE "recheckAt" <= now()
  ON CONFLICT DO NOTHING RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM due) OR EXISTS (SELECT 1 FROM "ConnectionStatusDirty") AS noted`;

/**
 * Recomputes the rows of every organization noted as changed. Usually nothing is noted and this
 * is one cheap statement; after a bulk load it works through the backlog in batches, each in
 * its own transaction (a failure leaves the batch noted).
 */
export async function refreshConnectionStatus(db: Db): Promise<number> {
  const checked = (holder.__posStatusRulesChecked ??= new WeakSet());
  if (!checked.has(db)) {
    // Rows computed by older rules are recomputed once per process after a deploy.
    await db.$executeRawUnsafe(
      `INSERT INTO "ConnectionStatusDirty" ("organizationId") SELECT "organizationId" FROM "ConnectionStatus" WHERE "ruleVersion" <> $1 ON CONFLICT DO NOTHING`,
      STATUS_RULE_VERSION,
    );
    checked.add(db);
  }
  // Every monitoring request makes this check: past Prisma's query compiler, like the pages' other
  // reads (decision 082) — through $queryRawUnsafe it cost 0.5 ms of processor a request.
  const [{ noted }] = await selectRows<{ noted: boolean }>(db, Prisma.raw(NOTED_SQL));
  if (!noted) return 0;
  let total = 0;
  for (;;) {
    const n = await db.$transaction((tx) => refreshBatch(tx), { timeout: 120_000, maxWait: 30_000 });
    total += n;
    if (n < BATCH) break;
  }
  if (total > 0) for (const listener of holder.__posStatusListeners ?? []) listener();
  return total;
}
/** The part of a row that ConnectionStatusCount counts by. */
type TCountKey = { regionId: string; municipalityId: string | null; parentId: string | null; overall: string; widget: string };

const countKey = (r: TCountKey) => JSON.stringify([r.regionId, r.municipalityId ?? "", r.parentId ?? "", r.overall, r.widget]);

// The rows as they are before this batch changes them (locked: the deltas below start from them).
const OLD_ROWS_SQL = `
SELECT "regionId", "municipalityId", "parentId", overall::text AS overall, widget::text AS widget FROM "ConnectionStatus"
WHERE "organizationId" = ANY($1::text[]) ORDER BY "organizationId" FOR UPDATE`;

// Adds the deltas, in key order (two refreshers lock count rows in the same order: no deadlock).
const COUNTS_SQL = `
INSERT INTO "ConnectionStatusCount" ("regionId", "municipalityId", "parentId", overall, widget, n)
SELECT x."regionId", x."municipalityId", x."parentId", x.overall, x.widget, x.n
FROM jsonb_to_recordset($1::jsonb) AS x("regionId" text, "municipalityId" text, "parentId" text, overall "ConnectionOverall", widget "WidgetState", n int)
ORDER BY 1, 2, 3, 4, 5
ON CONFLICT ("regionId", "municipalityId", "parentId", overall, widget) DO UPDATE SET n = "ConnectionStatusCount".n + EXCLUDED.n`;

/** Old rows out, new rows in: what each count gains or loses (zeros left out). */
export function countDeltas(before: TCountKey[], after: TCountKey[]) {
  const delta = new Map<string, number>();
  for (const r of before) delta.set(countKey(r), (delta.get(countKey(r)) ?? 0) - 1);
  for (const r of after) delta.set(countKey(r), (delta.get(countKey(r)) ?? 0) + 1);
  return [...delta].filter(([, n]) => n !== 0).map(([key, n]) => {
    const [regionId, municipalityId, parentId, overall, widget] = JSON.parse(key) as string[];
    return { regionId, municipalityId, parentId, overall, widget, n };
  });
}

async function refreshBatch(tx: DbTx): Promise<number> {
  const claimed = await tx.$queryRawUnsafe<Array<{ id: string }>>(CLAIM_SQL, BATCH);
  if (claimed.length === 0) return 0;
  const ids = claimed.map((c) => c.id);
  const before = await tx.$queryRawUnsafe<TCountKey[]>(OLD_ROWS_SQL, ids);
  const rows = await tx.$queryRawUnsafe<TInputRow[]>(INPUTS_SQL, ids);
  const institutions = rows.filter((r) => r.institution);
  const keep = new Set(institutions.map((r) => r.id));
  // Organizations that are gone or are not institutions (any more) have no row.
  const gone = ids.filter((id) => !keep.has(id));
  if (gone.length > 0) await tx.$executeRawUnsafe(`DELETE FROM "ConnectionStatus" WHERE "organizationId" = ANY($1::text[])`, gone);
  const after = institutions.map(statusRow);
  if (after.length > 0) await tx.$executeRawUnsafe(UPSERT_SQL, JSON.stringify(after), STATUS_RULE_VERSION);
  const deltas = countDeltas(before, after);
  if (deltas.length > 0) {
    await tx.$executeRawUnsafe(COUNTS_SQL, JSON.stringify(deltas));
    // A count below zero is a bug in the deltas: fail (the batch rolls back) rather than lie.
    // Not a CHECK: PostgreSQL checks the row proposed by INSERT before ON CONFLICT turns it into an update.
    const [{ broken }] = await tx.$queryRawUnsafe<Array<{ broken: boolean }>>(
      `WITH zero AS (DELETE FROM "ConnectionStatusCount" WHERE n = 0) SELECT EXISTS (SELECT 1 FROM "ConnectionStatusCount" WHERE n < 0) AS broken`,
    );
    if (broken) throw new Error("ConnectionStatusCount: число ниже нуля — счётчики разошлись со строками");
  }
  return claimed.length;
}
