import { NextResponse, type NextRequest } from "next/server";
import { ORG_HANDSHAKE_COOKIE, ORG_HANDSHAKE_PATH } from "@/lib/auth/esia-handshake";
import { completeOrganizationAuthorization } from "@/lib/auth/organization-authorization";
import { authSecret } from "@/lib/auth/secret";
import { getPortalSession } from "@/lib/auth/session";
import { portalUrl } from "@/lib/esia/config";
import { getEsiaClient } from "@/lib/esia/instance";
import { signInClientOf, signInFailed } from "@/lib/security/sign-in-limits";

// ЕСИА returns here after the organization's authorization (the registered redirect_uri with
// scope_org). Only the state this browser was sent with, in this portal session, is exchanged.
export async function GET(request: NextRequest) {
  const session = await getPortalSession();
  const result = await completeOrganizationAuthorization({
    params: request.nextUrl.searchParams,
    cookieValue: request.cookies.get(ORG_HANDSHAKE_COOKIE)?.value,
    session,
    esia: await getEsiaClient(),
    secret: authSecret(),
  });
  let target: URL;
  if (result.ok) target = new URL("/start", portalUrl());
  else if (result.reason === "signed-out") target = new URL("/signin", portalUrl());
  else {
    // Forged or stale answers count against the signed-in person (the portal knows them here) and their address.
    if (["forged-state", "expired", "missing-code"].includes(result.reason)) {
      await signInFailed({ address: signInClientOf(request).address, client: session ? `person:${session.person.id}` : "-" });
    }
    target = new URL("/select-organization", portalUrl());
    target.searchParams.set("error", result.reason);
    if (result.description) target.searchParams.set("description", result.description);
  }
  const response = NextResponse.redirect(target, 303);
  response.cookies.set(ORG_HANDSHAKE_COOKIE, "", { path: ORG_HANDSHAKE_PATH, maxAge: 0 });
  return response;
}
