// A status in words with a drawn icon; colour only adds to them (never colour alone). Icons are
// SVG so that they do not depend on emoji fonts of older computers.
import type { ReactNode } from "react";

export type TStatusTone = "success" | "warning" | "danger" | "info" | "neutral";
export type TStatusIcon = "check" | "clock" | "cross" | "mail" | "hourglass" | "archive" | "new" | "progress" | "alert" | "dash";

const TONE: Record<TStatusTone, string> = {
  success: "bg-success-light text-success",
  warning: "bg-warning-light text-warning",
  danger: "bg-danger-light text-danger",
  info: "bg-brand-light text-brand-dark",
  neutral: "bg-surface text-ink",
};

// Whole class names, never built from parts: Tailwind generates only the names it finds written
// out in the source (`status-panel-${tone}` left every panel with the default, near-black border).
const PANEL_TONE: Record<TStatusTone, string> = {
  success: "status-panel-success",
  warning: "status-panel-warning",
  danger: "status-panel-danger",
  info: "status-panel-info",
  neutral: "status-panel-neutral",
};

const TEXT_TONE: Record<TStatusTone, string> = {
  success: "text-success",
  warning: "text-warning",
  danger: "text-danger",
  info: "text-brand-dark",
  neutral: "text-ink",
};

/** The icon alone (decorative: the word beside it says the status). */
export function StatusGlyph({ icon, className = "h-4 w-4" }: { icon: TStatusIcon; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" className={`inline-block shrink-0 ${className}`} aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      {GLYPHS[icon]}
    </svg>
  );
}

const GLYPHS: Record<TStatusIcon, ReactNode> = {
  check: <path d="M3 8.5l3.2 3L13 4.5" />,
  clock: (
    <>
      <circle cx="8" cy="8" r="6.5" />
      <path d="M8 4.5V8l2.5 1.5" />
    </>
  ),
  cross: <path d="M4 4l8 8M12 4l-8 8" />,
  mail: (
    <>
      <rect x="1.5" y="3.5" width="13" height="9" rx="1.5" />
      <path d="M2 4.5l6 4.5 6-4.5" />
    </>
  ),
  hourglass: <path d="M4 1.5h8M4 14.5h8M5 1.5c0 4 6 4 6 6.5s-6 2.5-6 6.5M11 1.5c0 4-6 4-6 6.5s6 2.5 6 6.5" />,
  archive: (
    <>
      <rect x="1.5" y="2.5" width="13" height="3.5" rx="1" />
      <path d="M2.5 6v7.5h11V6M6 9h4" />
    </>
  ),
  new: <circle cx="8" cy="8" r="4" fill="currentColor" />,
  progress: (
    <>
      <circle cx="8" cy="8" r="6.5" />
      <path d="M8 1.5a6.5 6.5 0 0 1 0 13z" fill="currentColor" />
    </>
  ),
  alert: (
    <>
      <path d="M8 1.8l6.6 11.7H1.4z" />
      <path d="M8 6.5v3M8 11.6v.1" />
    </>
  ),
  dash: <path d="M4 8h8" />,
};

/** A status as a pill: icon and word on a tinted background (tables, lists, headings). */
export function StatusBadge({ tone, icon, children }: { tone: TStatusTone; icon: TStatusIcon; children: ReactNode }) {
  return (
    <span className={`status-badge ${TONE[tone]}`}>
      <StatusGlyph icon={icon} />
      <span>{children}</span>
    </span>
  );
}

/** A status inside a sentence: icon and coloured words, no background. */
export function StatusText({ tone, icon, children, className = "" }: { tone: TStatusTone; icon: TStatusIcon; children: ReactNode; className?: string }) {
  return (
    <span className={`inline-flex items-baseline gap-1.5 ${TEXT_TONE[tone]} ${className}`}>
      <StatusGlyph icon={icon} className="h-4 w-4 translate-y-0.5" />
      <span>{children}</span>
    </span>
  );
}

/** A notice box for the outcome of a step (approved, on review, rejected…). */
export function StatusPanel({ tone, icon, title, children, role = "status" }: { tone: TStatusTone; icon: TStatusIcon; title: ReactNode; children?: ReactNode; role?: "status" | "alert" }) {
  return (
    <div className={`status-panel ${PANEL_TONE[tone]}`} data-tone={tone} role={role}>
      <p className="flex items-start gap-2 font-semibold">
        <StatusGlyph icon={icon} className={`mt-1 h-5 w-5 ${TEXT_TONE[tone]}`} />
        <span>{title}</span>
      </p>
      {children ? <div className="mt-2 space-y-2 text-ink">{children}</div> : null}
    </div>
  );
}
