// A municipality's public status page for one request: a search (?q=), or an address the proxy did
// not send to the render kept in Next's cache (app/status/cached/…). Decision 079.
import { cookies } from "next/headers";
import { parsePublicQuery } from "@/lib/status/public";
import { publicStatusResponse } from "@/lib/status/public-responses";
import { isLowVision, VISION_COOKIE } from "@/lib/ui/vision";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ oktmo: string }> }) {
  const { oktmo } = await params;
  const { page, q } = parsePublicQuery(new URL(request.url).searchParams);
  const low = isLowVision((await cookies()).get(VISION_COOKIE)?.value);
  return publicStatusResponse(low ? "low" : "normal", "cached", oktmo, page, q);
}
