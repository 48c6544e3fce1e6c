// Issue 6 end to end: the institution's admin sets the readiness points and the site, generates and
// copies the widget code; the institution's site (served here, on another origin) embeds exactly
// that code; a citizen writes through it; the message reaches the inbox and the placement is seen.
import http from "node:http";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { organizationById, personById } from "../../lib/demo-world/esia-world";
import { INSTITUTION_SCENARIOS } from "../../prisma/seed/scenarios";
import { BASE_URL } from "../../playwright.config";
import { signInThroughEsia, signInWithLogin } from "./support/esia";
import { waitForMail } from "./support/mail";

const PORT = Number(process.env.E2E_PORT || 3100);
// The institution's official site and some other site: ports after the portal's own four.
const SITE = `http://127.0.0.1:${PORT + 4}`;
const OTHER = `http://127.0.0.1:${PORT + 5}`;
const HEAD = personById.get("person-mag-school-18-head")!;
// The seed numbers institutions' cabinets from 220801 in the order of INSTITUTION_SCENARIOS.
const lkoOf = (organizationId: string) => 220_801 + INSTITUTION_SCENARIOS.findIndex((s) => s.organizationId === organizationId);
const LKO = lkoOf("org-mag-school-18");
// A cabinet the seed moved to the archive after its widget was placed (scenario «cabinetArchived»).
const ARCHIVED_LKO = lkoOf(INSTITUTION_SCENARIOS.find((s) => s.scenario === "cabinetArchived")!.organizationId);
const FUNCTIONING = `/admin/cabinets/${LKO}/functioning`;

/** Pages each fake site serves, by path; set by the tests. */
const pages = new Map<string, string>();
const servers: http.Server[] = [];

function serveSite(origin: string) {
  const server = http.createServer((req, res) => {
    const body = pages.get(`${origin}${req.url}`);
    res.writeHead(body ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
    res.end(body ?? "not found");
  });
  const { port } = new URL(origin);
  servers.push(server);
  return new Promise<void>((resolve) => server.listen(Number(port), "127.0.0.1", resolve));
}

test.beforeAll(async () => {
  await serveSite(SITE);
  await serveSite(OTHER);
});
test.afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

const sitePage = (title: string, code: string) => `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>\n${code}\n<p>Подвал сайта</p></body></html>`;

test.describe.serial("виджет МОУ «СОШ № 18»", () => {
  let code = "";

  test("точки готовности, сайт, генерация и копирование кода", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE_URL });
    await signInWithLogin(page, HEAD.email);
    await page.goto(FUNCTIONING);
    await expect(page.getByRole("heading", { level: 2, name: "Функционирование ЛКО" })).toBeVisible();
    const missing = page.getByRole("list", { name: "Что осталось сделать" });
    await expect(missing).toContainText("ЛКО готов к работе");

    // Every choice says what it means: www and bare address are one site; «Нет сайта» explained.
    await expect(page.getByLabel("Адрес официального сайта, на котором будет размещен виджет")).toHaveAccessibleDescription(/Адрес с «www\.» и без него считается одним сайтом/);
    await expect(page.getByLabel("Нет сайта")).toHaveAccessibleDescription(/нет своего официального сайта/);
    await page.getByLabel("Адрес официального сайта, на котором будет размещен виджет").fill("not a site");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(page.getByText("В адресе сайта нет доменного имени")).toBeVisible();

    for (const label of ["Учетные записи созданы и подтверждены", "Ответственные назначены", "Обучение пройдено", "ЛКО готов к работе"]) {
      await page.getByLabel(label).check();
    }
    await page.getByLabel("У учреждения есть официальный сайт").check();
    await page.getByLabel("Адрес официального сайта, на котором будет размещен виджет").fill(`${SITE}/index.html`);
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(page.getByText("Изменения сохранены")).toBeVisible();
    await expect(missing).toHaveText(/Не сгенерирован код виджета/);
    await expect(missing).not.toContainText("Не отмечено");

    // (1) design and text, with a live preview; (2) generate.
    await page.getByLabel(/Светлый, горизонтальный/).check();
    await page.getByLabel(/Есть предложения по организации учебного процесса/).check();
    await expect(page.frameLocator('iframe[title="Предпросмотр выбранного баннера"]').getByText("Есть предложения по организации учебного процесса")).toBeVisible();
    await page.getByRole("button", { name: "2. Сгенерировать" }).click();
    const box = page.getByLabel("3. Код виджета для технической поддержки сайта");
    await expect(box).toBeVisible();
    await expect(box).toHaveJSProperty("readOnly", true);
    code = await box.inputValue();
    expect(code.startsWith(`<script src='${BASE_URL}/widget/script.min.js'></script>`)).toBe(true);
    expect(code).toContain("pos-banner-fluid bf-17");
    // (4) the ЛКО number ends the code.
    expect(code.endsWith(`<script>Widget("${BASE_URL}/form", ${LKO})</script>`)).toBe(true);

    // (3) copy.
    await page.getByRole("button", { name: "Скопировать" }).first().click();
    await expect(page.getByText("Код скопирован в буфер обмена")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await expect(page.getByRole("list", { name: "Что осталось сделать" })).toHaveCount(0);

    const vk = await page.getByLabel("ВКонтакте").inputValue();
    expect(vk).toBe(`${BASE_URL}/form/?opaId=${LKO}&utm_source=vk&utm_medium=74&utm_campaign=${organizationById.get("org-mag-school-18")!.ogrn}`);
  });

  test("сайт учреждения с кодом: баннер, форма, сообщение во входящих, размещение видно", async ({ page, browser }) => {
    pages.set(`${SITE}/`, sitePage("МОУ «СОШ № 18» — официальный сайт", code));
    const citizen = await (await browser.newContext()).newPage();
    await citizen.goto(`${SITE}/`);
    const button = citizen.getByRole("button", { name: "Написать о проблеме" });
    await expect(button).toBeVisible();
    await button.click();
    const dialog = citizen.getByRole("dialog", { name: "Сообщение в Платформу обратной связи" });
    await expect(dialog).toBeVisible();
    const form = citizen.frameLocator('iframe[title="Форма сообщения — Платформа обратной связи"]');
    await expect(form.getByRole("heading", { name: "Сообщить о проблеме" })).toBeVisible();
    await expect(form.getByText("МОУ «СОШ № 18»")).toBeVisible();
    await form.getByLabel("Тема сообщения").selectOption({ label: "Питание" });
    await form.getByLabel("Опишите проблему").fill("В столовой на втором этаже третий день нет горячей воды.");
    await form.getByLabel("Как к вам обращаться").fill("Иванова Мария");
    await form.getByLabel("Электронная почта или телефон для ответа").fill("8 (900) 111-22-33");
    await form.getByLabel("Я даю согласие на обработку моих персональных данных").check();
    await form.getByRole("button", { name: "Отправить сообщение" }).click();
    await expect(form.getByRole("heading", { name: "Сообщение отправлено" })).toBeVisible();
    await form.getByRole("button", { name: "Закрыть" }).click();
    await expect(dialog).toHaveCount(0);
    await citizen.context().close();

    await waitForMail(HEAD.email, "Новое сообщение гражданина");

    await signInWithLogin(page, HEAD.email);
    await page.goto(`/admin/cabinets/${LKO}/messages`);
    const item = page.getByRole("list", { name: "Сообщения" }).getByRole("listitem").filter({ hasText: "нет горячей воды" });
    await expect(item).toContainText("Новое");
    await expect(item).toContainText("с сайта 127.0.0.1");
    await item.getByRole("link", { name: "Питание" }).click();
    await expect(page.getByText("+79001112233")).toBeVisible();
    await page.getByRole("button", { name: "Взять в работу" }).click();
    await expect(page.getByText("В работе", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Отметить «Ответ дан»" }).click();
    await expect(page.getByText("Ответ дан", { exact: true })).toBeVisible();

    await page.goto(FUNCTIONING);
    await expect(page.getByTestId("widget-status")).toContainText(`Виджет размещен: да, ${new URL(SITE).host}, последний раз`);
    await page.getByRole("button", { name: "Проверить сайт" }).click();
    await expect(page.getByRole("list", { name: "Последние проверки сайта" })).toContainText("Виджет размещен правильно");

    // The city's IT specialist sees the same on the connection dashboard.
    await page.context().clearCookies();
    await signInThroughEsia(page, "cityIt");
    await page.goto(`/monitoring?q=${organizationById.get("org-mag-school-18")!.ogrn}`);
    const row = page.locator(`[data-testid="institution-row"][data-ogrn="${organizationById.get("org-mag-school-18")!.ogrn}"]`);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("виджет: размещён");
    await expect(row).toContainText(`${new URL(SITE).host}, `);
    await expect(row).not.toContainText("также на");
  });

  test("чужой сайт: форма не встраивается, сообщение не принимается, баннер не показывается", async ({ page, browser }) => {
    const before = await countMessages(page);
    const visitor = await (await browser.newContext()).newPage();
    const refusals: string[] = [];
    visitor.on("console", (m) => refusals.push(m.text()));

    // The copied code on a site that is not the official one: no banner, but the placement is flagged.
    pages.set(`${OTHER}/copy.html`, sitePage("Чужой сайт", code));
    await visitor.goto(`${OTHER}/copy.html`);
    await expect(visitor.getByRole("heading", { name: "Чужой сайт" })).toBeVisible();
    await expect.poll(() => visitor.evaluate(() => (document.getElementById("js-show-iframe-wrapper") as HTMLElement).dataset.posBound)).toBe("1");
    await visitor.waitForTimeout(500);
    await expect(visitor.getByRole("button", { name: "Написать о проблеме" })).toBeHidden();

    // Framing the form directly is refused by the browser (CSP frame-ancestors).
    pages.set(`${OTHER}/frame.html`, `<!DOCTYPE html><html><body><iframe id="f" title="чужая рамка" src="${BASE_URL}/form?opaId=${LKO}"></iframe></body></html>`);
    await visitor.goto(`${OTHER}/frame.html`);
    await expect.poll(() => refusals.some((t) => t.includes("frame-ancestors"))).toBe(true);
    await expect(visitor.frameLocator("#f").getByRole("heading", { name: "Сообщить о проблеме" })).toHaveCount(0);

    // A form posted from another origin is refused, and nothing is stored.
    pages.set(
      `${OTHER}/post.html`,
      `<!DOCTYPE html><html><body><form method="post" action="${BASE_URL}/form?opaId=${LKO}">
<input name="category" value="food"><input name="text" value="Сообщение с чужого сайта, его быть не должно."><input name="authorName" value="Бот">
<input name="contact" value="bot@spam.demo.test"><input name="consent" value="on"><button>Отправить</button></form></body></html>`,
    );
    await visitor.goto(`${OTHER}/post.html`);
    await visitor.getByRole("button", { name: "Отправить" }).click();
    await expect(visitor.getByRole("heading", { name: "Сообщение не принято" })).toBeVisible();
    await expect(visitor.getByRole("alert")).toContainText("форму можно отправить только");

    // A number that is no cabinet (not approved) shows nothing either.
    pages.set(`${SITE}/unknown.html`, sitePage("Неизвестный номер", code.replace(`, ${LKO})`, ", 999999)")));
    await visitor.goto(`${SITE}/unknown.html`);
    await expect.poll(() => visitor.evaluate(() => (document.getElementById("js-show-iframe-wrapper") as HTMLElement).dataset.posBound)).toBe("1");
    await visitor.waitForTimeout(500);
    await expect(visitor.getByRole("button", { name: "Написать о проблеме" })).toBeHidden();
    await visitor.context().close();

    expect(await countMessages(page)).toBe(before);
    await page.goto(FUNCTIONING);
    await expect(page.getByRole("row").filter({ hasText: new URL(OTHER).host })).toContainText("не официальный сайт");
    // Still placed on the official site, but the copy elsewhere is named, not hidden.
    await expect(page.getByTestId("widget-status")).toContainText(`Виджет размещен: да, ${new URL(SITE).host}`);
    await expect(page.getByTestId("widget-status")).toContainText(`также на: ${new URL(OTHER).host}`);
  });

  test("код архивного кабинета на сайте: ни баннера, ни формы", async ({ browser, request }) => {
    expect(ARCHIVED_LKO).not.toBe(LKO);
    const visitor = await (await browser.newContext()).newPage();
    pages.set(`${SITE}/archived.html`, sitePage("Кабинет в архиве", code.replace(`, ${LKO})`, `, ${ARCHIVED_LKO})`)));
    const answer = visitor.waitForResponse((r) => r.url().includes(`/widget/seen?opaId=${ARCHIVED_LKO}`));
    await visitor.goto(`${SITE}/archived.html`);
    expect(await (await answer).json()).toEqual({ show: false });
    await expect.poll(() => visitor.evaluate(() => (document.getElementById("js-show-iframe-wrapper") as HTMLElement).dataset.posBound)).toBe("1");
    await visitor.waitForTimeout(500);
    await expect(visitor.locator("#js-show-iframe-wrapper")).not.toHaveClass(/pos-ready/);
    await expect(visitor.locator("#js-show-iframe-wrapper")).toBeHidden();
    await expect(visitor.getByRole("button", { name: "Написать о проблеме" })).toBeHidden();
    await expect(visitor.locator("iframe")).toHaveCount(0);
    await expect(visitor.getByRole("dialog")).toHaveCount(0);
    await visitor.context().close();

    // Its form is gone too, even by a direct link; the active cabinet's is there (the same check).
    const archivedForm = await request.get(`${BASE_URL}/form?opaId=${ARCHIVED_LKO}`);
    expect(archivedForm.status()).toBe(404);
    expect(await archivedForm.text()).toContain("Прием сообщений через эту форму не ведется.");
    expect((await request.get(`${BASE_URL}/form?opaId=${LKO}`)).status()).toBe(200);
  });
});

async function countMessages(page: Page): Promise<number> {
  if (!page.url().startsWith(BASE_URL)) await signInWithLogin(page, HEAD.email);
  await page.goto(`/admin/cabinets/${LKO}/messages`);
  const all = await page.getByRole("navigation", { name: "Отбор по статусу" }).getByRole("link", { name: /^Все:/ }).textContent();
  return Number(/\d+/.exec(all ?? "")?.[0]);
}
