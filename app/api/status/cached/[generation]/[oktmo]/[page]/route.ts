// A municipality's page of institutions as JSON, as Next keeps it (proxy.ts sends
// /api/status?oktmo=…[&page=] here when there is no search). Decision 079.
import { publicJsonResponse } from "@/lib/status/public-responses";

// PUBLIC_REVALIDATE_SECONDS (a literal: Next reads it from the source).
export const revalidate = 30;
// Rendered when first asked, never at build time (no database then).
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: { params: Promise<{ generation: string; oktmo: string; page: string }> }) {
  const { oktmo, page } = await params;
  const number = Number(page);
  if (!Number.isInteger(number) || number < 1) return Response.json({ error: "Не найдено" }, { status: 404 });
  return publicJsonResponse("fresh", oktmo, number, null);
}
