import "server-only";
// What stands between a script and the citizens' inbox (issue 17, finding 5; docs/decisions/073-citizen-form-abuse.md):
// a signed, short-lived form token rendered into the form (bound to the cabinet and the form's
// idempotency key, so one token makes at most one message), a minimum fill time, a honeypot field,
// and rate limits per address and per cabinet counted in the database (shared by every instance).
// None of them loses what a citizen typed: the form comes back with the text and a fresh token.
import { authSecret } from "@/lib/auth/secret";
import { countAttempt, type ThrottleRule } from "@/lib/security/throttle";
import { formTokenIssuedAt, signFormToken } from "./form-token";

/** A person needs at least this long to fill the form; a script posts at once (CITIZEN_FORM_MIN_FILL_MS; e2e robots type faster). */
export const MIN_FILL_MS = Number(process.env.CITIZEN_FORM_MIN_FILL_MS || 3_000);
/** A token is good this long (a citizen who took longer gets the form back, text kept). */
export const FORM_TOKEN_TTL_MS = 2 * 60 * 60_000;
/** The honeypot: a field people never see (hidden from sight and from screen readers), bots fill. */
export const HONEYPOT_FIELD = "website";

const MINUTE = 60_000;
/** Messages from one address: CITIZEN_FORM_LIMIT (5) in 10 minutes, then a 10-minute pause. */
export const MESSAGES_PER_ADDRESS: ThrottleRule = { limit: Number(process.env.CITIZEN_FORM_LIMIT || 5), windowMs: 10 * MINUTE, lockMs: 10 * MINUTE };
/** Messages to one cabinet from everyone: CITIZEN_FORM_CABINET_LIMIT (60) in an hour, then a 15-minute pause. */
export const MESSAGES_PER_CABINET: ThrottleRule = { limit: Number(process.env.CITIZEN_FORM_CABINET_LIMIT || 60), windowMs: 60 * MINUTE, lockMs: 15 * MINUTE };

/** The token of a form shown now for this cabinet and idempotency key. */
export function issueFormToken(lkoId: number, idempotencyKey: string, now = new Date()): string {
  return signFormToken(authSecret(), lkoId, idempotencyKey, now);
}

export type TTokenVerdict = "ok" | "missing" | "forged" | "tooFast" | "expired";

/** Whether a posted token is this cabinet's, for this idempotency key, and filled in a human's time. */
export function checkFormToken(lkoId: number, idempotencyKey: unknown, token: unknown, now = new Date()): TTokenVerdict {
  if (typeof token !== "string" || token === "" || typeof idempotencyKey !== "string") return "missing";
  const issued = formTokenIssuedAt(authSecret(), lkoId, idempotencyKey, token);
  if (!issued) return "forged";
  const age = now.getTime() - issued.getTime();
  if (age < MIN_FILL_MS) return "tooFast";
  return age > FORM_TOKEN_TTL_MS ? "expired" : "ok";
}

/** Counts a message against its address and its cabinet; the wait in ms when either is over its limit. */
export async function countMessage(address: string, lkoId: number, now = new Date()): Promise<number> {
  const byAddress = await countAttempt(`citizen-form:address:${address}`, MESSAGES_PER_ADDRESS, now);
  const byCabinet = await countAttempt(`citizen-form:lko:${lkoId}`, MESSAGES_PER_CABINET, now);
  return Math.max(byAddress.retryAfterMs, byCabinet.retryAfterMs);
}
