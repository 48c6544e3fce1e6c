import { NextResponse, type NextRequest } from "next/server";
import { portalUrl } from "@/lib/esia/config";
import { requestNewInvitation } from "@/lib/invitations/renewal";

// «Запросить новое приглашение» from a dead link. A plain form post: the person may not be signed
// in (the link is all they have), so this is a route, not a server action (decision 007).
export async function POST(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(portalUrl()).origin) return new NextResponse("Запрос отклонён", { status: 403 });
  const { token } = await params;
  const outcome = token.length <= 200 ? await requestNewInvitation(token) : "unknown";
  const target = new URL(`/invite/${encodeURIComponent(token)}`, portalUrl());
  target.searchParams.set("requested", outcome);
  return NextResponse.redirect(target, 303);
}
