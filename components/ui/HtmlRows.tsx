// The rows of a big read-only table, written as HTML text on the server (decision 081): React's
// payload then carries one string instead of thousands of elements, parsed again for the HTML.
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
 * The table's `<tbody>`, awaited by the page (`{await htmlRows(…)}`) rather than rendered as an async
 * component: a page stays renderable by a plain renderer (the tests' renderToStaticMarkup) too.
 */
export async function htmlRows(rows: SafeHtml): Promise<ReactElement> {
  const h = await headers();
  if (!(h.get("accept") ?? "").includes("text/html") || h.has("next-action")) return <HtmlRowsBody html={rows.value} />;
  const key = randomUUID();
  handOver(key, rows.value);
  return <HtmlRowsBody rowsKey={key} />;
}
