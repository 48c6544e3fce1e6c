// The embeddable version of the public status page (for an iframe on the city's website).
import { portalUrl } from "@/lib/esia/config";
import { embedHtml } from "@/lib/status/embed";
import { PUBLIC_CACHE_CONTROL, parsePublicQuery, publicStatus } from "@/lib/status/public";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ oktmo: string }> }) {
  const { oktmo } = await params;
  const { page, q } = parsePublicQuery(new URL(request.url).searchParams);
  const status = /^\d{8,11}$/.test(oktmo) ? await publicStatus(oktmo, page, q) : null;
  if (!status) return new Response("Не найдено", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const href = (p: number) => `/status/${oktmo}/embed?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return new Response(embedHtml(status, href, portalUrl()), {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": PUBLIC_CACHE_CONTROL,
      // Any site may frame it (it is public); the document itself runs nothing and loads nothing.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
