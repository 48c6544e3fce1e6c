// The citizen form's token (issue 17, finding 5): `<issued, base36 ms>.<HMAC>` over the cabinet's
// number, the form's idempotency key and the time it was issued. Pure (no "server-only"): the
// benchmarks sign their posts with the portal's secret as the form page would.
import { createHmac, timingSafeEqual } from "node:crypto";

const mac = (secret: string, payload: string) => createHmac("sha256", `citizen-form:${secret}`).update(payload).digest("base64url");

export function signFormToken(secret: string, lkoId: number, idempotencyKey: string, issuedAt: Date): string {
  const issued = issuedAt.getTime().toString(36);
  return `${issued}.${mac(secret, `${lkoId}.${idempotencyKey}.${issued}`)}`;
}

/** When a token of this cabinet and key was issued, or null if it is not one the secret signed. */
export function formTokenIssuedAt(secret: string, lkoId: number, idempotencyKey: string, token: string): Date | null {
  const [issued, given, rest] = token.split(".");
  if (!issued || !given || rest !== undefined || !/^[0-9a-z]{1,12}$/.test(issued)) return null;
  const expected = Buffer.from(mac(secret, `${lkoId}.${idempotencyKey}.${issued}`));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? new Date(parseInt(issued, 36)) : null;
}
