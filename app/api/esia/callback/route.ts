import { NextResponse, type NextRequest } from "next/server";
import { HANDSHAKE_COOKIE, completeHandshake } from "@/lib/auth/esia-handshake";
import { authSecret } from "@/lib/auth/secret";
import { portalUrl } from "@/lib/esia/config";
import { signInClientOf, signInFailed } from "@/lib/security/sign-in-limits";

// ЕСИА returns the browser here (the registered redirect_uri). Only a state that this browser was
// sent with goes on to next-auth; everything else ends on the sign-in error page.
export async function GET(request: NextRequest) {
  const outcome = await completeHandshake(request.nextUrl.searchParams, request.cookies.get(HANDSHAKE_COOKIE)?.value, authSecret());
  let target: URL;
  if (outcome.kind === "continue") {
    target = new URL(outcome.nextAuthCallback, portalUrl());
  } else {
    // Forged or stale answers count against this browser and, more loosely, its address.
    if (outcome.reason !== "esia-error") await signInFailed(signInClientOf(request));
    target = new URL("/signin/error", portalUrl());
    target.searchParams.set("reason", outcome.reason);
    if (outcome.esiaError) target.searchParams.set("error", outcome.esiaError);
    if (outcome.esiaDescription) target.searchParams.set("description", outcome.esiaDescription);
  }
  const response = NextResponse.redirect(target, 303);
  response.cookies.set(HANDSHAKE_COOKIE, "", { path: "/api/esia", maxAge: 0 });
  return response;
}
