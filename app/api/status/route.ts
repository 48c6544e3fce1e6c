// The public status as JSON: without parameters every municipality's totals, with ?oktmo= one
// municipality's institutions (a page of them: ?page=, ?q=). Only public facts; cached.
import { PUBLIC_CACHE_CONTROL, PUBLIC_PAGE_SIZE, parsePublicQuery, publicMunicipalities, publicStatus } from "@/lib/status/public";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const oktmo = params.get("oktmo");
  const headers = { "Cache-Control": PUBLIC_CACHE_CONTROL, "Access-Control-Allow-Origin": "*" };
  if (!oktmo) return Response.json({ municipalities: await publicMunicipalities() }, { headers });
  const { page, q } = parsePublicQuery(params);
  const status = /^\d{8,11}$/.test(oktmo) ? await publicStatus(oktmo, page, q) : null;
  if (!status) return Response.json({ error: "Муниципальное образование не найдено" }, { status: 404, headers });
  return Response.json({ ...status, pageSize: PUBLIC_PAGE_SIZE }, { headers });
}
