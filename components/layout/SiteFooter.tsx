import Link from "next/link";
import { MESSAGES, NAV, PORTAL_NAME } from "@/lib/ui/strings";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-line bg-white">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm text-muted sm:grid-cols-3">
        <div>
          <p className="font-semibold text-ink">{PORTAL_NAME}</p>
          <p>Личные кабинеты организаций и регистрация кабинетов учреждений.</p>
        </div>
        <ul className="space-y-1">
          <li><Link href="/status">{NAV.publicStatus}</Link></li>
          <li><Link href="/widget-guide">{NAV.widgetGuide}</Link></li>
          <li><Link href="/signin">{NAV.signIn}</Link></li>
        </ul>
        <p>Самостоятельно размещаемая система. {MESSAGES.demoNote}</p>
      </div>
    </footer>
  );
}
