import { NextResponse, type NextRequest } from "next/server";
import { HANDSHAKE_COOKIE, startHandshake } from "@/lib/auth/esia-handshake";
import { authSecret } from "@/lib/auth/secret";
import { portalUrl } from "@/lib/esia/config";
import { getEsiaClient } from "@/lib/esia/instance";
import { SIGN_IN_RULE, clientAddress, countAttempt, lockedFor } from "@/lib/security/throttle";

// next-auth sends the browser here with its state; we send it on to ЕСИА with a signed request.
export async function GET(request: NextRequest) {
  // Throttled per address in the database, so that every app instance counts together.
  const address = clientAddress(request.headers);
  const started = await countAttempt(`sign-in:${address}`, SIGN_IN_RULE);
  const waitMs = Math.max(started.retryAfterMs, await lockedFor(`sign-in-failed:${address}`));
  if (waitMs > 0) {
    return NextResponse.redirect(new URL(`/signin/error?reason=throttled&minutes=${Math.ceil(waitMs / 60_000)}`, portalUrl()), 303);
  }
  const nextAuthState = request.nextUrl.searchParams.get("state");
  if (!nextAuthState) return NextResponse.redirect(new URL("/signin/error?reason=expired", portalUrl()), 303);
  const handshake = await startHandshake(nextAuthState, authSecret());
  const esia = await getEsiaClient();
  const response = NextResponse.redirect(await esia.authorizationUrl(handshake.esiaState), 302);
  response.cookies.set(HANDSHAKE_COOKIE, handshake.cookieValue, {
    httpOnly: true,
    sameSite: "lax",
    secure: portalUrl().startsWith("https://"),
    path: "/api/esia",
    maxAge: handshake.maxAge,
  });
  return response;
}
