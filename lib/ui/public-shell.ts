// The shell of a page written as HTML without a single script (decision 079): the document, the
// header a visitor who has not signed in sees (logo, «Статус подключения», the vision switch,
// «Войти»), the footer. One shell for every such page: the public status and the guest home.
// The header's and footer's pieces are the root layout's own (lib/ui/site-chrome.ts); the stylesheets
// are its compiled files.
import "server-only";
import { html, type SafeHtml } from "./html";
import { siteStylesheets } from "./site-stylesheets";
import { ACTIONS, NAV, PORTAL_NAME, PORTAL_SHORT_NAME } from "./strings";
import { FOOTER_CLASS, FOOTER_CONTENT, HEADER_CLASS, HEADER_NAV_CLASS, HEADER_ROW_CLASS, LOGO_LINK, MAIN_CLASS, SIGN_IN_LINK_CLASS, SITE_DESCRIPTION, SKIP_LINK_CLASS, visionSwitchFields } from "./site-chrome";

export interface TPublicDocument {
  /** The page's own title («… — ПОС»); null: the portal's name, as the root layout gives the home page. */
  title: string | null;
  /** Where the visitor is: the vision switch comes back here. */
  path: string;
  lowVision: boolean;
  main: SafeHtml;
}

/** The page around the content: components/layout/SiteHeader and SiteFooter as a visitor sees them. */
export function publicDocument({ title, path, lowVision, main }: TPublicDocument): string {
  const styles = siteStylesheets().map((href) => html`<link rel="stylesheet" href="${href}">`);
  return `<!DOCTYPE html>${html`<html lang="ru"${lowVision ? html` data-vision="low"` : ""}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title === null ? `${PORTAL_SHORT_NAME} — ${PORTAL_NAME}` : `${title} — ${PORTAL_SHORT_NAME}`}</title><meta name="description" content="${SITE_DESCRIPTION}"><link rel="icon" href="/icon.svg" type="image/svg+xml">${styles}</head>
<body class="flex min-h-screen flex-col">
<a href="#main" class="${SKIP_LINK_CLASS}">${NAV.skipToContent}</a>
<header class="${HEADER_CLASS}"><div class="${HEADER_ROW_CLASS}">${LOGO_LINK}<nav aria-label="${NAV.mainLabel}" class="${HEADER_NAV_CLASS}"><a href="/status">${NAV.status}</a>
<form method="post" action="/vision">${visionSwitchFields(lowVision, path)}</form>
<a href="/signin" class="${SIGN_IN_LINK_CLASS}">${ACTIONS.signIn}</a></nav></div></header>
<main id="main" tabindex="-1" class="${MAIN_CLASS}">${main}</main>
<footer class="${FOOTER_CLASS}">${FOOTER_CONTENT}</footer>
</body></html>`}`;
}
