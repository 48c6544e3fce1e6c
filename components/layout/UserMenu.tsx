import Link from "next/link";
import type { PortalSession } from "@/lib/auth/session";
import { ACTIONS } from "@/lib/ui/strings";
import { lastAndFirstName } from "@/lib/ui/format";

export function UserMenu({ session }: { session: PortalSession }) {
  const { person, organization } = session;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <div className="leading-tight">
        <p className="font-semibold">{lastAndFirstName(person)}</p>
        {organization ? (
          <p className="text-muted">
            {organization.shortName} · <Link href="/select-organization?change=1">{ACTIONS.changeOrganization}</Link>
          </p>
        ) : (
          <Link href="/select-organization">{ACTIONS.chooseOrganization}</Link>
        )}
      </div>
      <form method="post" action="/api/esia/logout">
        <button type="submit" className="btn-secondary px-4 py-2">{ACTIONS.signOut}</button>
      </form>
    </div>
  );
}
