// The `test` every e2e spec uses: Playwright's, with checks on every page the test opens, in any
// browser context. A test fails when React reports a hydration mismatch — in development as a
// warning naming it, in the production build (which the e2e run serves) as a recoverable error
// («Minified React error #418», #423, #425) reported through window.onerror / console.error — and
// when a page shows two full stops in a row («2026 г.. Результат»).
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { doubledFullStops } from "./page-checks";

/** What React says about a hydration mismatch, in development and in production builds. */
export const HYDRATION_ERROR = /hydrat|did(?: not|n't) match|Minified React error #(?:418|423|425)\b/i;

export const test = base.extend<{ pageChecks: void }>({
  pageChecks: [
    async ({ browser, context }, runTest) => {
      const problems: string[] = [];
      const pending = new Set<Promise<void>>();
      const watchPage = (page: Page) => {
        page.on("console", (message) => {
          if ((message.type() === "error" || message.type() === "warning") && HYDRATION_ERROR.test(message.text())) {
            problems.push(`гидратация, ${page.url()}: ${message.text().slice(0, 500)}`);
          }
        });
        page.on("pageerror", (error) => {
          if (HYDRATION_ERROR.test(`${error.message}\n${error.stack ?? ""}`)) problems.push(`гидратация, ${page.url()}: ${error.message.slice(0, 500)}`);
        });
        page.on("load", () => {
          const url = page.url();
          const check = doubledFullStops(page)
            .then((found) => {
              for (const f of found) problems.push(`две точки подряд, ${url}: «${f}»`);
            })
            // The page went on to another one or closed meanwhile: that one is checked on its own load.
            .catch(() => {})
            .finally(() => pending.delete(check));
          pending.add(check);
        });
      };
      const watchContext = (ctx: BrowserContext) => {
        ctx.pages().forEach(watchPage);
        ctx.on("page", watchPage);
      };
      watchContext(context);
      // Contexts the test opens itself (two people at once, no JavaScript…) are watched too.
      const newContext = browser.newContext;
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const ctx = await newContext.apply(browser, args);
        watchContext(ctx);
        return ctx;
      };
      try {
        await runTest();
      } finally {
        browser.newContext = newContext;
      }
      await Promise.all([...pending]);
      expect(problems, "страницы теста без ошибок гидратации React и без двух точек подряд").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
