import { NextResponse } from "next/server";
import { safeReturnPath, VISION_COOKIE, VISION_LOW, VISION_MAX_AGE } from "@/lib/ui/vision";

// The «Версия для слабовидящих» switch: a form post (works without JavaScript) that remembers the
// choice in a cookie and returns to the page the person was on. Not a server action: it changes
// only this browser's presentation, nothing in the database, and needs no session.
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const low = form?.get("mode") === VISION_LOW;
  const back = safeReturnPath(returnPath(request, form?.get("back")));
  const response = new NextResponse(null, { status: 303, headers: { Location: back } });
  if (low) {
    response.cookies.set(VISION_COOKIE, VISION_LOW, { path: "/", maxAge: VISION_MAX_AGE, sameSite: "lax", httpOnly: true });
  } else {
    response.cookies.delete(VISION_COOKIE);
  }
  return response;
}

/** The page's own address with its query (from Referer when it is ours), else the form's path. */
function returnPath(request: Request, field: FormDataEntryValue | null | undefined): string | null {
  const referer = request.headers.get("referer");
  const fallback = typeof field === "string" ? field : null;
  if (!referer) return fallback;
  try {
    const from = new URL(referer);
    if (from.host !== request.headers.get("host")) return fallback;
    return from.pathname + from.search;
  } catch {
    return fallback;
  }
}
