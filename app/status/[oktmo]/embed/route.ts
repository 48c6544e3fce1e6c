// The embeddable version of the public status page (for an iframe on the city's website), for one
// request: a search, or an address the proxy did not send to Next's cache. Decision 079.
import { parsePublicQuery } from "@/lib/status/public";
import { publicStatusResponse } from "@/lib/status/public-responses";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ oktmo: string }> }) {
  const { oktmo } = await params;
  const { page, q } = parsePublicQuery(new URL(request.url).searchParams);
  return publicStatusResponse("embed", "cached", oktmo, page, q);
}
