// The public list of municipalities as Next keeps it (proxy.ts sends /status here). Decision 079.
import { publicListResponse } from "@/lib/status/public-responses";
import { PUBLIC_VIEWS, type TPublicView } from "@/lib/status/public-routes";

// PUBLIC_REVALIDATE_SECONDS (a literal: Next reads it from the source).
export const revalidate = 30;
// Rendered when first asked, never at build time (no database then).
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: { params: Promise<{ generation: string; view: string }> }) {
  const { view } = await params;
  if (!PUBLIC_VIEWS.includes(view as TPublicView) || view === "embed") return new Response("Не найдено", { status: 404 });
  return publicListResponse(view as TPublicView, "fresh");
}
