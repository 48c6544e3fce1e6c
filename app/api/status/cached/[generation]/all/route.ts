// Every municipality's totals as JSON, as Next keeps it (proxy.ts sends /api/status here). Decision 079.
import { publicJsonResponse } from "@/lib/status/public-responses";

// PUBLIC_REVALIDATE_SECONDS (a literal: Next reads it from the source).
export const revalidate = 30;
// Rendered when first asked, never at build time (no database then).
export const generateStaticParams = () => [];

export async function GET() {
  return publicJsonResponse("fresh", null, 1, null);
}
