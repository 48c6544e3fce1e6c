// The portal's side of the ЕСИА redirect, between next-auth and ЕСИА. next-auth makes its own
// random `state`; ЕСИА wants a UUID state covered by the signed client_secret. So the authorize
// route keeps both in a signed, short-lived cookie, and the callback route lets the browser back
// into next-auth only if ЕСИА returned exactly the UUID this browser was sent with.
import { randomUUID } from "node:crypto";
import { SignJWT, jwtVerify } from "jose";

export const HANDSHAKE_COOKIE = "pos.esia-handshake";
const TTL_SECONDS = 15 * 60;

/** A short-lived HS256 cookie; `purpose` keeps one kind's cookie from passing as another's. */
async function sealCookie(purpose: string, claims: Record<string, string>, secret: string): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(new TextEncoder().encode(`${purpose}:${secret}`));
}

/** The claims of a cookie sealed for `purpose`, or null when it is missing, forged or expired. */
async function openCookie(purpose: string, value: string | undefined, secret: string): Promise<Record<string, unknown> | null> {
  if (!value) return null;
  try {
    return (await jwtVerify(value, new TextEncoder().encode(`${purpose}:${secret}`), { algorithms: ["HS256"] })).payload;
  } catch {
    return null;
  }
}

export interface HandshakeStart {
  esiaState: string;
  cookieValue: string;
  maxAge: number;
}

export async function startHandshake(nextAuthState: string, secret: string): Promise<HandshakeStart> {
  const esiaState = randomUUID();
  const cookieValue = await sealCookie("esia-handshake", { es: esiaState, ns: nextAuthState }, secret);
  return { esiaState, cookieValue, maxAge: TTL_SECONDS };
}

export type CallbackOutcome =
  | { kind: "continue"; nextAuthCallback: string }
  | { kind: "error"; reason: "forged-state" | "expired" | "esia-error" | "missing-code"; esiaError?: string; esiaDescription?: string };

/** Decides where the browser goes after ЕСИА sent it back to the portal's callback. */
export async function completeHandshake(params: URLSearchParams, cookieValue: string | undefined, secret: string): Promise<CallbackOutcome> {
  const claims = await openCookie("esia-handshake", cookieValue, secret);
  if (!claims) return { kind: "error", reason: "expired" };
  if (typeof claims.es !== "string" || params.get("state") !== claims.es) return { kind: "error", reason: "forged-state" };
  const error = params.get("error");
  if (error) return { kind: "error", reason: "esia-error", esiaError: error, esiaDescription: params.get("error_description") ?? undefined };
  const code = params.get("code");
  if (!code) return { kind: "error", reason: "missing-code" };
  const next = new URLSearchParams({ code, state: String(claims.ns) });
  return { kind: "continue", nextAuthCallback: `/api/auth/callback/esia?${next}` };
}

// ───────────── The organization's authorization (scope_org) ─────────────
// An ordinary OAuth authorization of the signed-in person: its own UUID state, kept with the
// organization and the portal session in a signed cookie, checked at its own callback.

export const ORG_HANDSHAKE_COOKIE = "pos.esia-org-handshake";
export const ORG_HANDSHAKE_PATH = "/api/esia/organization";

export interface OrganizationHandshake {
  state: string;
  organizationId: string;
  sessionId: string;
}

export async function startOrganizationHandshake(organizationId: string, sessionId: string, secret: string) {
  const state = randomUUID();
  const cookieValue = await sealCookie("esia-org-handshake", { st: state, org: organizationId, sid: sessionId }, secret);
  return { state, cookieValue, maxAge: TTL_SECONDS };
}

export type OrganizationCallbackOutcome =
  | { kind: "continue"; handshake: OrganizationHandshake; code: string }
  | { kind: "error"; reason: "forged-state" | "expired" | "missing-code" }
  | { kind: "esia-error"; handshake: OrganizationHandshake; esiaError: string; esiaDescription?: string };

/** Checks ЕСИА's answer against this browser's cookie: only the state it was sent with, for this portal session. */
export async function completeOrganizationHandshake(
  params: URLSearchParams,
  cookieValue: string | undefined,
  sessionId: string | undefined,
  secret: string,
): Promise<OrganizationCallbackOutcome> {
  const claims = await openCookie("esia-org-handshake", cookieValue, secret);
  if (!claims) return { kind: "error", reason: "expired" };
  if (typeof claims.st !== "string" || typeof claims.org !== "string" || typeof claims.sid !== "string") return { kind: "error", reason: "expired" };
  if (params.get("state") !== claims.st) return { kind: "error", reason: "forged-state" };
  // Started in another portal session (signed out and in since): not this session's grant.
  if (claims.sid !== sessionId) return { kind: "error", reason: "expired" };
  const handshake = { state: claims.st, organizationId: claims.org, sessionId: claims.sid };
  const error = params.get("error");
  if (error) return { kind: "esia-error", handshake, esiaError: error, esiaDescription: params.get("error_description") ?? undefined };
  const code = params.get("code");
  if (!code) return { kind: "error", reason: "missing-code" };
  return { kind: "continue", handshake, code };
}
