// The rows of a big read-only table, written as HTML text on the server (decision 081): React's
// payload then carries one string instead of thousands of elements, parsed again for the HTML.
// Only SafeHtml is accepted, never a string: SafeHtml comes from lib/ui/html.ts's `html` template,
// which escapes every value, so nothing a user typed can reach the page as markup.
import type { SafeHtml } from "@/lib/ui/html";

export function HtmlRows({ rows }: { rows: SafeHtml }) {
  return <tbody dangerouslySetInnerHTML={{ __html: rows.value }} />;
}
