// The home page of a visitor who has not signed in, as Next keeps it (proxy.ts sends `/` here
// for a request without a session cookie). Issue 19, decision 079.
import { guestHomeResponse } from "@/lib/home/guest-page";
import { GUEST_HOME_VIEWS, type TGuestHomeView } from "@/lib/home/guest-route";

// Its words change only with a deploy: kept for the process's life (a deploy starts a new one).
export const revalidate = false;
// Rendered when first asked, never at build time (the stylesheets' record is written by the build).
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: { params: Promise<{ view: string }> }) {
  const { view } = await params;
  if (!GUEST_HOME_VIEWS.includes(view as TGuestHomeView)) return new Response("Не найдено", { status: 404 });
  return guestHomeResponse(view as TGuestHomeView);
}
