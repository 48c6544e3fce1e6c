import "server-only";
// The citizen's link to rate an answer: /rate/<token>, the token naming the message and the answer
// round and signed with the portal's secret (HMAC-SHA-256), so that it needs no sign-in and cannot
// be made up for another message. It stays valid for 60 days. Decision 074.
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { portalUrl } from "@/lib/esia/config";

const VALID_DAYS = 60;

const sign = (payload: string) => createHmac("sha256", `${authSecret()}:message-rating`).update(payload).digest("base64url");

export function ratingToken(messageId: string, round: number, issuedAt: Date): string {
  const expires = Math.floor(issuedAt.getTime() / 1000) + VALID_DAYS * 86_400;
  const payload = `${messageId}.${round}.${expires}`;
  return `${payload}.${sign(payload)}`;
}

export const ratingUrl = (token: string) => `${portalUrl()}/rate/${token}`;

export type TRatingTokenCheck = { ok: true; messageId: string; round: number } | { ok: false; reason: "invalid" | "expired" };

export function readRatingToken(token: string, at: Date): TRatingTokenCheck {
  const parts = token.split(".");
  if (parts.length !== 4 || !/^[A-Za-z0-9_-]{1,64}$/.test(parts[0]) || !/^\d{1,4}$/.test(parts[1]) || !/^\d{1,12}$/.test(parts[2])) return { ok: false, reason: "invalid" };
  const expected = Buffer.from(sign(parts.slice(0, 3).join(".")));
  const given = Buffer.from(parts[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "invalid" };
  if (Number(parts[2]) * 1000 < at.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, messageId: parts[0], round: Number(parts[1]) };
}
