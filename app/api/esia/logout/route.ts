import { NextResponse, type NextRequest } from "next/server";
import { getPortalSession } from "@/lib/auth/session";
import { NEXT_AUTH_COOKIES, endPortalSession } from "@/lib/auth/sign-out";
import { portalUrl } from "@/lib/esia/config";
import { getEsiaClient } from "@/lib/esia/instance";

// «Выйти»: ends the portal session, then ЕСИА's (/idp/ext/Logout), which returns to /signed-out.
export async function POST(request: NextRequest) {
  // Only the portal's own pages may sign a person out.
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(portalUrl()).origin) return new NextResponse("Запрос отклонён", { status: 403 });
  const portal = await getPortalSession();
  if (portal) await endPortalSession(portal.sessionId, portal.person.id);
  const esia = await getEsiaClient();
  const response = NextResponse.redirect(esia.logoutUrl(), 303);
  for (const name of NEXT_AUTH_COOKIES) if (request.cookies.has(name)) response.cookies.set(name, "", { path: "/", maxAge: 0 });
  return response;
}
