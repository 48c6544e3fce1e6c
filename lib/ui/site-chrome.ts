// The portal's header and footer, written once as HTML text: the root layout's React components
// (components/layout) put these pieces in, and so does the shell of the pages without scripts
// (lib/ui/public-shell.ts, decision 079). Pure module: the vision switch (a client component) uses it too.
import { html, type SafeHtml } from "./html";
import { MESSAGES, NAV, PORTAL_NAME, PORTAL_SHORT_NAME, VISION } from "./strings";
import { VISION_LOW } from "./vision";

export const SITE_DESCRIPTION = "Личные кабинеты организаций и регистрация кабинетов учреждений в Платформе обратной связи.";
export const SKIP_LINK_CLASS = "sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:p-3";
export const HEADER_CLASS = "border-b border-line bg-white";
export const HEADER_ROW_CLASS = "mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3";
export const HEADER_NAV_CLASS = "flex flex-wrap items-center gap-x-5 gap-y-2";
export const SIGN_IN_LINK_CLASS = "btn-primary px-5 py-2";
export const MAIN_CLASS = "mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none";
export const FOOTER_CLASS = "mt-16 border-t border-line bg-white";

/** The logo and the portal's name, a link to the home page. */
export const LOGO_LINK: SafeHtml = html`<a href="/" class="flex items-center gap-3 text-ink no-underline hover:no-underline"><svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true" focusable="false" class="shrink-0"><rect width="40" height="40" rx="10" fill="#0d4cd3"></rect><path d="M11 27V13h12a6 6 0 0 1 0 12h-7" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round"></path><circle cx="29" cy="28" r="3" fill="#ee3f58"></circle></svg><span class="leading-tight"><span class="block text-lg font-bold">${PORTAL_SHORT_NAME}</span><span class="block text-sm text-muted">${PORTAL_NAME}</span><span class="sr-only"> — на главную</span></span></a>`;

const EYE = html`<svg viewBox="0 0 24 24" class="h-6 w-6 shrink-0" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M2 12s3.6-6.5 10-6.5S22 12 22 12s-3.6 6.5-10 6.5S2 12 2 12z"></path><circle cx="12" cy="12" r="3"></circle></svg>`;

/**
 * What the «Версия для слабовидящих» ⇄ «Обычная версия» form holds (inside `<form method="post"
 * action="/vision">`): a plain form, so it works before and without JavaScript. `back`: where the
 * visitor is; the switch brings them back there.
 */
export const visionSwitchFields = (low: boolean, back: string): SafeHtml =>
  html`<input type="hidden" name="mode" value="${low ? "normal" : VISION_LOW}"><input type="hidden" name="back" value="${back}"><button type="submit" class="inline-flex items-center gap-2 rounded-lg px-2 py-2 font-medium text-brand underline-offset-2 hover:underline">${EYE}${low ? VISION.turnOff : VISION.turnOn}</button>`;

/** The footer's content (inside `<footer class=FOOTER_CLASS>`). */
export const FOOTER_CONTENT: SafeHtml = html`<div class="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm text-muted sm:grid-cols-3"><div><p class="font-semibold text-ink">${PORTAL_NAME}</p><p>Личные кабинеты организаций и регистрация кабинетов учреждений.</p></div><ul class="space-y-1"><li><a href="/status">${NAV.publicStatus}</a></li><li><a href="/widget-guide">${NAV.widgetGuide}</a></li><li><a href="/signin">${NAV.signIn}</a></li></ul><p>Самостоятельно размещаемая система. ${MESSAGES.demoNote}</p></div>`;
