// A record's facts, label → value, as the cards show them; «—» where a value is missing. Written as
// HTML text in one element (decision 081's reason: a card's two dozen rows of three elements each
// cost React more to pass through its payload and render again than the rest of the card's body).
import { html, type SafeHtml } from "@/lib/ui/html";
import { Markup } from "./Markup";

export type TFactValue = string | number | SafeHtml | null | undefined;

export function Facts({ rows }: { rows: Array<[label: string, value: TFactValue]> }) {
  return <Markup as="dl" className="divide-y divide-line" html={factsHtml(rows)} />;
}

function factsHtml(rows: Array<[string, TFactValue]>): SafeHtml {
  return html`${rows.map(([label, value]) => html`<div class="grid gap-1 py-2 sm:grid-cols-[16rem_1fr]"><dt class="text-muted">${label}</dt><dd class="break-words">${value ?? "—"}</dd></div>`)}`;
}
