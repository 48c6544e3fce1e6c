import "server-only";
// The limits on signing in (issue 17, docs/decisions/072-sign-in-limits.md). The portal does not see
// who signs in until ЕСИА answers, so the "login" of a limit is the sign-in's client: this browser's
// random cookie (set by the first sign-in start), or the person once the portal knows them (the
// organization's authorization). Each (address, client) pair has its own limits with growing
// pauses; the address as a whole has a much looser ceiling — an office of many people behind one
// NAT address stays under it, a script that drops its cookie every time does not.
import { randomBytes } from "node:crypto";
import type { NextRequest, NextResponse } from "next/server";
import { clientAddress } from "./client-address";
import { countAttempt, lockedFor, type ThrottleRule } from "./throttle";

export const SIGN_IN_CLIENT_COOKIE = "pos.signin-client";
const CLIENT_PATH = "/api/esia";
const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

const MINUTE = 60_000;
/** Starts of sign-in from one browser: 30 in 10 minutes, then 2 minutes, doubling up to 30. */
export const START_PER_CLIENT: ThrottleRule = { limit: 30, windowMs: 10 * MINUTE, lockMs: 2 * MINUTE, growth: 2, maxLockMs: 30 * MINUTE };
/** Failed returns from ЕСИА (forged or stale state) of one browser: 5 in 10 minutes, then 1 minute, doubling up to an hour. */
export const FAILED_PER_CLIENT: ThrottleRule = { limit: 5, windowMs: 10 * MINUTE, lockMs: MINUTE, growth: 2, maxLockMs: 60 * MINUTE };
/** The ceiling of one address: SIGN_IN_LIMIT starts (600 by default) in 10 minutes, then 5 minutes. */
export const START_PER_ADDRESS: ThrottleRule = { limit: Number(process.env.SIGN_IN_LIMIT || 600), windowMs: 10 * MINUTE, lockMs: 5 * MINUTE };
/** Failed returns from one address: 100 in 10 minutes, then 15 minutes. */
export const FAILED_PER_ADDRESS: ThrottleRule = { limit: 100, windowMs: 10 * MINUTE, lockMs: 15 * MINUTE };

export interface TSignInClient {
  address: string;
  /** This browser's sign-in cookie, or "-" when it has none. */
  client: string;
}

export function signInClientOf(request: NextRequest): TSignInClient {
  const cookie = request.cookies.get(SIGN_IN_CLIENT_COOKIE)?.value ?? "";
  return { address: clientAddress(request.headers), client: CLIENT_ID.test(cookie) ? cookie : "-" };
}

const keys = (kind: "start" | "failed", who: TSignInClient) => ({
  client: `sign-in:${kind}:${who.address}:${who.client}`,
  address: `sign-in:${kind}:${who.address}`,
});

/**
 * Counts a sign-in start. Returns how long to wait (0: go on) and whether the whole address is
 * waiting (the page says so: everyone behind it is).
 */
export async function signInStart(who: TSignInClient, now = new Date()): Promise<{ waitMs: number; address: boolean }> {
  const start = keys("start", who);
  const failed = keys("failed", who);
  // A browser without its cookie yet is every browser's first sign-in from this address: a shared
  // "-" client would lock out a whole office (and every fresh browser) after 30 first sign-ins. Those
  // meet only the address's ceiling, which is what a script that drops its cookie meets too.
  const known = who.client !== "-";
  const client = known ? await countAttempt(start.client, START_PER_CLIENT, now) : { retryAfterMs: 0 };
  const address = await countAttempt(start.address, START_PER_ADDRESS, now);
  const [clientFailed, addressFailed] = [known ? await lockedFor(failed.client, now) : 0, await lockedFor(failed.address, now)];
  const addressWait = Math.max(address.retryAfterMs, addressFailed);
  const clientWait = Math.max(client.retryAfterMs, clientFailed);
  return { waitMs: Math.max(addressWait, clientWait), address: addressWait > 0 && addressWait >= clientWait };
}

/** Counts a failed return from ЕСИА (forged or stale state, missing code) against the client and its address. */
export async function signInFailed(who: TSignInClient, now = new Date()): Promise<void> {
  const failed = keys("failed", who);
  if (who.client !== "-") await countAttempt(failed.client, FAILED_PER_CLIENT, now);
  await countAttempt(failed.address, FAILED_PER_ADDRESS, now);
}

/** Gives a browser without one its sign-in cookie (a year; only the sign-in routes read it). */
export function keepSignInClient(request: NextRequest, response: NextResponse, secure: boolean): void {
  if (CLIENT_ID.test(request.cookies.get(SIGN_IN_CLIENT_COOKIE)?.value ?? "")) return;
  response.cookies.set(SIGN_IN_CLIENT_COOKIE, randomBytes(18).toString("base64url"), {
    httpOnly: true, sameSite: "lax", secure, path: CLIENT_PATH, maxAge: 365 * 24 * 60 * 60,
  });
}
