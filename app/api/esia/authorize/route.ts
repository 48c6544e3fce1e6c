import { NextResponse, type NextRequest } from "next/server";
import { HANDSHAKE_COOKIE, startHandshake } from "@/lib/auth/esia-handshake";
import { authSecret } from "@/lib/auth/secret";
import { portalUrl } from "@/lib/esia/config";
import { getEsiaClient } from "@/lib/esia/instance";
import { keepSignInClient, signInClientOf, signInStart } from "@/lib/security/sign-in-limits";

// next-auth sends the browser here with its state; we send it on to ЕСИА with a signed request.
export async function GET(request: NextRequest) {
  // Throttled per (address, this browser) and per address, in the database: every app instance counts together.
  const secure = portalUrl().startsWith("https://");
  const { waitMs, address } = await signInStart(signInClientOf(request));
  if (waitMs > 0) {
    const target = new URL(`/signin/error?reason=throttled&minutes=${Math.ceil(waitMs / 60_000)}${address ? "&by=address" : ""}`, portalUrl());
    const refused = NextResponse.redirect(target, 303);
    keepSignInClient(request, refused, secure);
    return refused;
  }
  const nextAuthState = request.nextUrl.searchParams.get("state");
  if (!nextAuthState) return NextResponse.redirect(new URL("/signin/error?reason=expired", portalUrl()), 303);
  const handshake = await startHandshake(nextAuthState, authSecret());
  const esia = await getEsiaClient();
  const response = NextResponse.redirect(await esia.authorizationUrl(handshake.esiaState), 302);
  response.cookies.set(HANDSHAKE_COOKIE, handshake.cookieValue, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/api/esia",
    maxAge: handshake.maxAge,
  });
  keepSignInClient(request, response, secure);
  return response;
}
