// The connection status of each institution, derived from the registration, accounts and widget
// data: the ONE place where the rules live (overall status, what is missing, widget placed or not).
// Triggers note which organizations changed (ConnectionStatusDirty, see the migration); every
// reader first calls refreshConnectionStatus(), which recomputes just those rows in one statement.
// No "server-only": the seed and the benchmarks' generator call it too.
import type { DbTx } from "../db/prisma";

/** Bump when the rules below change: rows of an older version are recomputed on the next refresh. */
export const STATUS_RULE_VERSION = 1;

const BATCH = 5_000;

/**
 * The origin (scheme://host[:port], lower case) of an official site as people type it: with or
 * without a scheme, with a path. A widget counts as placed only when it is seen on this origin.
 */
const SITE_ORIGIN = `lower(substring(CASE WHEN c."officialSite" ~* '^[a-z][a-z0-9+.-]*://' THEN btrim(c."officialSite") ELSE 'https://' || btrim(c."officialSite") END from '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]+'))`;

// Institutions: organizations supervised by an organ (subordinate, or of a kind not yet known).
const IS_INSTITUTION = `(o.kind IN ('SUBORDINATE_ROIV', 'SUBORDINATE_OMSU') OR (o.kind IS NULL AND o."parentId" IS NOT NULL))`;

// One statement: take a batch of noted organizations, drop rows of those that are no longer
// institutions, and upsert the others' rows. Static SQL: the only parameters are numbers.
const REFRESH_SQL = `
WITH batch AS (
  DELETE FROM "ConnectionStatusDirty" d
  WHERE d."organizationId" IN (SELECT "organizationId" FROM "ConnectionStatusDirty" ORDER BY "organizationId" LIMIT $1)
  RETURNING d."organizationId" AS id
),
gone AS (
  DELETE FROM "ConnectionStatus" s USING batch b
  WHERE s."organizationId" = b.id
    AND NOT EXISTS (SELECT 1 FROM "Organization" o WHERE o.id = b.id AND ${IS_INSTITUTION})
  RETURNING 1
),
base AS (
  SELECT
    o.id, o."regionId", o."municipalityId", o."parentId",
    o."shortName", o."fullName", o.ogrn, o.inn,
    c.id AS cabinet_id, c."lkoId",
    CASE WHEN c.id IS NOT NULL THEN 'APPROVED' WHEN r.status = 'PENDING' THEN 'PENDING' WHEN r.status = 'REJECTED' THEN 'REJECTED' ELSE 'NONE' END AS cabinet_state,
    CASE
      WHEN c.id IS NOT NULL THEN ARRAY(SELECT cs."sphereId" FROM "CabinetSphere" cs WHERE cs."cabinetId" = c.id ORDER BY 1)
      WHEN r.id IS NOT NULL THEN coalesce((SELECT rv."sphereIds" FROM "CabinetRequestRevision" rv WHERE rv."requestId" = r.id AND rv.number = r."currentRevision"), '{}')
      ELSE '{}'
    END AS sphere_ids,
    coalesce(a.total, 0) AS total, coalesce(a.confirmed, 0) AS confirmed, coalesce(a.trained, 0) AS trained,
    coalesce(c."readyAccounts", false) AS ready_accounts, coalesce(c."readyResponsibles", false) AS ready_responsibles,
    coalesce(c."readyTraining", false) AS ready_training, coalesce(c."readyToWork", false) AS ready_to_work,
    c."officialSite",
    CASE WHEN c."officialSite" IS NOT NULL AND btrim(c."officialSite") <> '' THEN 'GIVEN' WHEN c."noSite" THEN 'NO_SITE' ELSE 'MISSING' END AS site,
    CASE
      WHEN c."officialSite" IS NOT NULL AND btrim(c."officialSite") <> '' THEN
        CASE WHEN w.on_site THEN 'PLACED' WHEN w.seen > 0 THEN 'WRONG_DOMAIN' ELSE 'MISSING' END
      WHEN c."noSite" THEN 'NO_SITE'
      WHEN w.seen > 0 THEN 'WRONG_DOMAIN'
      ELSE 'MISSING'
    END AS widget,
    (SELECT max(rm."sentAt") FROM "Reminder" rm WHERE rm."organizationId" = o.id) AS reminded_at
  FROM batch b
  JOIN "Organization" o ON o.id = b.id AND ${IS_INSTITUTION}
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
  ) a ON true
  LEFT JOIN LATERAL (
    SELECT count(*) AS seen, coalesce(bool_or(lower(p.origin) = ${SITE_ORIGIN}), false) AS on_site
    FROM "WidgetPlacement" p WHERE p."cabinetId" = c.id
  ) w ON true
),
derived AS (
  SELECT base.*,
    CASE cabinet_state
      WHEN 'NONE' THEN ARRAY['request']
      WHEN 'PENDING' THEN ARRAY['requestPending']
      WHEN 'REJECTED' THEN ARRAY['requestRejected']
      ELSE array_remove(ARRAY[
        CASE WHEN total = 0 OR confirmed < total THEN 'accounts' END,
        CASE WHEN confirmed = 0 OR trained < confirmed THEN 'training' END,
        CASE WHEN NOT ready_accounts THEN 'readyAccounts' END,
        CASE WHEN NOT ready_responsibles THEN 'readyResponsibles' END,
        CASE WHEN NOT ready_training THEN 'readyTraining' END,
        CASE WHEN NOT ready_to_work THEN 'readyToWork' END,
        CASE WHEN site = 'MISSING' THEN 'site' END,
        CASE WHEN site = 'GIVEN' AND widget = 'MISSING' THEN 'widget' END,
        CASE WHEN site = 'GIVEN' AND widget = 'WRONG_DOMAIN' THEN 'widgetWrongDomain' END
      ], NULL)
    END AS missing
  FROM base
),
upserted AS (
INSERT INTO "ConnectionStatus" (
  "organizationId", "regionId", "municipalityId", "parentId", name, "fullName", ogrn, inn,
  "cabinetState", "cabinetId", "lkoId", "sphereIds", "accountsTotal", "accountsConfirmed", "accountsTrained",
  "readyAccounts", "readyResponsibles", "readyTraining", "readyToWork", "readyPoints", "officialSite", site, widget,
  missing, overall, "remindedAt", "refreshedAt", "ruleVersion"
)
SELECT
  id, "regionId", "municipalityId", "parentId", "shortName", "fullName", ogrn, inn,
  cabinet_state::"CabinetState", cabinet_id, "lkoId", sphere_ids, total, confirmed, trained,
  ready_accounts, ready_responsibles, ready_training, ready_to_work,
  ready_accounts::int + ready_responsibles::int + ready_training::int + ready_to_work::int,
  "officialSite", site::"SiteState", widget::"WidgetState", missing,
  (CASE cabinet_state
    WHEN 'NONE' THEN 'NOT_STARTED' WHEN 'PENDING' THEN 'PENDING' WHEN 'REJECTED' THEN 'REJECTED'
    ELSE CASE WHEN cardinality(missing) = 0 THEN 'CONNECTED' ELSE 'IN_PROGRESS' END
  END)::"ConnectionOverall",
  reminded_at, now(), $2
FROM derived
ON CONFLICT ("organizationId") DO UPDATE SET
  "regionId" = EXCLUDED."regionId", "municipalityId" = EXCLUDED."municipalityId", "parentId" = EXCLUDED."parentId",
  name = EXCLUDED.name, "fullName" = EXCLUDED."fullName", ogrn = EXCLUDED.ogrn,
  inn = EXCLUDED.inn, "cabinetState" = EXCLUDED."cabinetState", "cabinetId" = EXCLUDED."cabinetId", "lkoId" = EXCLUDED."lkoId",
  "sphereIds" = EXCLUDED."sphereIds", "accountsTotal" = EXCLUDED."accountsTotal", "accountsConfirmed" = EXCLUDED."accountsConfirmed",
  "accountsTrained" = EXCLUDED."accountsTrained", "readyAccounts" = EXCLUDED."readyAccounts",
  "readyResponsibles" = EXCLUDED."readyResponsibles", "readyTraining" = EXCLUDED."readyTraining",
  "readyToWork" = EXCLUDED."readyToWork", "readyPoints" = EXCLUDED."readyPoints", "officialSite" = EXCLUDED."officialSite",
  site = EXCLUDED.site, widget = EXCLUDED.widget, missing = EXCLUDED.missing, overall = EXCLUDED.overall,
  "remindedAt" = EXCLUDED."remindedAt", "refreshedAt" = EXCLUDED."refreshedAt", "ruleVersion" = EXCLUDED."ruleVersion"
RETURNING 1
)
-- How many noted organizations this batch took (institutions or not): the loop stops below a full batch.
SELECT (SELECT count(*) FROM batch) AS n`;

const holder = globalThis as unknown as { __posStatusRulesChecked?: WeakSet<object> };

/**
 * Recomputes the rows of every organization noted as changed. Usually nothing is noted and this
 * is one cheap query; after a bulk load it works through the backlog in batches.
 */
export async function refreshConnectionStatus(db: DbTx): Promise<number> {
  const checked = (holder.__posStatusRulesChecked ??= new WeakSet());
  if (!checked.has(db)) {
    // Rows computed by older rules are recomputed once per process after a deploy.
    await db.$executeRawUnsafe(
      `INSERT INTO "ConnectionStatusDirty" ("organizationId") SELECT "organizationId" FROM "ConnectionStatus" WHERE "ruleVersion" <> $1 ON CONFLICT DO NOTHING`,
      STATUS_RULE_VERSION,
    );
    checked.add(db);
  }
  const [{ noted }] = await db.$queryRawUnsafe<Array<{ noted: boolean }>>(`SELECT EXISTS (SELECT 1 FROM "ConnectionStatusDirty") AS noted`);
  if (!noted) return 0;
  let total = 0;
  for (;;) {
    const [{ n }] = await db.$queryRawUnsafe<Array<{ n: bigint }>>(REFRESH_SQL, BATCH, STATUS_RULE_VERSION);
    total += Number(n);
    if (Number(n) < BATCH) return total;
  }
}
