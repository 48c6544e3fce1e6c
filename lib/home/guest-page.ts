// The home page as a visitor who has not signed in sees it, written as HTML without a script and
// kept in Next's cache (issue 19, decision 079): the portal's words (./words.ts), «Войти» and the
// public status, in the shell of the public pages. The same markup and classes as app/page.tsx.
import "server-only";
import { html, type SafeHtml } from "@/lib/ui/html";
import { publicDocument } from "@/lib/ui/public-shell";
import { ACTIONS, NAV } from "@/lib/ui/strings";
import type { TGuestHomeView } from "./guest-route";
import { HOME } from "./words";

/**
 * The page changes only with a deploy, and Next keeps its render for the process's life. A browser
 * or a proxy keeps it five minutes, not longer: the page names the build's stylesheet files, which
 * a deploy replaces. By the cookie: a signed-in person's home, and the low-vision view, differ.
 */
export const GUEST_HOME_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "public, max-age=300",
  Vary: "Cookie",
} as const;

/** app/page.tsx's content for a guest. */
export function guestHomeMain(): SafeHtml {
  return html`<div class="space-y-10"><section class="card grid gap-6 md:grid-cols-[2fr_1fr] md:items-center"><div class="space-y-4"><h1>${HOME.title}</h1>
<p class="text-lg">${HOME.intro}</p>
<div class="flex flex-wrap gap-3"><a href="/signin" class="btn-primary">${ACTIONS.signIn}</a><a href="/status" class="btn-secondary">${NAV.publicStatus}</a></div></div>
<p class="rounded-xl bg-brand-light p-4 text-sm">${HOME.note}</p></section>
<section aria-labelledby="how" class="space-y-4"><h2 id="how">${HOME.stepsTitle}</h2><ol class="grid gap-4 md:grid-cols-4">${HOME.steps.map(
    ([title, text], i) => html`<li class="card space-y-2"><span class="text-sm font-semibold text-brand">${HOME.stepLabel(i + 1)}</span><h3>${title}</h3><p class="text-sm text-muted">${text}</p></li>`,
  )}</ol></section></div>`;
}

export function guestHomeResponse(view: TGuestHomeView): Response {
  return new Response(publicDocument({ title: null, path: "/", lowVision: view === "low", main: guestHomeMain() }), { headers: GUEST_HOME_HEADERS });
}
