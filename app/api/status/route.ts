// The public status as JSON: without parameters every municipality's totals, with ?oktmo= one
// municipality's institutions (a page of them: ?page=, ?q=). Only public facts. proxy.ts serves
// the canonical ones from Next's cache (app/api/status/cached/…); this route answers a search.
import { parsePublicQuery } from "@/lib/status/public";
import { publicJsonResponse } from "@/lib/status/public-responses";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const { page, q } = parsePublicQuery(params);
  return publicJsonResponse("cached", params.get("oktmo"), page, q);
}
