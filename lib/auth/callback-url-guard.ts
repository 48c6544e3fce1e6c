import "server-only";
import { NextRequest, NextResponse } from "next/server";
import { portalUrl } from "@/lib/esia/config";

// next-auth answers a callback address it cannot parse (in the query or its cookie) with a 500 and
// an error in the log. Only a forged request carries one: the query parameter is dropped (our
// redirect callback keeps the person on the portal anyway), a broken cookie sends them to sign in.

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? portalUrl() : undefined).protocol);
  } catch {
    return false;
  }
}

type Handler<C> = (request: NextRequest, context: C) => Promise<Response>;

export function withValidCallbackUrl<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const broken = CALLBACK_COOKIES.find((name) => {
      const value = request.cookies.get(name)?.value;
      return value !== undefined && !isHttpUrl(value);
    });
    if (broken) {
      const response = NextResponse.redirect(new URL("/signin", portalUrl()), 303);
      response.cookies.set(broken, "", { path: "/", maxAge: 0 });
      return response;
    }
    const param = request.nextUrl.searchParams.get("callbackUrl");
    if (param === null || isHttpUrl(param)) return handler(request, context);
    const url = new URL(request.url);
    url.searchParams.delete("callbackUrl");
    return handler(new NextRequest(url, request), context);
  };
}
