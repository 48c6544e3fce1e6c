import { clientAddress } from "@/lib/security/client-address";
import { loaderAnswer } from "@/lib/widget/banner";
import { recordWidgetShown } from "@/lib/widget/placement-record";

// Called by the loader on every page where it is shown. A simple CORS request (POST, no body, no
// custom headers): no preflight, and the browser's Origin header names the site. Throttled per
// address and per ЛКО inside recordWidgetShown; the answer is the same either way. With «show» come
// the styles (and, for the code without inline script, the banner) the loader applies.
const CORS = { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" };

export async function POST(request: Request) {
  const params = new URL(request.url).searchParams;
  const result = await recordWidgetShown(Number(params.get("opaId")), request.headers.get("origin"), { address: clientAddress(request.headers) });
  return Response.json(result.show ? { show: true, ...loaderAnswer(params.get("v")) } : { show: false }, { headers: CORS });
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { ...CORS, "Access-Control-Allow-Methods": "POST", "Access-Control-Max-Age": "86400" } });
}
