import "server-only";
import { db } from "@/lib/db";

export interface ThrottleRule {
  /** Attempts allowed within the window before the key is locked. */
  limit: number;
  windowMs: number;
  lockMs: number;
}

export interface ThrottleVerdict {
  allowed: boolean;
  retryAfterMs: number;
}

/**
 * Counts an attempt for the key in the database (shared by every app instance) and says whether it
 * may proceed. One atomic statement: the count restarts when the window has passed, and reaching
 * the limit locks the key for lockMs.
 */
export async function countAttempt(key: string, rule: ThrottleRule, now = new Date()): Promise<ThrottleVerdict> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const lockUntil = new Date(now.getTime() + rule.lockMs);
  const [row] = await db.$queryRaw<Array<{ failures: number; lockedUntil: Date | null }>>`
    INSERT INTO "LoginThrottle" (key, failures, "windowStart", "lockedUntil") VALUES (${key}, 1, ${now}, NULL)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "LoginThrottle".failures + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "LoginThrottle"."windowStart" END,
      "lockedUntil" = CASE
        WHEN "LoginThrottle"."lockedUntil" > ${now} THEN "LoginThrottle"."lockedUntil"
        WHEN (CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "LoginThrottle".failures + 1 END) > ${rule.limit} THEN ${lockUntil}
        ELSE NULL END
    RETURNING failures, "lockedUntil"`;
  const locked = row.lockedUntil && row.lockedUntil > now;
  return { allowed: !locked, retryAfterMs: locked ? row.lockedUntil!.getTime() - now.getTime() : 0 };
}

/** Whether the key is locked now, without counting an attempt. */
export async function lockedFor(key: string, now = new Date()): Promise<number> {
  const row = await db.loginThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil.getTime() - now.getTime() : 0;
}

/** The client's address: the last X-Forwarded-For hop (added by our reverse proxy, or by Next). */
export function clientAddress(headers: Headers): string {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  return hops.at(-1) ?? "unknown";
}

/**
 * Starting a sign-in: 30 per 10 minutes from one address (SIGN_IN_LIMIT), then a 15-minute pause.
 * A whole office behind one address may need more; the e2e suite, which signs in some hundred
 * times from 127.0.0.1, raises it.
 */
export const SIGN_IN_RULE: ThrottleRule = { limit: Number(process.env.SIGN_IN_LIMIT || 30), windowMs: 10 * 60_000, lockMs: 15 * 60_000 };
/** Failed returns from ЕСИА (forged or expired state, errors): 10 per 10 minutes, then 30 minutes. */
export const FAILED_SIGN_IN_RULE: ThrottleRule = { limit: 10, windowMs: 10 * 60_000, lockMs: 30 * 60_000 };
