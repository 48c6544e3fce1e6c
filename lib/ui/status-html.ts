// The status pill (icon and word on a tinted background) as HTML text, and the class tables that
// components/ui/Status.tsx draws from too: one markup for the React badge and for the tables whose
// rows are written as text (components/ui/HtmlRows.tsx, decision 081). Pure: no server-only code.
import { html, type SafeHtml } from "./html";

export type TStatusTone = "success" | "warning" | "danger" | "info" | "neutral";
export type TStatusIcon = "check" | "clock" | "cross" | "mail" | "hourglass" | "archive" | "new" | "progress" | "alert" | "dash";

// Whole class names, never built from parts: Tailwind generates only the names it finds written
// out in the source (`status-panel-${tone}` left every panel with the default, near-black border).
export const BADGE_TONE: Record<TStatusTone, string> = {
  success: "bg-success-light text-success",
  warning: "bg-warning-light text-warning",
  danger: "bg-danger-light text-danger",
  info: "bg-brand-light text-brand-dark",
  neutral: "bg-surface text-ink",
};

// The drawings are in app/globals.css («.glyph-…»).
export const GLYPH: Record<TStatusIcon, string> = {
  check: "glyph-check",
  clock: "glyph-clock",
  cross: "glyph-cross",
  mail: "glyph-mail",
  hourglass: "glyph-hourglass",
  archive: "glyph-archive",
  new: "glyph-new",
  progress: "glyph-progress",
  alert: "glyph-alert",
  dash: "glyph-dash",
};

export const TEXT_TONE: Record<TStatusTone, string> = {
  success: "text-success",
  warning: "text-warning",
  danger: "text-danger",
  info: "text-brand-dark",
  neutral: "text-ink",
};

// The size is 1rem (h-4 w-4) unless given: .glyph in app/globals.css.
export const glyphClass = (icon: TStatusIcon, size?: string) => (size ? `glyph ${GLYPH[icon]} ${size}` : `glyph ${GLYPH[icon]}`);
export const badgeClass = (tone: TStatusTone) => `status-badge ${BADGE_TONE[tone]}`;
export const statusTextClass = (tone: TStatusTone, extra = "") => `inline-flex items-baseline gap-1.5 ${TEXT_TONE[tone]}${extra ? ` ${extra}` : ""}`;
/** The mark beside words in a sentence sits on the text's baseline. */
export const STATUS_TEXT_GLYPH_SIZE = "h-4 w-4 translate-y-0.5";

/** components/ui/Status's StatusBadge with a word, as text. */
export function statusBadgeHtml(look: { tone: TStatusTone; icon: TStatusIcon }, label: string): SafeHtml {
  return html`<span class="${badgeClass(look.tone)}"><span aria-hidden="true" class="${glyphClass(look.icon)}"></span><span>${label}</span></span>`;
}

/** components/ui/Status's StatusText (a status inside a sentence: mark and coloured words), as text. */
export function statusTextHtml(tone: TStatusTone, icon: TStatusIcon, words: string): SafeHtml {
  return html`<span class="${statusTextClass(tone)}"><span aria-hidden="true" class="${glyphClass(icon, STATUS_TEXT_GLYPH_SIZE)}"></span><span>${words}</span></span>`;
}
