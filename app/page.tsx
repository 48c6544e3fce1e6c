import Link from "next/link";
import { navigationFor, type NavItem } from "@/lib/access/navigation";
import { getSignedIn, type PortalSession } from "@/lib/auth/session";
import { FlashMessage } from "@/components/ui/FlashMessage";
import { HOME } from "@/lib/home/words";
import { flashForPage } from "@/lib/ui/flash-server";
import { sentence } from "@/lib/ui/format";
import { ACTIONS, NAV } from "@/lib/ui/strings";

/** Where a signed-in person's work is, most likely first (the sections they can use). */
const WORK_ORDER = ["/admin", "/admin/requests", "/monitoring", "/registration"];

// The home page. A visitor without a session cookie gets its guest version from Next's cache
// (proxy.ts, lib/home/guest-page.ts, decision 079); this React page is the signed-in person's, and
// the guest's only when the request could not be served from there: an expired session cookie, or a
// one-shot message waiting for this page (lib/ui/flash.ts). Words: lib/home/words.ts, for both.
export default async function HomePage() {
  const signedIn = await getSignedIn();
  const session = signedIn?.session ?? null;
  const sections = signedIn
    ? (await navigationFor(signedIn)).filter((s) => WORK_ORDER.includes(s.href)).sort((a, b) => WORK_ORDER.indexOf(a.href) - WORK_ORDER.indexOf(b.href))
    : [];
  const flash = await flashForPage();
  return (
    <div className="space-y-10">
      <FlashMessage key={flash.key} flash={flash.flash} />
      <section className="card grid gap-6 md:grid-cols-[2fr_1fr] md:items-center">
        <div className="space-y-4">
          <h1>{HOME.title}</h1>
          <p className="text-lg">{HOME.intro}</p>
          {session ? (
            <YourWork session={session} sections={sections} />
          ) : (
            <div className="flex flex-wrap gap-3">
              <a href="/signin" className="btn-primary">{ACTIONS.signIn}</a>
              <Link href="/status" className="btn-secondary">{NAV.publicStatus}</Link>
            </div>
          )}
        </div>
        <p className="rounded-xl bg-brand-light p-4 text-sm">{HOME.note}</p>
      </section>

      <section aria-labelledby="how" className="space-y-4">
        <h2 id="how">{HOME.stepsTitle}</h2>
        <ol className="grid gap-4 md:grid-cols-4">
          {HOME.steps.map(([title, text], i) => (
            <li key={title} className="card space-y-2">
              <span className="text-sm font-semibold text-brand">{HOME.stepLabel(i + 1)}</span>
              <h3>{title}</h3>
              <p className="text-sm text-muted">{text}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** A signed-in person is led to their work, not to «Войти» (the header already says who they are). */
function YourWork({ session, sections }: { session: PortalSession; sections: NavItem[] }) {
  const { person, organization } = session;
  return (
    <div className="space-y-3" data-testid="your-work">
      <p className="font-medium">
        Здравствуйте, {[person.firstName, person.middleName].filter(Boolean).join(" ")}!
        {organization ? ` ${sentence(`Организация: ${organization.shortName}`)}` : " Выберите организацию, от имени которой будете работать."}
      </p>
      <div className="flex flex-wrap gap-3">
        {!organization ? (
          <Link href="/select-organization" className="btn-primary">{ACTIONS.chooseOrganization}</Link>
        ) : sections.length > 0 ? (
          sections.map((s, i) => (
            <Link key={s.href} href={s.href} className={i === 0 ? "btn-primary" : "btn-secondary"}>{s.label}</Link>
          ))
        ) : (
          <Link href="/start" className="btn-primary">Начало работы</Link>
        )}
        <Link href="/status" className="btn-secondary">{NAV.publicStatus}</Link>
      </div>
    </div>
  );
}
