import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/log";

/** next-auth's cookies (plain and __Secure- variants, with chunks of a large session). */
export const NEXT_AUTH_COOKIES = ["next-auth.session-token", "next-auth.csrf-token", "next-auth.callback-url", "next-auth.state", "next-auth.pkce.code_verifier"]
  .flatMap((name) => [name, `__Secure-${name}`, `__Host-${name}`])
  .flatMap((name) => [name, `${name}.0`, `${name}.1`, `${name}.2`]);

/** Ends the portal session server-side: the cookie may live on, the session row says no. */
export async function endPortalSession(sessionId: string, personId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count > 0) await recordAudit(tx, { actorPersonId: personId, action: "auth.signed_out", entityType: "AuthSession", entityId: sessionId });
  });
}
