import { NextResponse, type NextRequest } from "next/server";
import { startOrganizationAuthorization } from "@/lib/auth/organization-authorization";
import { listPersonOrganizations } from "@/lib/auth/organizations";
import { authSecret } from "@/lib/auth/secret";
import { getPortalSession } from "@/lib/auth/session";
import { portalUrl } from "@/lib/esia/config";
import { getEsiaClient } from "@/lib/esia/instance";

const to = (path: string) => NextResponse.redirect(new URL(path, portalUrl()), 303);

// A person with one organization does not choose it: /select-organization sends them here, and
// this asks ЕСИА for that organization's rights (scope_org) at once. Several organizations are
// chosen on the page (a server action starts the same authorization).
export async function GET(request: NextRequest) {
  // Next's client router loads pages with `RSC: 1` and cannot follow a redirect to ЕСИА's origin;
  // an empty answer that is no page data makes it open this address as a page instead.
  if (request.headers.has("rsc")) return new NextResponse(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  const session = await getPortalSession();
  if (!session) return to("/signin");
  const memberships = await listPersonOrganizations(session.person.id);
  if (memberships.length !== 1) return to("/select-organization");
  const start = await startOrganizationAuthorization(session, memberships[0].organization.id, {
    esia: await getEsiaClient(),
    secret: authSecret(),
    secure: portalUrl().startsWith("https://"),
  });
  const response = NextResponse.redirect(start.url, 303);
  response.cookies.set(start.cookie.name, start.cookie.value, start.cookie.options);
  return response;
}
