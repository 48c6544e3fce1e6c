// Issue 9: every route, for every role that reaches it, passes axe with no serious or critical
// violation, has one heading, a way around (sections, «Назад»), Russian words only, and no
// sideways scrolling on a 360 px phone or at 200% zoom. Every link on the checked pages must lead to
// a checked page, which proves the route lists complete.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { DEMO_PASSWORD, personById } from "../../lib/demo-world/esia-world";
import { grantOrganizationRights, passEsiaConsents, revokeEsiaConsents } from "./support/esia";
import { expectOneHeading, NARROW_VIEWPORTS, seriousAxeViolations, sidewaysScroll, untranslatedText } from "./support/page-checks";
import { AUDIENCES, EMULATOR_PATHS, PUBLIC_ROUTES, headOf, lkoOf, loginOf, PLACED_SCHOOL, routePattern, type TRoute } from "./support/routes";

const PORT = Number(process.env.E2E_PORT || 3100);
const EMULATOR = `http://localhost:${PORT + 1}`;
const DESKTOP = { width: 1280, height: 800 };

test.describe.configure({ timeout: 300_000 });

/** All checks of one page; problems are collected (soft) so that one run shows them all. */
async function checkPage(page: Page, where: string, opts: { portal?: boolean } = {}) {
  await expectOneHeading(page);
  const axe = await seriousAxeViolations(page, where);
  expect.soft(axe, `axe: ${where}`).toEqual([]);
  expect.soft(await untranslatedText(page), `непереведённый текст: ${where}`).toEqual([]);
  if (opts.portal) {
    await expect.soft(page.getByRole("link", { name: /на главную/ }), `ссылка на главную: ${where}`).toBeVisible();
  }
  for (const v of NARROW_VIEWPORTS) {
    await page.setViewportSize({ width: v.width, height: v.height });
    expect.soft(await sidewaysScroll(page), `прокрутка вбок (${v.name}): ${where}`).toBeLessThanOrEqual(0);
    await expect.soft(page.locator("h1"), `заголовок на экране ${v.name}: ${where}`).toBeVisible();
  }
  await page.setViewportSize(DESKTOP);
}

/** Through the emulator's screens, checking them on the way. */
async function signIn(page: Page, personId: string, checkScreens = false) {
  // ЕСИА shows its consent screens only to whom has not granted yet: to check them, revoke first.
  if (checkScreens) await revokeEsiaConsents(page, loginOf(personId));
  await page.goto("/signin");
  const signInPage = page.url();
  await page.getByRole("button", { name: "Войти через ЕСИА" }).click();
  await expect(page.getByLabel("Телефон / Email / СНИЛС")).toBeVisible();
  if (checkScreens) await checkPage(page, "ЕСИА: вход");
  await page.getByLabel("Телефон / Email / СНИЛС").fill(loginOf(personId));
  await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Войти", exact: true }).click();
  const memberships = personById.get(personId)!.memberships;
  if (checkScreens) {
    await expect(page.getByRole("heading", { name: "Предоставление прав доступа" })).toBeVisible();
    await checkPage(page, "ЕСИА: предоставление прав");
    await page.getByRole("button", { name: "Предоставить" }).click();
    if (memberships.length === 1) {
      // The only organization: ЕСИА asks for its rights (scope_org) at once.
      await expect(page.getByText(/запрашивает следующие права в организации/)).toBeVisible();
      await checkPage(page, "ЕСИА: права в организации");
    }
  }
  if (memberships.length === 1) await grantOrganizationRights(page, memberships[0].organizationId, { leaving: signInPage });
  else await passEsiaConsents(page, { leaving: signInPage });
}

async function pathOf(page: Page, route: TRoute): Promise<string> {
  return typeof route === "string" ? route : route.resolve(page);
}
const patternOf = (route: TRoute) => (typeof route === "string" ? routePattern(route) : route.pattern);

/** Where a page's links lead (same origin, pages only), as route patterns. */
async function linkPatterns(page: Page): Promise<string[]> {
  // Download links (the monitoring's CSV and XLSX) give files, not pages: monitoring.spec.ts checks them.
  const hrefs = await page.locator("a[href]:not([download])").evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  return hrefs
    .map((h) => new URL(h))
    .filter((u) => u.origin === origin && !u.pathname.startsWith("/api/") && !u.pathname.startsWith("/widget/"))
    .map((u) => routePattern(u.pathname));
}

/** Pages below a section, which must offer «Назад» at the top. */
const NESTED = /^\/(admin\/cabinets\/|admin\/requests\/|registration\/)/;

test.beforeAll(async ({ browser }) => {
  // A citizen's message, so that the inbox and the message page have something to show.
  const page = await browser.newPage();
  await page.goto(`/form?opaId=${lkoOf(PLACED_SCHOOL)}`);
  await page.getByLabel("Тема сообщения").selectOption({ label: "Благоустройство, ремонт и содержание здания" });
  await page.getByLabel("Опишите проблему").fill("Во дворе школы не горит фонарь у входа, вечером темно.");
  await page.getByLabel("Как к вам обращаться").fill("Иванов Пётр");
  await page.getByLabel("Электронная почта или телефон для ответа").fill("p.ivanov@mail.demo.test");
  await page.getByLabel("Я даю согласие на обработку моих персональных данных").check();
  await page.getByRole("button", { name: "Отправить сообщение" }).click();
  await expect(page.getByRole("heading", { name: "Сообщение отправлено" })).toBeVisible();
  await page.close();
});

for (const audience of AUDIENCES) {
  test(`каждая страница доступна: ${audience.name}`, async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    if (audience.personId) await signIn(page, audience.personId);
    // Public pages (header and footer links) are checked once, for the guest.
    const listed = new Set([...audience.routes, ...PUBLIC_ROUTES, "/select-organization"].map(patternOf));
    const reachable = new Map<string, string>();

    for (const route of audience.routes) {
      const path = await pathOf(page, route);
      const response = await page.goto(path);
      const where = `${audience.name}: ${path}`;
      expect.soft(response?.status(), `код ответа: ${where}`).toBe(path === "/no-such-page" ? 404 : 200);
      await checkPage(page, where, { portal: !path.startsWith("/form") });
      if (audience.personId && !path.startsWith("/training") && audience.personId !== "person-no-org") {
        await expect.soft(page.getByRole("navigation", { name: "Разделы", exact: true }), `разделы: ${where}`).toBeVisible();
      }
      if (NESTED.test(path)) {
        await expect.soft(page.getByRole("main").getByRole("link", { name: /^Назад/ }).first(), `«Назад»: ${where}`).toBeVisible();
      }
      // Links in the demo mail lead to other people's pages: not this role's navigation.
      if (!path.startsWith("/dev/mail")) for (const p of await linkPatterns(page)) if (!reachable.has(p)) reachable.set(p, path);
    }
    // Every page reachable by a link (sections, «Назад», tabs, rows) is one of the pages checked above,
    // so the checks cover everything this role can reach.
    const unlisted = [...reachable].filter(([p]) => !listed.has(p)).map(([p, from]) => `${p} (ссылка на ${from})`);
    expect.soft(unlisted, "страницы, которых нет в списке маршрутов роли (tests/e2e/support/routes.ts)").toEqual([]);
  });
}

test("экраны эмулятора ЕСИА доступны", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, headOf("org-mag-school-33"), true);
  for (const path of EMULATOR_PATHS) {
    await page.goto(`${EMULATOR}${path}`);
    await checkPage(page, `ЕСИА: ${path}`);
  }
});

test("«Версия для слабовидящих»: крупный текст и высокий контраст, запоминается, без JavaScript тоже", async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/status");
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await size();
    await page.getByRole("button", { name: "Версия для слабовидящих" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-vision", "low");
    await expect(page).toHaveURL(/\/status$/);
    expect(await size()).toBeGreaterThanOrEqual(normal * 1.2);
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe("rgb(0, 0, 0)");
    // Remembered by this browser: another page arrives already in this version (rendered on the server, no flash).
    const html = await (await page.request.get("/")).text();
    expect(html).toMatch(/<html[^>]*data-vision="low"/);
    await page.goto("/");
    await expectOneHeading(page);
    // axe runs in the page: only where JavaScript is on.
    if (javaScriptEnabled) expect.soft(await seriousAxeViolations(page), "axe в версии для слабовидящих").toEqual([]);
    for (const v of NARROW_VIEWPORTS) {
      await page.setViewportSize(v);
      expect.soft(await sidewaysScroll(page), `прокрутка вбок (${v.name}) в версии для слабовидящих`).toBeLessThanOrEqual(0);
    }
    await page.getByRole("button", { name: "Обычная версия" }).click();
    await expect(page.locator("html")).not.toHaveAttribute("data-vision", "low");
    expect(await size()).toBe(normal);
    await context.close();
  }
});

test("версия для слабовидящих на страницах кабинета: без нарушений axe", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, "person-organ-admin");
  await page.goto("/admin");
  await page.getByRole("button", { name: "Версия для слабовидящих" }).click();
  const lko = lkoOf("org-mag-school-16");
  for (const path of ["/admin", "/admin/requests", `/admin/cabinets/${lko}`, `/admin/cabinets/${lko}/accounts`, `/admin/cabinets/${lko}/functioning`]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("data-vision", "low");
    expect.soft(await seriousAxeViolations(page), `axe в версии для слабовидящих: ${path}`).toEqual([]);
    for (const v of NARROW_VIEWPORTS) {
      await page.setViewportSize(v);
      expect.soft(await sidewaysScroll(page), `прокрутка вбок (${v.name}) в версии для слабовидящих: ${path}`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize(DESKTOP);
  }
});

test("клавиатура: переход к содержанию, видимый фокус, выбор кабинета без мыши", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, "person-institution-admin");
  await page.goto("/registration");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Перейти к содержанию" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  // Every control reached with Tab shows where the focus is.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { tag: el.tagName, text: el.textContent?.trim().slice(0, 40), visible: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 };
    });
    expect.soft(ring.visible, `видимый фокус: ${ring.tag} «${ring.text}»`).toBe(true);
    if (ring.tag === "INPUT") break;
  }
  // «Выберите кабинет»: the radio group with arrows, «Далее» with Enter.
  await page.getByRole("radio", { name: /^Кабинет редакции/ }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /^Рабочий кабинет/ })).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Форма заявки на создание рабочего кабинета" })).toBeVisible();
});
