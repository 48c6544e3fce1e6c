import { NextResponse, type NextRequest } from "next/server";
import { portalUrl } from "@/lib/esia/config";
import { requestNewInvitation } from "@/lib/invitations/renewal";
import { RENEWAL_REQUEST_TEXT } from "@/lib/invitations/texts";
import { encodeFlash, FLASH_COOKIE, FLASH_COOKIE_OPTIONS } from "@/lib/ui/flash";

// «Запросить новое приглашение» from a dead link. A plain form post: the person may not be signed
// in (the link is all they have), so this is a route, not a server action (decision 007).
export async function POST(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(portalUrl()).origin) return new NextResponse("Запрос отклонён", { status: 403 });
  const { token } = await params;
  const outcome = token.length <= 200 ? await requestNewInvitation(token) : "unknown";
  const response = NextResponse.redirect(new URL(`/invite/${encodeURIComponent(token)}`, portalUrl()), 303);
  // Said once on the invitation page (lib/ui/flash.ts), not kept in its address.
  const sent = outcome === "sent" || outcome === "reported";
  response.cookies.set(FLASH_COOKIE, encodeFlash({ tone: sent ? "success" : "info", title: RENEWAL_REQUEST_TEXT[outcome] }), FLASH_COOKIE_OPTIONS);
  return response;
}
