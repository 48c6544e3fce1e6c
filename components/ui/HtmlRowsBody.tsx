"use client";
// Only components/ui/HtmlRows.tsx renders this, with SafeHtml's text: a client component's props must
// be plain data, so the SafeHtml check is there, not here. Do not use it elsewhere.
// The <tbody> of components/ui/HtmlRows.tsx. With `html`, the text came in React's payload. With
// `rowsKey` (a page loaded as a document): on the server the text is taken from the hand-over, in the
// browser it is the <tbody> the HTML already brought, so hydration finds the same text; it is kept
// for this page load (the router may show the first payload again: «Назад» after a navigation).
import { useState } from "react";
import { takeOver } from "./html-rows-handover";

const fromDocument = new Map<string, string>();

function fromPage(key: string): string {
  let text = fromDocument.get(key);
  if (text === undefined) {
    text = document.querySelector(`tbody[data-rows="${key}"]`)?.innerHTML ?? "";
    fromDocument.set(key, text);
  }
  return text;
}

export function HtmlRowsBody({ html, rowsKey }: { html?: string; rowsKey?: string }) {
  const [delivered] = useState(() => {
    if (html !== undefined || !rowsKey) return "";
    if (typeof window === "undefined") return takeOver(rowsKey);
    return fromPage(rowsKey);
  });
  return <tbody data-rows={rowsKey} dangerouslySetInnerHTML={{ __html: html ?? delivered }} />;
}
