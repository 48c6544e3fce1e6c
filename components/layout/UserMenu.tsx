import Link from "next/link";
import type { PortalSession } from "@/lib/auth/session";

export function UserMenu({ session }: { session: PortalSession }) {
  const { person, organization } = session;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <div className="leading-tight">
        <p className="font-semibold">{`${person.lastName} ${person.firstName}`}</p>
        {organization ? (
          <p className="text-muted">
            {organization.shortName} · <Link href="/select-organization?change=1">Сменить организацию</Link>
          </p>
        ) : (
          <Link href="/select-organization">Выбрать организацию</Link>
        )}
      </div>
      <form method="post" action="/api/esia/logout">
        <button type="submit" className="btn-secondary px-4 py-2">Выйти</button>
      </form>
    </div>
  );
}
