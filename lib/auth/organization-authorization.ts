import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/log";
import { ForbiddenError } from "@/lib/actions/errors";
import { EsiaError, type EsiaClient } from "@/lib/esia/client";
import { ORG_HANDSHAKE_COOKIE, ORG_HANDSHAKE_PATH, completeOrganizationHandshake, startOrganizationHandshake } from "./esia-handshake";
import { OrganizationGrantError, applyOrganizationGrant } from "./profile-sync";
import type { PortalSession } from "./session";

// The second ЕСИА authorization (docs/decisions/003-esia.md): ЕСИА grants an organization's scopes
// (its requisites, the person's access groups there) only for the organization named in
// `scope_org`. So once the person has chosen one, the portal asks ЕСИА for that organization's
// rights, writes its groups, and only then marks it as the session's organization.

export interface CookieToSet {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: string; maxAge: number };
}

/** The organization of an active membership, or a refusal the person can read. */
async function memberOrganization(personId: string, organizationId: string) {
  const membership = await db.membership.findUnique({
    where: { personId_organizationId: { personId, organizationId } },
    select: { active: true, organization: { select: { id: true, esiaOid: true } } },
  });
  if (!membership?.active) throw new ForbiddenError("Вы не числитесь сотрудником этой организации в ЕСИА.");
  return membership.organization;
}

/** Where to send the browser (ЕСИА, with scope_org) and the cookie that remembers this request. */
export async function startOrganizationAuthorization(
  session: PortalSession,
  organizationId: string,
  deps: { esia: EsiaClient; secret: string; secure: boolean },
): Promise<{ url: string; cookie: CookieToSet }> {
  const organization = await memberOrganization(session.person.id, organizationId);
  const handshake = await startOrganizationHandshake(organization.id, session.sessionId, deps.secret);
  const url = await deps.esia.authorizationUrl(handshake.state, "online", deps.esia.organizationRequest(organization.esiaOid));
  return {
    url,
    cookie: {
      name: ORG_HANDSHAKE_COOKIE,
      value: handshake.cookieValue,
      options: { httpOnly: true, sameSite: "lax", secure: deps.secure, path: ORG_HANDSHAKE_PATH, maxAge: handshake.maxAge },
    },
  };
}

export type OrganizationAuthorizationFailure =
  | "signed-out" | "forged-state" | "expired" | "missing-code" | "denied" | "esia-error" | "other-person" | "failed";

export type OrganizationAuthorizationResult =
  | { ok: true; organizationId: string }
  | { ok: false; reason: OrganizationAuthorizationFailure; description?: string };

/** The session keeps its person but no organization: acting for one needs ЕСИА's fresh grant. */
async function dropOrganization(session: PortalSession, organizationId: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.authSession.updateMany({ where: { id: session.sessionId, selectedOrganizationId: { not: null } }, data: { selectedOrganizationId: null } });
    await recordAudit(tx, {
      actorPersonId: session.person.id, action: "session.organization_refused", entityType: "AuthSession", entityId: session.sessionId, organizationId,
      data: { previousChoiceCleared: count > 0 },
    });
  });
}

/** ЕСИА's answer at the organization's callback: checked, exchanged, written — or refused. */
export async function completeOrganizationAuthorization(input: {
  params: URLSearchParams;
  cookieValue: string | undefined;
  session: PortalSession | null;
  esia: EsiaClient;
  secret: string;
}): Promise<OrganizationAuthorizationResult> {
  const { session, esia } = input;
  if (!session) return { ok: false, reason: "signed-out" };
  const outcome = await completeOrganizationHandshake(input.params, input.cookieValue, session.sessionId, input.secret);
  if (outcome.kind === "error") return { ok: false, reason: outcome.reason };
  const { organizationId } = outcome.handshake;
  if (outcome.kind === "esia-error") {
    await dropOrganization(session, organizationId);
    return { ok: false, reason: outcome.esiaError === "access_denied" ? "denied" : "esia-error", description: outcome.esiaDescription };
  }
  try {
    const organization = await memberOrganization(session.person.id, organizationId);
    const tokens = await esia.exchangeCode(outcome.code, esia.organizationRequest(organization.esiaOid));
    // «Войти под другой учётной записью» on ЕСИА's screen: that grant is not this person's.
    if (tokens.oid !== session.person.esiaOid) return { ok: false, reason: "other-person" };
    const grant = await esia.loadOrganization(tokens, organization.esiaOid);
    await applyOrganizationGrant({ sessionId: session.sessionId, personId: session.person.id, organizationId, grant });
    return { ok: true, organizationId };
  } catch (error) {
    if (error instanceof EsiaError || error instanceof OrganizationGrantError || error instanceof ForbiddenError) {
      console.warn("Права организации из ЕСИА не получены:", error.message);
      return { ok: false, reason: "failed" };
    }
    throw error;
  }
}
