// A status in words with a drawn icon; colour only adds to them (never colour alone). Icons are
// drawn (SVG masks in app/globals.css) so that they do not depend on emoji fonts of older computers.
import type { ReactNode } from "react";
import { badgeClass, glyphClass, STATUS_TEXT_GLYPH_SIZE, statusTextClass, TEXT_TONE, type TStatusIcon, type TStatusTone } from "@/lib/ui/status-html";

// The tables and the badge as text (for rows written as HTML, decision 081) are in lib/ui/status-html.ts.
export type { TStatusIcon, TStatusTone };

// Whole class names, never built from parts: Tailwind generates only the names it finds written
// out in the source (`status-panel-${tone}` left every panel with the default, near-black border).
const PANEL_TONE: Record<TStatusTone, string> = {
  success: "status-panel-success",
  warning: "status-panel-warning",
  danger: "status-panel-danger",
  info: "status-panel-info",
  neutral: "status-panel-neutral",
};

/** The icon alone (decorative: the word beside it says the status): one element, drawn by app/globals.css. */
export function StatusGlyph({ icon, className = "h-4 w-4" }: { icon: TStatusIcon; className?: string }) {
  return <span aria-hidden="true" className={glyphClass(icon, className)} />;
}

/** A status as a pill: icon and word on a tinted background (tables, lists, headings). */
export function StatusBadge({ tone, icon, children }: { tone: TStatusTone; icon: TStatusIcon; children: ReactNode }) {
  return (
    <span className={badgeClass(tone)}>
      <StatusGlyph icon={icon} />
      <span>{children}</span>
    </span>
  );
}

/** A status inside a sentence: icon and coloured words, no background. */
export function StatusText({ tone, icon, children, className = "" }: { tone: TStatusTone; icon: TStatusIcon; children: ReactNode; className?: string }) {
  return (
    <span className={statusTextClass(tone, className)}>
      <StatusGlyph icon={icon} className={STATUS_TEXT_GLYPH_SIZE} />
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
