// The rows of a big read-only table, written as HTML text on the server (decision 081): React's
// payload then carries a few strings instead of thousands of elements, parsed again for the HTML.
// Only SafeHtml is accepted, never a string: SafeHtml comes from lib/ui/html.ts's `html` template,
// which escapes every value, so nothing a user typed can reach the page as markup.
//
// A page loaded as a document needs the rows once, in its HTML: the payload inlined into the page
// carries only a key, and the HTML rendering takes the text from this process's hand-over
// (./html-rows-handover.ts); in the browser the rows are already in the DOM. Navigations inside the
// app, prefetches and server actions fetch the payload alone (Next hides their `RSC` header from
// headers(); they do not ask for text/html as a browser's page load does): the text travels in it.
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { ReactElement } from "react";
import type { SafeHtml } from "@/lib/ui/html";
import { HtmlRowsBody } from "./HtmlRowsBody";
import { handOver } from "./html-rows-handover";

/**
 * The table's `<tbody>`s, awaited by the page (`{await htmlRows(…)}`) rather than rendered as an async
 * component: a page stays renderable by a plain renderer (the tests' renderToStaticMarkup) too.
 */
export async function htmlRows(rows: SafeHtml[]): Promise<ReactElement> {
  const groups = rowGroups(rows);
  const h = await headers();
  if (!(h.get("accept") ?? "").includes("text/html") || h.has("next-action")) return <HtmlRowsBody html={groups} />;
  const key = randomUUID();
  handOver(key, groups);
  return <HtmlRowsBody rowsKey={key} />;
}

// V8 keeps a string over 128 KB (64K characters of Cyrillic text, two bytes each) in its large-object
// space: every such string is a fresh mapping of memory, and building one cost 0.5–0.7 ms per
// monitoring page (decision 081, addendum 4). Rows are joined into texts well below that, one
// `<tbody>` each (a table may have several).
export const ROW_GROUP_CHARS = 24_000;

/** The rows' text in groups of whole rows, each under ROW_GROUP_CHARS where a row allows; at least one group. */
export function rowGroups(rows: SafeHtml[]): string[] {
  const groups: string[] = [];
  let group: string[] = [];
  let length = 0;
  for (const row of rows) {
    if (length + row.value.length > ROW_GROUP_CHARS && group.length > 0) {
      groups.push(group.join(""));
      group = [];
      length = 0;
    }
    group.push(row.value);
    length += row.value.length;
  }
  if (group.length > 0 || groups.length === 0) groups.push(group.join(""));
  return groups;
}
