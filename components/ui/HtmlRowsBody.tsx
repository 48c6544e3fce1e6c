"use client";
// Only components/ui/HtmlRows.tsx renders this, with SafeHtml's text: a client component's props must
// be plain data, so the SafeHtml check is there, not here. Do not use it elsewhere.
// The <tbody>s of components/ui/HtmlRows.tsx, one per group of rows. With `html`, the texts came in
// React's payload. With `rowsKey` (a page loaded as a document): on the server the texts are taken
// from the hand-over, in the browser they are the <tbody>s the HTML already brought, so hydration
// finds the same text; they are kept for this page load (the router may show the first payload
// again: «Назад» after a navigation).
import { useState } from "react";
import { takeOver } from "./html-rows-handover";

const fromDocument = new Map<string, string[]>();

function fromPage(key: string): string[] {
  let texts = fromDocument.get(key);
  if (texts === undefined) {
    texts = Array.from(document.querySelectorAll(`tbody[data-rows="${key}"]`), (body) => body.innerHTML);
    fromDocument.set(key, texts);
  }
  return texts;
}

export function HtmlRowsBody({ html, rowsKey }: { html?: string[]; rowsKey?: string }) {
  const [delivered] = useState(() => {
    if (html !== undefined || !rowsKey) return [];
    if (typeof window === "undefined") return takeOver(rowsKey);
    return fromPage(rowsKey);
  });
  const texts = html ?? delivered;
  // Group i is always the same rows for this payload: the index is a stable key.
  return (
    <>
      {(texts.length > 0 ? texts : [""]).map((text, i) => (
        <tbody key={i} data-rows={rowsKey} dangerouslySetInnerHTML={{ __html: text }} />
      ))}
    </>
  );
}
