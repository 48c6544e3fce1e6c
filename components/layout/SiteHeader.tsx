import Link from "next/link";
import type { ReactNode } from "react";
import { Markup } from "@/components/ui/Markup";
import { NAV } from "@/lib/ui/strings";
import { HEADER_CLASS, HEADER_NAV_CLASS, HEADER_ROW_CLASS, LOGO_LINK } from "@/lib/ui/site-chrome";
import { VisionSwitch } from "./VisionSwitch";

/** The header: its pieces are lib/ui/site-chrome.ts's, as on the pages without scripts; `children` — «Войти» or the person's menu. */
export function SiteHeader({ children, lowVision = false }: { children?: ReactNode; lowVision?: boolean }) {
  return (
    <header className={HEADER_CLASS}>
      <div className={HEADER_ROW_CLASS}>
        {/* display: contents — the link itself is the row's first item. */}
        <Markup as="span" className="contents" html={LOGO_LINK} />
        <nav aria-label={NAV.mainLabel} className={HEADER_NAV_CLASS}>
          <Link href="/status">{NAV.status}</Link>
          <VisionSwitch low={lowVision} />
          {children}
        </nav>
      </div>
    </header>
  );
}
