// The shell of a page written as HTML without a single script (decision 079): the document, the
// header a visitor who has not signed in sees (logo, «Статус подключения», the vision switch,
// «Войти»), the footer. One shell for every such page: the public status and the guest home.
// The markup and classes are components/layout's (SiteHeader, SiteFooter) as a guest sees them;
// the stylesheets are the root layout's compiled files. Change one, change the other.
import "server-only";
import { html, type SafeHtml } from "./html";
import { siteStylesheets } from "./site-stylesheets";
import { ACTIONS, MESSAGES, NAV, PORTAL_NAME, PORTAL_SHORT_NAME, VISION } from "./strings";
import { VISION_LOW } from "./vision";

export interface TPublicDocument {
  /** The page's own title («… — ПОС»); null: the portal's name, as the root layout gives the home page. */
  title: string | null;
  /** Where the visitor is: the vision switch comes back here. */
  path: string;
  lowVision: boolean;
  main: SafeHtml;
}

const LOGO = html`<svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true" focusable="false" class="shrink-0"><rect width="40" height="40" rx="10" fill="#0d4cd3"></rect><path d="M11 27V13h12a6 6 0 0 1 0 12h-7" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round"></path><circle cx="29" cy="28" r="3" fill="#ee3f58"></circle></svg>`;
const EYE = html`<svg viewBox="0 0 24 24" class="h-6 w-6 shrink-0" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M2 12s3.6-6.5 10-6.5S22 12 22 12s-3.6 6.5-10 6.5S2 12 2 12z"></path><circle cx="12" cy="12" r="3"></circle></svg>`;

/** The page around the content: components/layout/SiteHeader and SiteFooter as a visitor sees them. */
export function publicDocument({ title, path, lowVision, main }: TPublicDocument): string {
  const styles = siteStylesheets().map((href) => html`<link rel="stylesheet" href="${href}">`);
  return `<!DOCTYPE html>${html`<html lang="ru"${lowVision ? html` data-vision="low"` : ""}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title === null ? `${PORTAL_SHORT_NAME} — ${PORTAL_NAME}` : `${title} — ${PORTAL_SHORT_NAME}`}</title><meta name="description" content="Личные кабинеты организаций и регистрация кабинетов учреждений в Платформе обратной связи."><link rel="icon" href="/icon.svg" type="image/svg+xml">${styles}</head>
<body class="flex min-h-screen flex-col">
<a href="#main" class="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:p-3">${NAV.skipToContent}</a>
<header class="border-b border-line bg-white"><div class="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3">
<a href="/" class="flex items-center gap-3 text-ink no-underline hover:no-underline">${LOGO}<span class="leading-tight"><span class="block text-lg font-bold">${PORTAL_SHORT_NAME}</span><span class="block text-sm text-muted">${PORTAL_NAME}</span><span class="sr-only"> — на главную</span></span></a>
<nav aria-label="${NAV.mainLabel}" class="flex flex-wrap items-center gap-x-5 gap-y-2"><a href="/status">${NAV.status}</a>
<form method="post" action="/vision"><input type="hidden" name="mode" value="${lowVision ? "normal" : VISION_LOW}"><input type="hidden" name="back" value="${path}"><button type="submit" class="inline-flex items-center gap-2 rounded-lg px-2 py-2 font-medium text-brand underline-offset-2 hover:underline">${EYE}${lowVision ? VISION.turnOff : VISION.turnOn}</button></form>
<a href="/signin" class="btn-primary px-5 py-2">${ACTIONS.signIn}</a></nav></div></header>
<main id="main" tabindex="-1" class="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">${main}</main>
<footer class="mt-16 border-t border-line bg-white"><div class="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm text-muted sm:grid-cols-3">
<div><p class="font-semibold text-ink">${PORTAL_NAME}</p><p>Личные кабинеты организаций и регистрация кабинетов учреждений.</p></div>
<ul class="space-y-1"><li><a href="/status">${NAV.publicStatus}</a></li><li><a href="/widget-guide">${NAV.widgetGuide}</a></li><li><a href="/signin">${NAV.signIn}</a></li></ul>
<p>Самостоятельно размещаемая система. ${MESSAGES.demoNote}</p></div></footer>
</body></html>`}`;
}
