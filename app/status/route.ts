// The public list of municipalities. proxy.ts serves it from Next's cache (app/status/cached/…);
// this route answers only an address the proxy left as it is. Decision 079.
import { cookies } from "next/headers";
import { publicListResponse } from "@/lib/status/public-responses";
import { isLowVision, VISION_COOKIE } from "@/lib/ui/vision";

export const dynamic = "force-dynamic";

export async function GET() {
  const low = isLowVision((await cookies()).get(VISION_COOKIE)?.value);
  return publicListResponse(low ? "low" : "normal", "cached");
}
