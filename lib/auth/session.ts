import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { portalUrl } from "@/lib/esia/config";
import { authSecret } from "./secret";

export interface PortalSession {
  sessionId: string;
  person: { id: string; esiaOid: string; lastName: string; firstName: string; middleName: string | null; email: string | null };
  organization: { id: string; shortName: string; fullName: string; ogrn: string } | null;
}

/**
 * The signed-in person for this request, or null. The cookie only names a session; the session
 * row decides (ended by logout or by an administrator, expired), read once per request.
 */
export const getPortalSession = cache(async (): Promise<PortalSession | null> => {
  const sessionId = await readSessionId();
  return sessionId ? loadPortalSession(sessionId) : null;
});

/** next-auth's session cookie: `__Secure-` prefixed on https, split into `.0`, `.1`… when large. */
export function sessionCookieName(): string {
  return portalUrl().startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The portal session id from next-auth's encrypted session cookie (as getServerSession decodes it). */
export async function readSessionId(): Promise<string | null> {
  const jar = await cookies();
  const name = sessionCookieName();
  const value = jar.get(name)?.value ?? jar.getAll().filter((c) => c.name.startsWith(`${name}.`)).sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true })).map((c) => c.value).join("");
  if (!value) return null;
  try {
    const token = await decode({ token: value, secret: authSecret() });
    return typeof token?.sid === "string" ? token.sid : null;
  } catch {
    return null;
  }
}

export async function loadPortalSession(sessionId: string, now = new Date()): Promise<PortalSession | null> {
  const row = await db.authSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true, revokedAt: true, expiresAt: true,
      person: { select: { id: true, esiaOid: true, lastName: true, firstName: true, middleName: true, email: true } },
      selectedOrganization: { select: { id: true, shortName: true, fullName: true, ogrn: true } },
    },
  });
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  return { sessionId: row.id, person: row.person, organization: row.selectedOrganization };
}
