import "server-only";
import { db } from "@/lib/db";

export interface ThrottleRule {
  /** Attempts allowed within the window before the key is locked. */
  limit: number;
  windowMs: number;
  /** The first lock's length. */
  lockMs: number;
  /** Growing pauses: each lock that follows an earlier one within a day is this many times longer (default 1). */
  growth?: number;
  /** The longest lock growth may reach (default: lockMs). */
  maxLockMs?: number;
}

/** A key's locks are counted towards growth for this long after the last one ended. */
const GROWTH_MEMORY_MS = 24 * 60 * 60_000;

export interface ThrottleVerdict {
  allowed: boolean;
  retryAfterMs: number;
}

/**
 * Counts an attempt for the key in the database (shared by every app instance) and says whether it
 * may proceed. One atomic statement: the count restarts when the window has passed, and going over
 * the limit locks the key — for lockMs, or, with growth, longer each time the key is locked again
 * within a day of its previous lock (`strikes` counts those locks; `lockedUntil` keeps the last
 * one's end after it has passed, to tell).
 */
export async function countAttempt(key: string, rule: ThrottleRule, now = new Date()): Promise<ThrottleVerdict> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const remembered = new Date(now.getTime() - GROWTH_MEMORY_MS);
  const growth = rule.growth ?? 1;
  const maxLockMs = Math.max(rule.maxLockMs ?? rule.lockMs, rule.lockMs);
  const [row] = await db.$queryRaw<Array<{ lockedUntil: Date | null }>>`
    INSERT INTO "LoginThrottle" AS t (key, failures, "windowStart", "lockedUntil", strikes) VALUES (${key}, 1, ${now}, NULL, 0)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t."windowStart" < ${windowStart} THEN 1 ELSE t.failures + 1 END,
      "windowStart" = CASE WHEN t."windowStart" < ${windowStart} THEN ${now} ELSE t."windowStart" END,
      strikes = CASE
        WHEN t."lockedUntil" > ${now} THEN t.strikes
        WHEN (CASE WHEN t."windowStart" < ${windowStart} THEN 1 ELSE t.failures + 1 END) > ${rule.limit}
          THEN (CASE WHEN t."lockedUntil" > ${remembered} THEN t.strikes ELSE 0 END) + 1
        ELSE t.strikes END,
      "lockedUntil" = CASE
        WHEN t."lockedUntil" > ${now} THEN t."lockedUntil"
        WHEN (CASE WHEN t."windowStart" < ${windowStart} THEN 1 ELSE t.failures + 1 END) > ${rule.limit}
          THEN ${now}::timestamp(3) + least(${rule.lockMs}::float8 * power(${growth}::float8, (CASE WHEN t."lockedUntil" > ${remembered} THEN t.strikes ELSE 0 END)), ${maxLockMs}::float8) * interval '1 millisecond'
        ELSE t."lockedUntil" END
    RETURNING "lockedUntil"`;
  const locked = row.lockedUntil && row.lockedUntil > now;
  return { allowed: !locked, retryAfterMs: locked ? row.lockedUntil!.getTime() - now.getTime() : 0 };
}

/** Whether the key is locked now, without counting an attempt. */
export async function lockedFor(key: string, now = new Date()): Promise<number> {
  const row = await db.loginThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil.getTime() - now.getTime() : 0;
}

