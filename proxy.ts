// Security headers on every response (lib/security/headers.ts), with a fresh CSP nonce that Next
// puts on its own scripts: it reads the nonce from the request's Content-Security-Policy header.
import { trace } from "@opentelemetry/api";
import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pathKind, securityHeaders } from "@/lib/security/headers";
import { isStopping } from "@/lib/server/stopping";
import { cachedGuestHomePath } from "@/lib/home/guest-route";
import { cachedPublicPath } from "@/lib/status/public-routes";
import { CACHED_RENDER_HEADER } from "@/lib/ui/cached-renders";
import { isLowVision, VISION_COOKIE } from "@/lib/ui/vision";
import { decodeFlash, FLASH_COOKIE, FLASH_COOKIE_OPTIONS, FLASH_HEADER, flashToTake } from "@/lib/ui/flash";
import { unstorableRequestResponse } from "@/lib/security/unstorable-request";
import { unstorableBodyPart, unstorableRequestPart } from "@/lib/validation/text";

const origin = (url: string) => new URL(url).origin;

export async function proxy(request: NextRequest) {
  // Stopping (lib/server/lifecycle.ts): what still arrives on a kept-alive connection is turned away
  // before it touches the database, and the connection is closed. /api/ready says "stopping" itself.
  if (isStopping() && request.nextUrl.pathname !== "/api/ready") {
    return new NextResponse("Сервер перезапускается: повторите через несколько секунд.", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5", Connection: "close" },
    });
  }
  const { pathname, searchParams } = request.nextUrl;
  const reading = request.method === "GET" || request.method === "HEAD";
  const lowVision = isLowVision(request.cookies.get(VISION_COOKIE)?.value);
  // A one-shot message an action left (lib/ui/flash.ts): this page request takes it, the cookie goes.
  const flash = flashToTake({
    cookie: request.cookies.get(FLASH_COOKIE)?.value,
    page: pathKind(pathname) === "app" && !/^\/api\/|\.[a-z0-9]+$/i.test(pathname),
  });
  // The public status without a search, and the home page of a visitor who has not signed in (and
  // has no message waiting): the renders Next keeps in its cache (decision 079). The request names
  // the render, next.config.ts's rewrites send it there (lib/ui/cached-renders.ts).
  const cached = reading
    ? cachedPublicPath(pathname, searchParams, lowVision)
      ?? cachedGuestHomePath({ method: request.method, pathname, cookieNames: request.cookies.getAll().map((c) => c.name), flash: flash !== null, lowVision })
    : null;
  // The headers of what answers: the cached guest home has the public pages' policy, not the portal's.
  const answering = cached ?? pathname;
  const nonce = newNonce();
  const headers = securityHeaders(answering, {
    nonce,
    esiaOrigin: origin(process.env.ESIA_BASE_URL || "http://localhost:3001"),
    portalUrl: process.env.PORTAL_URL || process.env.NEXTAUTH_URL || "",
    development: process.env.NODE_ENV === "development",
    production: process.env.NODE_ENV === "production",
  });
  // Text the database cannot store (NUL, a lone surrogate) never reaches a page or a handler: one
  // guard for every URL and every route's form or JSON body. Server actions check their own input
  // (defineAction names the field), and the citizen's form keeps the text it answers with.
  if (await carriesUnstorableText(request)) {
    const refusal = unstorableRequestResponse(pathname);
    for (const [name, value] of Object.entries(headers)) refusal.headers.set(name, value);
    return refusal;
  }
  // Nothing the client sends may pose as the policy Next takes its nonce from.
  const forwarded = new Headers(request.headers);
  forwarded.delete("content-security-policy");
  forwarded.delete("x-nonce");
  if (pathKind(answering) === "app") {
    forwarded.set("content-security-policy", headers["Content-Security-Policy"]);
    forwarded.set("x-nonce", nonce);
  }
  forwarded.delete(FLASH_HEADER);
  if (flash) forwarded.set(FLASH_HEADER, flash);
  forwarded.delete(CACHED_RENDER_HEADER);
  if (cached) forwarded.set(CACHED_RENDER_HEADER, cached);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  // Taken, or unreadable (nothing will ever take it): either way the cookie goes.
  if (flash || (request.cookies.has(FLASH_COOKIE) && !decodeFlash(request.cookies.get(FLASH_COOKIE)?.value))) {
    response.cookies.set(FLASH_COOKIE, "", { ...FLASH_COOKIE_OPTIONS, maxAge: 0 });
  }
  // The request's id in the server's log (lib/observability/request-log.ts): quote it in a support request.
  const requestId = trace.getActiveSpan()?.spanContext().traceId;
  if (requestId) response.headers.set("X-Request-Id", requestId);
  return response;
}

async function carriesUnstorableText(request: NextRequest): Promise<boolean> {
  if (unstorableRequestPart(request.nextUrl) !== null) return true;
  const ownBody = request.method === "POST" && !request.headers.has("next-action") && pathKind(request.nextUrl.pathname) !== "citizen-form";
  return ownBody && (await unstorableBodyPart(request)) !== null;
}

export const config = {
  // Built files are immutable and carry no markup; everything else gets the headers.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
