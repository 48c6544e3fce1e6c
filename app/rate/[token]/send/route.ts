import { NextResponse, type NextRequest } from "next/server";
import { portalUrl } from "@/lib/esia/config";
import { rateAnswer } from "@/lib/messages/rating";

// The citizen's rating of an answer, from the link in the answer's email. A plain form post: the
// citizen has no sign-in and may have no JavaScript, so this is a route, not a server action
// (as «Запросить новое приглашение», decision 007). The token is the authorization (decision 074).
export async function POST(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(portalUrl()).origin) return new NextResponse("Запрос отклонён", { status: 403 });
  const { token } = await params;
  const target = new URL(`/rate/${encodeURIComponent(token)}`, portalUrl());
  const form = await request.formData().catch(() => null);
  const raw = form ? Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) : {};
  const outcome = token.length <= 200 ? await rateAnswer(token, raw) : ({ ok: false, reason: "invalid" } as const);
  if (outcome.ok) target.searchParams.set("done", outcome.reReview ? "re-review" : "thanks");
  else if (outcome.reason === "fields") {
    target.searchParams.set("error", "fields");
    // What the citizen chose comes back with the errors: nothing entered is lost.
    for (const key of ["score", "resolved"] as const) if (typeof raw[key] === "string" && raw[key].length <= 3) target.searchParams.set(key, raw[key]);
  } else target.searchParams.set("error", outcome.reason);
  return NextResponse.redirect(target, 303);
}
