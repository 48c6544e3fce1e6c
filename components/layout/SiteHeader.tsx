import Link from "next/link";
import type { ReactNode } from "react";
import { NAV, PORTAL_NAME, PORTAL_SHORT_NAME } from "@/lib/ui/strings";
import { VisionSwitch } from "./VisionSwitch";

export function SiteHeader({ children, lowVision = false }: { children?: ReactNode; lowVision?: boolean }) {
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-3 text-ink no-underline hover:no-underline">
          <Logo />
          <span className="leading-tight">
            <span className="block text-lg font-bold">{PORTAL_SHORT_NAME}</span>
            <span className="block text-sm text-muted">{PORTAL_NAME}</span>
            <span className="sr-only"> — на главную</span>
          </span>
        </Link>
        <nav aria-label={NAV.mainLabel} className="flex flex-wrap items-center gap-x-5 gap-y-2">
          <Link href="/status">{NAV.status}</Link>
          <VisionSwitch low={lowVision} />
          {children}
        </nav>
      </div>
    </header>
  );
}

function Logo() {
  return (
    <svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true" focusable="false" className="shrink-0">
      <rect width="40" height="40" rx="10" fill="#0d4cd3" />
      <path d="M11 27V13h12a6 6 0 0 1 0 12h-7" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" />
      <circle cx="29" cy="28" r="3" fill="#ee3f58" />
    </svg>
  );
}
