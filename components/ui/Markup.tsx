// Markup written as HTML text (lib/ui/site-chrome.ts: the header's and footer's pieces shared with
// the pages without scripts; components/ui/Facts.tsx: the cards' fact lists), put into one element.
// Only SafeHtml is accepted, never a string: it comes from lib/ui/html.ts's `html` template, which
// escapes every value, so nothing a user typed can reach the page as markup.
import { createElement, type ComponentPropsWithoutRef } from "react";
import type { SafeHtml } from "@/lib/ui/html";

type TTag = "dl" | "footer" | "form" | "span";

export function Markup<T extends TTag>({ as, html, ...props }: { as: T; html: SafeHtml } & Omit<ComponentPropsWithoutRef<T>, "children" | "dangerouslySetInnerHTML">) {
  return createElement(as, { ...props, dangerouslySetInnerHTML: { __html: html.value } });
}
