import "server-only";
// The server's own check of official sites, which alone proves a placement (./placement.ts): run
// when the site or the widget's code changes (the cabinet is marked due at once), by «Проверить
// сайт», and every day on a schedule. The schedule is spread (each next check a day later ± an hour,
// the first ones spread over a day by the migration) and bounded (a batch a minute, a few at a time,
// each fetch fenced by fetch-page.ts). Due cabinets are claimed in the database with SKIP LOCKED
// and a lease, so with several instances each check runs once; a claim whose instance died runs
// again after the lease.
import { db, type DbTx, type SiteCheckTrigger } from "@/lib/db";
import { recordAudit } from "@/lib/audit/log";
import { log } from "@/lib/observability/log";
import { checkSite, siteCheckConfig } from "./site-check";

export const SITE_CHECK_EVERY_MS = 24 * 60 * 60_000;
/** Each next check lands anywhere within this window around a day later. */
export const SITE_CHECK_JITTER_MS = 2 * 60 * 60_000;
/** How long a claimed check belongs to its instance. */
const CLAIM_MS = 5 * 60_000;
/** Checks kept per cabinet (the page shows the last five; older ones are pruned). */
export const SITE_CHECKS_KEPT = 20;

/** When the next scheduled check of a cabinet checked at `now` is due. */
export const nextScheduledCheck = (now: Date, random = Math.random()) =>
  new Date(now.getTime() + SITE_CHECK_EVERY_MS + (random - 0.5) * SITE_CHECK_JITTER_MS);

/** Cabinet data that marks a check due now (the site or the code changed), or none when there is no site. */
export function siteCheckDue(reason: SiteCheckTrigger, hasSite: boolean, now = new Date()) {
  return hasSite ? { siteCheckDueAt: now, siteCheckReason: reason } : { siteCheckDueAt: null, siteCheckReason: null };
}

interface TCheckedCabinet {
  id: string;
  lkoId: number;
  officialSite: string;
  organizationId: string;
}

/**
 * Stores a check's result with its reason, schedules the next one (unless the site changed in the
 * meantime: then its own check is still due), keeps the last SITE_CHECKS_KEPT and journals it —
 * a scheduled check only when its outcome differs from the previous one (a daily «still there» is no event).
 */
async function recordCheck(
  cabinet: TCheckedCabinet,
  result: Awaited<ReturnType<typeof checkSite>>,
  trigger: SiteCheckTrigger,
  actorPersonId: string | null,
  now: Date,
): Promise<{ id: string; outcome: string; details: string | null; checkedAt: Date }> {
  return db.$transaction(async (tx: DbTx) => {
    const previous = await tx.siteCheck.findFirst({ where: { cabinetId: cabinet.id }, orderBy: { checkedAt: "desc" }, select: { outcome: true } });
    const row = await tx.siteCheck.create({
      data: { cabinetId: cabinet.id, url: result.url, outcome: result.outcome, details: result.details, trigger, checkedAt: now },
      select: { id: true, outcome: true, details: true, checkedAt: true },
    });
    await tx.cabinet.updateMany({
      where: { id: cabinet.id, officialSite: cabinet.officialSite },
      data: { siteCheckDueAt: nextScheduledCheck(now), siteCheckReason: "SCHEDULED", siteCheckClaimedUntil: null },
    });
    const kept = await tx.siteCheck.findMany({ where: { cabinetId: cabinet.id }, orderBy: { checkedAt: "desc" }, take: SITE_CHECKS_KEPT, select: { id: true } });
    await tx.siteCheck.deleteMany({ where: { cabinetId: cabinet.id, id: { notIn: kept.map((k) => k.id) } } });
    if (trigger !== "SCHEDULED" || previous?.outcome !== result.outcome) {
      await recordAudit(tx, {
        actorPersonId, action: "widget.site_checked", entityType: "SiteCheck", entityId: row.id,
        cabinetId: cabinet.id, organizationId: cabinet.organizationId, data: { outcome: result.outcome, url: result.url, trigger },
      });
    }
    return row;
  });
}

/** Checks the cabinet's official site now and records it (the network request runs outside any transaction). */
export async function checkCabinetSite(cabinet: TCheckedCabinet, trigger: SiteCheckTrigger, actorPersonId: string | null = null) {
  const result = await checkSite(`${cabinet.officialSite}/`, cabinet.lkoId, siteCheckConfig());
  return recordCheck(cabinet, result, trigger, actorPersonId, new Date());
}

// Takes a batch of due cabinets for this instance until the lease ends (one statement: SKIP LOCKED
// lets instances take different ones at once).
const CLAIM_SQL = `
UPDATE "Cabinet" c SET "siteCheckClaimedUntil" = $2
WHERE c.id IN (
  SELECT id FROM "Cabinet"
  WHERE status = 'ACTIVE' AND "officialSite" IS NOT NULL AND NOT "noSite" AND "siteCheckDueAt" <= $1
    AND ("siteCheckClaimedUntil" IS NULL OR "siteCheckClaimedUntil" < $1)
  ORDER BY "siteCheckDueAt" LIMIT $3 FOR UPDATE SKIP LOCKED
)
RETURNING c.id, c."lkoId", c."officialSite", c."organizationId", c."siteCheckReason" AS reason`;

export interface TSiteCheckRun {
  batch?: number;
  concurrency?: number;
  now?: Date;
  stopping?: AbortSignal;
}

/** Runs the checks that are due (a batch of them, a few at a time); returns how many ran. */
export async function runDueSiteChecks(run: TSiteCheckRun = {}): Promise<number> {
  const now = run.now ?? new Date();
  const claimed = await db.$queryRawUnsafe<Array<TCheckedCabinet & { reason: SiteCheckTrigger | null }>>(
    CLAIM_SQL, now, new Date(now.getTime() + CLAIM_MS), run.batch ?? 20,
  );
  let next = 0;
  const worker = async () => {
    while (next < claimed.length && !run.stopping?.aborted) {
      const cabinet = claimed[next++];
      try {
        await checkCabinetSite(cabinet, cabinet.reason ?? "SCHEDULED");
      } catch (error) {
        // Left claimed: checked again after the lease.
        log.error({ event: "site_check.failed", cabinetId: cabinet.id, err: error }, "Проверка сайта не записана");
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(run.concurrency ?? 4, claimed.length) }, worker));
  return claimed.length;
}
