// The copy-paste snippets of «Размещение виджета на сайте» (/widget-guide), one function for the page
// and for the end-to-end tests that run each of them on a test site (tests/e2e/widget.spec.ts).
// Pure: the same text on the page and in the tests.
import { bannerPlace, loaderTag, noInlineCode, type TWidgetCodeInput } from "./banner";
import { widgetCodes } from "./codes";

/** The number the page's examples use; the generator gives the code with the cabinet's own. */
export const EXAMPLE_LKO = 220820;

/** The banner's place as JSX: the same attributes, with double quotes. */
function jsxPlace(input: TWidgetCodeInput): string {
  return bannerPlace(input).replace(/'/g, '"').replace("></div>", " />");
}

export type TSiteSnippets = ReturnType<typeof siteSnippets>;

export function siteSnippets(input: TWidgetCodeInput) {
  const codes = widgetCodes(input);
  const loader = loaderTag(input.portalOrigin);
  const place = bannerPlace(input);
  return {
    /** A static site: either code, where the banner should be. */
    noInline: noInlineCode(input),
    /** A CMS: the loader once in the site's template, the place in the page's text (an HTML block). */
    cmsTemplate: loader,
    cmsPlace: place,
    /** After inserting HTML with innerHTML (scripts in it do not run): the documented call. */
    mount: "window.Widget && window.Widget.mount();",
    /** React 19 and Next.js (App Router), a module of two components: React puts <script async> into <head> once, however many render it. */
    react: [
      "// Корневой макет (в Next.js — app/layout.tsx): загрузчик, один раз на страницу.",
      "export function PosWidgetLoader() {",
      `  return <script async src="${input.portalOrigin}/widget/script.min.js" />;`,
      "}",
      "",
      "// Там, где должен быть баннер:",
      "export function PosBanner() {",
      `  return ${jsxPlace(input)};`,
      "}",
    ].join("\n"),
    /** Vue (and any SPA built from index.html): the loader in index.html, the place in a component's template. */
    vueIndex: loader,
    vue: ["<template>", `  ${place.replace(/'/g, '"')}`, "</template>"].join("\n"),
    /** The lines a site's CSP needs for each code. */
    cspNoInline: codes.noInline.csp.join("\n"),
    cspClassic: codes.classic.csp.join("\n"),
  };
}
