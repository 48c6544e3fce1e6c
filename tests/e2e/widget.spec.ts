// Issue 6 end to end: the institution's admin sets the readiness points and the site, generates and
// copies the widget code; the institution's site (served here, on another origin) embeds exactly
// that code; a citizen writes through it; the message reaches the inbox and the placement is seen.
// Issue 21: the same on the sites people really have — a strict CSP with the code without inline
// script, late markup in SPAs (plain, React 19, Vue-like), innerHTML and the documented mount, two
// and three banners, keyboard only, a 360 px phone — and the site check naming what is wrong.
import path from "node:path";
import { buildSync } from "esbuild";
import type { Browser, BrowserContextOptions, ConsoleMessage, Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { BANNER_TEXTS, WIDGET_VARIANTS, variantById } from "../../lib/widget/banner";
import { EXAMPLE_LKO, siteSnippets } from "../../lib/widget/snippets";
import { organizationById, personById } from "../../lib/demo-world/esia-world";
import { INSTITUTION_SCENARIOS } from "../../prisma/seed/scenarios";
import { BASE_URL } from "../../playwright.config";
import { signInThroughEsia, signInWithLogin } from "./support/esia";
import { waitForMail } from "./support/mail";
import { closeSentForm, FORM_FRAME, sendThroughBanner, sitePage, testSites } from "./support/test-site";

const PORT = Number(process.env.E2E_PORT || 3100);
// The institution's official site and some other site: ports clear of the portal's own four.
const SITE = `http://127.0.0.1:${PORT + 10}`;
const OTHER = `http://127.0.0.1:${PORT + 11}`;
const HEAD = personById.get("person-mag-school-18-head")!;
// The seed numbers institutions' cabinets from 220801 in the order of INSTITUTION_SCENARIOS.
const lkoOf = (organizationId: string) => 220_801 + INSTITUTION_SCENARIOS.findIndex((s) => s.organizationId === organizationId);
const LKO = lkoOf("org-mag-school-18");
// A cabinet the seed moved to the archive after its widget was placed (scenario «cabinetArchived»).
const ARCHIVED_LKO = lkoOf(INSTITUTION_SCENARIOS.find((s) => s.scenario === "cabinetArchived")!.organizationId);
const FUNCTIONING = `/admin/cabinets/${LKO}/functioning`;
// The design and text test 1 chooses: the snippets of the site owners' page, made for this cabinet.
const SNIPPETS = siteSnippets({ portalOrigin: BASE_URL, lkoId: LKO, variant: variantById(17)!, banner: BANNER_TEXTS[1] });
/** The institution's site and some other site (./support/test-site.ts). */
const sites = testSites();
const put = sites.put;
const JS = { "Content-Type": "text/javascript; charset=utf-8" };

test.beforeAll(async () => {
  await sites.serve(SITE);
  await sites.serve(OTHER);
});
test.afterAll(async () => {
  await sites.close();
});

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

    // The code without inline script or style and each code's CSP lines: what the site owners' page's snippets are made of.
    expect(await page.getByLabel("Код без встроенных скриптов и стилей", { exact: true }).inputValue()).toBe(SNIPPETS.noInline);
    expect(await page.getByLabel("Строки политики безопасности (CSP) для кода виджета", { exact: true }).inputValue()).toBe(SNIPPETS.cspClassic);
    expect(await page.getByLabel("Строки политики безопасности (CSP) для кода без встроенных скриптов", { exact: true }).inputValue()).toBe(SNIPPETS.cspNoInline);
    await expect(page.getByRole("link", { name: "«Размещение виджета на сайте»" }).first()).toHaveAttribute("href", "/widget-guide");

    // (3) copy.
    await page.getByRole("button", { name: "Скопировать" }).first().click();
    await expect(page.getByText("Код скопирован в буфер обмена")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await expect(page.getByRole("list", { name: "Что осталось сделать" })).toHaveCount(0);

    const vk = await page.getByLabel("ВКонтакте").inputValue();
    expect(vk).toBe(`${BASE_URL}/form/?opaId=${LKO}&utm_source=vk&utm_medium=74&utm_campaign=${organizationById.get("org-mag-school-18")!.ogrn}`);
  });

  test("сайт учреждения с кодом: баннер, форма, сообщение во входящих, размещение видно", async ({ page, browser }) => {
    put(`${SITE}/`, sitePage("МОУ «СОШ № 18» — официальный сайт", code));
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

    // The cabinet's «Модератор/исполнитель сообщений» is told (issue 20: those who moderate it), in the
    // cabinet's digest of new messages (decision 078: on this stand at the job's next look; another
    // spec's message to the school at the same moment makes it a digest of several).
    await waitForMail(personById.get("person-mag-school-18-it")!.email, /^Новое сообщение гражданина|^Новые сообщения граждан/);

    await signInWithLogin(page, HEAD.email);
    await page.goto(`/admin/cabinets/${LKO}/messages`);
    // The ЛКО administrator sees the message (coordinators moderate it: messages.spec.ts walks it through).
    const item = page.getByRole("row").filter({ hasText: "нет горячей воды" });
    await expect(item).toContainText("Новое");
    await expect(item).toContainText("Питание");
    await item.getByRole("link", { name: /^№ \d+$/ }).click();
    await expect(page.getByText("+79001112233")).toBeVisible();
    await expect(page.getByText(/виджет на сайте http:\/\/127\.0\.0\.1/)).toBeVisible();

    await page.goto(FUNCTIONING);
    // The loader's report is a hint; «размещен» is the server's own check of the site (issue 17).
    await expect(page.getByTestId("widget-status")).toContainText(`загрузчик замечен на ${new URL(SITE).host}`);
    await page.getByRole("button", { name: "Проверить сайт" }).click();
    await expect(page.getByRole("list", { name: "Последние проверки сайта" })).toContainText("Виджет размещен правильно");
    await expect(page.getByTestId("widget-status")).toContainText(`Виджет размещен: да (проверка сайта ${new URL(SITE).host}`);

    // The city's IT specialist sees the same on the connection dashboard.
    await page.context().clearCookies();
    await signInThroughEsia(page, "cityIt");
    await page.goto(`/monitoring?q=${organizationById.get("org-mag-school-18")!.ogrn}`);
    const row = page.locator(`[data-testid="institution-row"][data-ogrn="${organizationById.get("org-mag-school-18")!.ogrn}"]`);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("виджет: размещён");
    await expect(row).toContainText(`проверка сайта ${new URL(SITE).host}`);
    await expect(row).not.toContainText("также на");
  });

  test("чужой сайт: форма не встраивается, сообщение не принимается, баннер не показывается", async ({ page, browser }) => {
    const before = await countMessages(page);
    const visitor = await (await browser.newContext()).newPage();
    const refusals: string[] = [];
    visitor.on("console", (m) => refusals.push(m.text()));

    // The copied code on a site that is not the official one: no banner, but the placement is flagged.
    put(`${OTHER}/copy.html`, sitePage("Чужой сайт", code));
    await visitor.goto(`${OTHER}/copy.html`);
    await expect(visitor.getByRole("heading", { name: "Чужой сайт" })).toBeVisible();
    await expect.poll(() => visitor.evaluate(() => (document.getElementById("js-show-iframe-wrapper") as HTMLElement).dataset.posBound)).toBe("1");
    await visitor.waitForTimeout(500);
    await expect(visitor.getByRole("button", { name: "Написать о проблеме" })).toBeHidden();

    // Framing the form directly is refused by the browser (CSP frame-ancestors).
    put(`${OTHER}/frame.html`, `<!DOCTYPE html><html><body><iframe id="f" title="чужая рамка" src="${BASE_URL}/form?opaId=${LKO}"></iframe></body></html>`);
    await visitor.goto(`${OTHER}/frame.html`);
    await expect.poll(() => refusals.some((t) => t.includes("frame-ancestors"))).toBe(true);
    await expect(visitor.frameLocator("#f").getByRole("heading", { name: "Сообщить о проблеме" })).toHaveCount(0);

    // A form posted from another origin is refused, and nothing is stored.
    put(
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
    put(`${SITE}/unknown.html`, sitePage("Неизвестный номер", code.replace(`, ${LKO})`, ", 999999)")));
    await visitor.goto(`${SITE}/unknown.html`);
    await expect.poll(() => visitor.evaluate(() => (document.getElementById("js-show-iframe-wrapper") as HTMLElement).dataset.posBound)).toBe("1");
    await visitor.waitForTimeout(500);
    await expect(visitor.getByRole("button", { name: "Написать о проблеме" })).toBeHidden();
    await visitor.context().close();

    expect(await countMessages(page)).toBe(before);
    await page.goto(FUNCTIONING);
    await expect(page.getByRole("row").filter({ hasText: new URL(OTHER).host })).toContainText("не официальный сайт");
    // Still placed on the official site (its check), but the copy elsewhere is named, not hidden.
    await expect(page.getByTestId("widget-status")).toContainText("Виджет размещен: да (проверка сайта");
    await expect(page.getByTestId("widget-status")).toContainText(`также на: ${new URL(OTHER).host}`);
  });

  test("код архивного кабинета на сайте: ни баннера, ни формы", async ({ browser, request }) => {
    expect(ARCHIVED_LKO).not.toBe(LKO);
    const visitor = await (await browser.newContext()).newPage();
    put(`${SITE}/archived.html`, sitePage("Кабинет в архиве", code.replace(`, ${LKO})`, `, ${ARCHIVED_LKO})`)));
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

  test("строгая CSP сайта: код без встроенных скриптов работает, код в четырех частях — с хэшами из генератора; без них проверка называет причину", async ({ browser, page }) => {
    const policy = (lines: string) => ({ "Content-Security-Policy": ["default-src 'self'", ...lines.split("\n")].join("; ") });
    // Exactly the generator's lines, nothing else from the portal: the banner is styled through the CSSOM.
    put(`${SITE}/csp-no-inline.html`, sitePage("Сайт со строгой политикой безопасности", SNIPPETS.noInline), policy(SNIPPETS.cspNoInline));
    const citizen = await visit(browser, `${SITE}/csp-no-inline.html`);
    const button = citizen.page.getByRole("button", { name: BANNER_TEXTS[1].button });
    await expect(button).toBeVisible();
    await expect(citizen.page.locator(".pos-banner-fluid.bf-17")).toHaveCSS("background-color", "rgb(232, 239, 255)");
    await expect(citizen.page.locator(".pos-banner__text")).toHaveText(BANNER_TEXTS[1].text);
    await writeThroughBanner(citizen.page, button, "На сайте со строгой политикой безопасности форма открылась.");
    expect(citizen.problems()).toEqual([]);
    await citizen.close();

    put(`${SITE}/csp-classic.html`, sitePage("Четыре части и хэши", code), policy(SNIPPETS.cspClassic));
    const classic = await visit(browser, `${SITE}/csp-classic.html`);
    await writeThroughBanner(classic.page, classic.page.getByRole("button", { name: BANNER_TEXTS[1].button }), "Код в четырех частях со строками CSP из генератора работает.");
    expect(classic.problems()).toEqual([]);
    await classic.close();

    // The four-part code under a policy without its hashes: the check says why and what to add.
    put(`${SITE}/`, sitePage("МОУ «СОШ № 18» — официальный сайт", code), policy(SNIPPETS.cspNoInline));
    await signInWithLogin(page, HEAD.email);
    await page.goto(FUNCTIONING);
    const latest = await checkSiteNow(page);
    await expect(latest).toContainText("Код виджета на странице не сработает");
    const [scriptLine, styleLine] = SNIPPETS.cspClassic.split("\n");
    await expect(latest).toContainText(`Политика безопасности сайта (CSP) блокирует виджет: добавьте в script-src ${scriptLine.split(" ")[2]}; в default-src ${styleLine.split(" ")[1]}.`);
  });

  test("SPA: разметка позже вызова Widget(), React 19 и Vue-подобное приложение — баннер после переходов, один раз", async ({ browser }) => {
    const markup = /<div id='js-show-iframe-wrapper'>[\s\S]*<\/div><\/div><\/div>/.exec(code)![0];
    const style = /<style>[\s\S]*<\/style>/.exec(code)![0];
    const loaderLine = code.split("\n")[0];
    // A plain SPA with today's code, as site owners wire it: the view calls Widget() when it opens,
    // before it renders the markup (on every visit); the first visit calls it once more after rendering
    // (a framework's second render), which must not bind anything twice.
    put(`${SITE}/spa/`, sitePage("Одностраничное приложение", `<nav><a href="/spa/" data-go="home">Главная</a> <a href="/spa/news" data-go="news">Новости</a></nav><main id="view"></main><script src="/spa/app.js"></script>`, `${loaderLine}${style}`));
    put(`${SITE}/spa/app.js`, `
      var markup = ${JSON.stringify(markup)};
      function show(route) {
        var view = document.getElementById("view");
        if (route === "home") {
          Widget(${JSON.stringify(`${BASE_URL}/form`)}, ${LKO});
          setTimeout(function () {
            view.innerHTML = "<h2>Главная</h2>" + markup;
            if (!window.rendered) Widget(${JSON.stringify(`${BASE_URL}/form`)}, ${LKO});
            window.rendered = true;
          }, 300);
        } else view.innerHTML = "<h2>Новости</h2><p>Новостей нет.</p>";
      }
      document.addEventListener("click", function (e) {
        var go = e.target.getAttribute && e.target.getAttribute("data-go");
        if (!go) return;
        e.preventDefault();
        history.pushState(null, "", e.target.href);
        show(go);
      });
      show("home");`, JS);
    const spa = await visit(browser, `${SITE}/spa/`);
    const button = spa.page.getByRole("button", { name: BANNER_TEXTS[1].button });
    await expect(button).toBeVisible();
    for (let round = 0; round < 2; round++) {
      await spa.page.getByRole("link", { name: "Новости" }).click();
      await expect(button).toHaveCount(0);
      await spa.page.getByRole("link", { name: "Главная" }).click();
      await expect(button).toBeVisible();
    }
    await writeThroughBanner(spa.page, button, "Баннер одностраничного приложения после двух переходов.");
    // One report for the page, one message in Russian about the call that came before its markup.
    expect(spa.seen).toHaveLength(1);
    expect(spa.problems()).toEqual([expect.stringMatching(/^ПОС: Widget\(…, \d+\): на странице нет разметки баннера #js-show-iframe-wrapper, баннер появится, когда она будет добавлена\. Подробнее: .*\/widget-guide$/)]);
    await spa.close();

    // React 19: the guide's two components, bundled as a site would; routes switch in state.
    put(`${SITE}/react/`, sitePage("Сайт на React", `<div id="root"></div><script src="/react/app.js"></script>`));
    put(`${SITE}/react/app.js`, reactApp(SNIPPETS.react), JS);
    const react = await visit(browser, `${SITE}/react/`);
    const reactButton = react.page.getByRole("button", { name: BANNER_TEXTS[1].button });
    await expect(reactButton).toBeVisible();
    await react.page.getByRole("button", { name: "Новости" }).click();
    await expect(reactButton).toHaveCount(0);
    await react.page.getByRole("button", { name: "Главная" }).click();
    await expect(reactButton).toHaveCount(1);
    await writeThroughBanner(react.page, reactButton, "Баннер на сайте на React после перехода между страницами.");
    expect(await react.page.locator("script[src$='/widget/script.min.js']").count()).toBe(1);
    expect(react.problems()).toEqual([]);
    await react.close();

    // Vue-like: the loader in index.html, the component's template put into the page on each route.
    const template = /<template>\s*([\s\S]*?)\s*<\/template>/.exec(SNIPPETS.vue)![1];
    put(`${SITE}/vue/`, sitePage("Сайт на Vue", `<button id="home">Главная</button> <button id="news">Новости</button><div id="app"></div><script src="/vue/app.js"></script>`, SNIPPETS.vueIndex));
    put(`${SITE}/vue/app.js`, `
      var app = document.getElementById("app");
      function mount(route) { app.innerHTML = route === "home" ? "<h2>Главная</h2>" + ${JSON.stringify(template)} : "<h2>Новости</h2>"; }
      document.getElementById("home").onclick = function () { mount("home"); };
      document.getElementById("news").onclick = function () { mount("news"); };
      mount("home");`, JS);
    const vue = await visit(browser, `${SITE}/vue/`);
    const vueButton = vue.page.getByRole("button", { name: BANNER_TEXTS[1].button });
    await expect(vueButton).toBeVisible();
    await vue.page.getByRole("button", { name: "Новости" }).click();
    await vue.page.getByRole("button", { name: "Главная" }).click();
    await expect(vueButton).toHaveCount(1);
    await vueButton.click();
    await expect(vue.page.getByRole("dialog")).toHaveCount(1);
    await expect(vue.page.frameLocator(FORM_FRAME).getByRole("heading", { name: "Сообщить о проблеме" })).toBeVisible();
    expect(vue.seen).toHaveLength(1);
    expect(vue.problems()).toEqual([]);
    await vue.close();
  });

  test("CMS вставляет HTML через innerHTML: загрузчик в шаблоне и документированный вызов Widget.mount()", async ({ browser }) => {
    put(`${SITE}/cms.html`, sitePage("Новости школы", `<article id="content"></article><script src="/cms.js"></script>`, SNIPPETS.cmsTemplate));
    // The editor's HTML block, as CMSs insert it; then the documented call.
    put(`${SITE}/cms.js`, `window.addEventListener("load", function () {
      document.getElementById("content").innerHTML = "<p>Текст новости.</p>" + ${JSON.stringify(SNIPPETS.cmsPlace)};
      ${SNIPPETS.mount}
    });`, JS);
    const cms = await visit(browser, `${SITE}/cms.html`);
    const button = cms.page.getByRole("button", { name: BANNER_TEXTS[1].button });
    await writeThroughBanner(cms.page, button, "Баннер, вставленный редактором сайта через innerHTML.");
    expect(cms.problems()).toEqual([]);

    // Today's four-part code pasted through innerHTML does not run (no banner), and the mount call
    // on a page with no place for a banner says so once, in Russian.
    await cms.page.evaluate((snippet) => {
      document.getElementById("content")!.innerHTML = snippet;
      const w = window as unknown as { Widget: { mount: () => number } };
      return [w.Widget.mount(), w.Widget.mount()];
    }, code);
    await expect(cms.page.getByRole("button", { name: BANNER_TEXTS[1].button })).toBeHidden();
    expect(cms.problems()).toEqual([expect.stringMatching(/^ПОС: Widget\.mount\(\): на странице нет элементов с data-opa-id\./)]);
    await cms.close();
  });

  test("два баннера — оба работают; три — показаны два, в консоли сказано почему, проверка сайта называет ошибку", async ({ browser, page }) => {
    put(`${SITE}/two.html`, sitePage("Два баннера", `${code}\n<aside>${SNIPPETS.noInline}</aside>`));
    const two = await visit(browser, `${SITE}/two.html`);
    const buttons = two.page.getByRole("button", { name: BANNER_TEXTS[1].button });
    await expect(buttons).toHaveCount(2);
    await writeThroughBanner(two.page, buttons.nth(1), "Второй из двух баннеров на странице.");
    await writeThroughBanner(two.page, buttons.nth(0), "Первый из двух баннеров на странице.");
    expect(two.problems()).toEqual([]);
    await two.close();

    const three = sitePage("Три баннера", [SNIPPETS.noInline, SNIPPETS.noInline, SNIPPETS.noInline].join("\n<hr>\n"));
    put(`${SITE}/three.html`, three);
    const visitor = await visit(browser, `${SITE}/three.html`);
    await expect(visitor.page.getByRole("button", { name: BANNER_TEXTS[1].button })).toHaveCount(2);
    await visitor.page.waitForTimeout(300);
    await expect(visitor.page.getByRole("button", { name: BANNER_TEXTS[1].button })).toHaveCount(2);
    // One report for the three (the same cabinet and design).
    expect(visitor.seen).toHaveLength(1);
    expect(visitor.problems()).toEqual([expect.stringMatching(/^ПОС: больше двух баннеров на странице, показаны два\./)]);
    await visitor.close();

    put(`${SITE}/`, three);
    await signInWithLogin(page, HEAD.email);
    await page.goto(FUNCTIONING);
    const latest = await checkSiteNow(page);
    await expect(latest).toContainText("Больше двух виджетов на странице");
    await expect(latest).toContainText("Найдено виджетов: 3; на странице допускается не больше 2");
  });

  test("только клавиатура: Tab до кнопки, Enter — в первое поле формы, фокус не уходит из окна, Esc закрывает, фокус возвращается; страница за окном не прокручивается", async ({ browser }) => {
    const links = '<nav><a href="#a">Главная</a> <a href="#b">Новости</a></nav>';
    put(`${SITE}/keyboard.html`, sitePage("Сайт для клавиатуры", `${links}\n${code}\n<div style="height:2000px"></div><a href="#c">Контакты</a>`));
    const kb = await visit(browser, `${SITE}/keyboard.html`);
    const p = kb.page;
    const button = p.getByRole("button", { name: BANNER_TEXTS[1].button });
    await expect(button).toBeVisible();
    for (let i = 0; i < 5 && !(await button.evaluate((b) => b === document.activeElement)); i++) await p.keyboard.press("Tab");
    await expect(button).toBeFocused();

    await p.keyboard.press("Enter");
    const dialog = p.getByRole("dialog", { name: "Сообщение в Платформу обратной связи" });
    const form = p.frameLocator(FORM_FRAME);
    await expect(form.getByLabel("Тема сообщения")).toBeFocused();
    // Backwards: the dialog's «Закрыть», then round to the form's last control.
    await p.keyboard.press("Shift+Tab");
    await expect(dialog.getByRole("button", { name: "Закрыть" })).toBeFocused();
    await p.keyboard.press("Shift+Tab");
    await expect(form.getByRole("button", { name: "Отправить сообщение" })).toBeFocused();
    // Forwards round the whole dialog: never the site's links behind it.
    for (let i = 0; i < 9; i++) {
      await p.keyboard.press("Tab");
      expect(await p.evaluate(() => Boolean(document.activeElement?.closest(".pos-dialog"))), `Tab ${i + 1}`).toBe(true);
    }
    await expect(form.getByLabel("Тема сообщения")).toBeFocused();

    const scrolled = await p.evaluate(() => window.scrollY);
    await p.mouse.move(5, 5);
    await p.mouse.wheel(0, 1200);
    await p.waitForTimeout(300);
    expect(await p.evaluate(() => window.scrollY)).toBe(scrolled);

    // Esc inside the form closes the dialog; focus goes back to the banner's button.
    await p.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(button).toBeFocused();

    // And a message written with the keyboard alone.
    await p.keyboard.press("Enter");
    await expect(form.getByLabel("Тема сообщения")).toBeFocused();
    await p.keyboard.press("ArrowDown");
    await p.keyboard.press("Tab");
    await p.keyboard.type("Сообщение, написанное только с клавиатуры.");
    await p.keyboard.press("Tab");
    await p.keyboard.type("Клавиатурова Анна");
    await p.keyboard.press("Tab");
    await p.keyboard.type("anna@mail.demo.test");
    await p.keyboard.press("Tab");
    await p.keyboard.press("Space");
    await p.keyboard.press("Tab");
    await p.keyboard.press("Enter");
    await expect(form.getByRole("heading", { name: "Сообщение отправлено" })).toBeVisible();
    await expect(form.getByRole("button", { name: "Закрыть" })).toBeFocused();
    await p.keyboard.press("Enter");
    await expect(dialog).toHaveCount(0);
    await expect(button).toBeFocused();
    expect(kb.problems()).toEqual([]);
    await kb.close();
  });

  test("телефон 360 px: баннер помещается, форма открывается касанием, сообщение отправляется", async ({ browser }) => {
    put(`${SITE}/phone.html`, sitePage("Сайт на телефоне", SNIPPETS.noInline));
    const phone = await visit(browser, `${SITE}/phone.html`, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const p = phone.page;
    const button = p.getByRole("button", { name: BANNER_TEXTS[1].button });
    await expect(button).toBeVisible();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const banner = (await p.locator(".pos-banner-fluid").boundingBox())!;
    expect(banner.x).toBeGreaterThanOrEqual(0);
    expect(banner.x + banner.width).toBeLessThanOrEqual(360);
    await button.tap();
    const box = (await p.getByRole("dialog").boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    const form = p.frameLocator(FORM_FRAME);
    await form.getByLabel("Тема сообщения").selectOption({ label: "Питание" });
    await form.getByLabel("Опишите проблему").fill("Сообщение с телефона: экран 360 пикселей.");
    await form.getByLabel("Как к вам обращаться").fill("Телефонова Ольга");
    await form.getByLabel("Электронная почта или телефон для ответа").fill("8 (900) 222-33-44");
    await form.getByLabel("Я даю согласие на обработку моих персональных данных").check();
    await form.getByRole("button", { name: "Отправить сообщение" }).tap();
    await expect(form.getByRole("heading", { name: "Сообщение отправлено" })).toBeVisible();
    expect(phone.problems()).toEqual([]);
    await phone.close();
  });

  test("страница для владельцев сайтов показывает те же фрагменты кода, что проверены выше", async ({ page }) => {
    await page.goto("/widget-guide");
    await expect(page.getByRole("heading", { level: 1, name: "Размещение виджета на сайте" })).toBeVisible();
    const example = siteSnippets({ portalOrigin: BASE_URL, lkoId: EXAMPLE_LKO, variant: WIDGET_VARIANTS[0], banner: BANNER_TEXTS[0] });
    for (const [name, text] of Object.entries(example)) {
      expect(await page.locator(`[data-snippet="${name}"]`).textContent(), name).toBe(text);
    }
    for (const heading of ["Обычный сайт (HTML)", "Сайт на CMS", "React и Next.js", "Vue", "Политика безопасности сайта (CSP)", "Как проверить размещение"]) {
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    }
  });
});

async function countMessages(page: Page): Promise<number> {
  if (!page.url().startsWith(BASE_URL)) await signInWithLogin(page, HEAD.email);
  await page.goto(`/admin/cabinets/${LKO}/messages`);
  const all = await page.getByRole("navigation", { name: "Папки сообщений" }).getByRole("link", { name: /^Все:/ }).textContent();
  return Number(/\d+/.exec(all ?? "")?.[0]);
}

/** A citizen's visit in a browser of its own: console warnings and errors, and the loader's reports. */
async function visit(browser: Browser, url: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const messages: ConsoleMessage[] = [];
  const seen: string[] = [];
  page.on("console", (m) => messages.push(m));
  page.on("request", (r) => {
    if (r.url().includes("/widget/seen")) seen.push(r.url());
  });
  await page.goto(url);
  return {
    page, seen,
    /** Warnings and errors in the site owner's console (the page's and the form's). */
    problems: () => messages.filter((m) => m.type() === "warning" || m.type() === "error").map((m) => m.text()),
    close: () => context.close(),
  };
}

/** Opens the form from a banner's button, sends a message and closes the dialog. */
async function writeThroughBanner(page: Page, button: Locator, text: string) {
  await closeSentForm(page, await sendThroughBanner(page, button, { text }), button);
}

/** «Проверить сайт», again after the half minute the portal asks between checks; the latest check. */
async function checkSiteNow(page: Page): Promise<Locator> {
  await expect(async () => {
    await page.getByRole("button", { name: "Проверить сайт" }).click();
    await expect(page.getByText("Проверка выполнена.")).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 50_000, intervals: [5_000] });
  return page.getByRole("list", { name: "Последние проверки сайта" }).getByRole("listitem").first();
}

/** The guide's React module (two components) in a small app whose routes switch in state, bundled as a site would. */
function reactApp(snippet: string): string {
  const app = `${snippet}
import { useState } from "react";
import { createRoot } from "react-dom/client";
function App() {
  const [route, setRoute] = useState("home");
  return (
    <>
      <PosWidgetLoader />
      <nav><button onClick={() => setRoute("home")}>Главная</button> <button onClick={() => setRoute("news")}>Новости</button></nav>
      {route === "home" ? <section><h2>Главная</h2><PosBanner /></section> : <section><h2>Новости</h2></section>}
    </>
  );
}
createRoot(document.getElementById("root")!).render(<App />);`;
  const result = buildSync({
    stdin: { contents: app, loader: "tsx", resolveDir: path.resolve(import.meta.dirname, "../..") },
    bundle: true, format: "iife", jsx: "automatic", minify: true, write: false, logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  return result.outputFiles[0].text;
}
