// A municipality's public status page (or its embed) as Next keeps it: proxy.ts sends
// /status/<ОКТМО>[?page=] and …/embed here when there is no search. Decision 079.
import { publicStatusResponse } from "@/lib/status/public-responses";
import { PUBLIC_VIEWS, type TPublicView } from "@/lib/status/public-routes";

// PUBLIC_REVALIDATE_SECONDS (a literal: Next reads it from the source).
export const revalidate = 30;
// Rendered when first asked, never at build time (no database then).
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: { params: Promise<{ generation: string; oktmo: string; page: string; view: string }> }) {
  const { oktmo, page, view } = await params;
  const number = Number(page);
  if (!PUBLIC_VIEWS.includes(view as TPublicView) || !Number.isInteger(number) || number < 1) return new Response("Не найдено", { status: 404 });
  return publicStatusResponse(view as TPublicView, "fresh", oktmo, number, null);
}
