// Issue 8 in the browser: security headers on the running app, pages hydrating under the CSP with
// no violation, stored HTML shown as text (never run), and attacks on sign-in: a replayed ЕСИА
// answer, a swapped redirect_uri, a planted session cookie.
// Institutions used here (the e2e database is shared by all files): МОУ «СОШ № 33» (citizen form,
// cabinet 220815), МУК «ЦНТ» (a request filed by its head, reviewed by the Управление культуры;
// МОУ «СОШ № 36» belongs to the guide screenshots).
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { DEMO_PASSWORD, personById } from "../../lib/demo-world/esia-world";
import { BASE_URL } from "../../playwright.config";
import { grantOrganizationRights, signInThroughEsia, signInWithLogin } from "./support/esia";
import { startPlainServer, type PlainServer } from "./support/plain-server";

const ESIA = `http://localhost:${Number(process.env.E2E_PORT || 3100) + 1}`;
const SCHOOL_33_LKO = 220815;
const CULTURE_7_HEAD = personById.get("person-mag-culture-7-head")!;
const CULTURE_7 = "МУК «ЦНТ»";
const XSS = {
  text: `Сломана ограда у школы <img src=x onerror="window.__xss='text'"><script>window.__xss='script'</script>`,
  name: `Петров <b onmouseover="window.__xss='name'">Иван</b>`,
  request: `Центр № 7 <img src=x onerror="window.__xss='request'"> <script>window.__xss='request'</script>`,
};

/** Every CSP violation and every console error the page shows (CDP sees them even under CSP). */
function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (m) => {
    // A refusal page (the form's 422) is an answer, not a fault. The widget previews are sandboxed
    // iframes without scripts: Chromium refuses this test's own init script there, as it should.
    const expected = /^Failed to load resource: the server responded with a status of 4\d\d|^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/;
    if (m.type() === "error" && !expected.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return problems;
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

test.describe("заголовки безопасности", () => {
  test("страницы портала: CSP с nonce, запрет встраивания, Referrer-Policy, nosniff, Permissions-Policy; HSTS только на https", async ({ request }) => {
    // A page React renders for its request (the guest home comes from Next's cache, as the public status).
    const first = await request.get("/signin");
    const second = await request.get("/widget-guide");
    const h = first.headers();
    const csp = h["content-security-policy"];
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`form-action 'self' ${ESIA}`);
    expect(h).toMatchObject({
      "x-frame-options": "DENY", "x-content-type-options": "nosniff", "referrer-policy": "same-origin", "cross-origin-opener-policy": "same-origin",
    });
    expect(h["permissions-policy"]).toContain("camera=()");
    // The test server speaks http: no HSTS there (production on https gets it, tests/unit/security/headers.test.ts).
    expect(h["strict-transport-security"]).toBeUndefined();
    // Next's own scripts carry this response's nonce, and every response has its own.
    expect(await first.text()).toContain(`nonce="${nonce}"`);
    expect(/'nonce-([^']+)'/.exec(second.headers()["content-security-policy"])![1]).not.toBe(nonce);
    // Route handlers of the portal too.
    expect((await request.get("/api/ping")).headers()["x-frame-options"]).toBe("DENY");
  });

  test("форма гражданина — своя политика (встраивает только официальный сайт), загрузчик виджета — для любого сайта", async ({ request }) => {
    const form = await request.get("/form?opaId=220807");
    const csp = form.headersArray().filter((x) => x.name.toLowerCase() === "content-security-policy");
    expect(csp).toHaveLength(1);
    expect(csp[0].value).toMatch(/frame-ancestors (https?:\/\/[^;]+|'none')/);
    expect(csp[0].value).not.toContain("frame-ancestors 'none'; frame-ancestors");
    expect(form.headers()["x-frame-options"]).toBeUndefined();
    const loader = await request.get("/widget/script.min.js");
    expect(loader.headers()["content-security-policy"]).toBeUndefined();
    expect(loader.headers()["x-frame-options"]).toBeUndefined();
    expect(loader.headers()["cross-origin-resource-policy"]).toBe("cross-origin");
  });

  test("встраиваемая страница статуса встраивается где угодно", async ({ request }) => {
    const embed = await request.get("/status/75738000/embed");
    expect(embed.status()).toBe(200);
    expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
    expect(embed.headers()["x-frame-options"]).toBeUndefined();
  });
});

test("страницы оживают под CSP и ничего не нарушают", async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watch(page);
  await page.goto("/");
  await page.goto("/signin");
  await signInThroughEsia(page, "organAdmin");
  for (const path of ["/start", "/admin", "/admin/requests", "/admin/cabinets/220806", "/admin/cabinets/220806/accounts", "/admin/cabinets/220806/functioning", "/admin/cabinets/220806/messages", "/admin/cabinets/220806/history", "/monitoring", "/registration", "/dev/mail"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // Next's client runtime set itself up: its scripts ran with the nonce.
    expect(await page.evaluate(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version)), `${path}: страница не ожила`).toBe(true);
    expect(await cspViolations(page), path).toEqual([]);
  }
  // The widget generator's previews (iframe srcdoc with their own styles) work under the policy.
  await page.goto("/admin/cabinets/220806/functioning");
  await expect(page.locator("iframe[title^='Предпросмотр']").first()).toBeVisible();
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test("публичные страницы статуса и главная гостя (решение 079): из кэша Next, без единого скрипта, под CSP без 'unsafe-inline' — и без ошибок в браузере", async ({ page, request }) => {
  const problems = watch(page);
  for (const path of ["/", "/status", "/status/75738000", "/status/75738000?page=2", "/status/75738000/embed", "/api/status?oktmo=75738000"]) {
    // The first render brings the status rows up to date; if that changed any, the next request
    // starts a new generation of renders (lib/status/public-routes.ts): two requests warm it.
    await request.get(path);
    const first = await request.get(path);
    const second = await request.get(path);
    expect(second.status(), path).toBe(200);
    // The second answer is Next's cached render, byte for byte (its «Обновлено …» time included).
    expect(second.headers()["x-nextjs-cache"], path).toBe("HIT");
    expect(await second.text(), path).toBe(await first.text());
    expect(second.headers()["cache-control"], path).toMatch(/^public, max-age=\d+/);
  }
  // The low-vision version (its cookie, decision 063) is a render of its own.
  const low = await request.get("/status/75738000", { headers: { cookie: "pos_vision=low" } });
  expect(await low.text()).toContain('data-vision="low"');
  expect(await (await request.get("/status/75738000")).text()).not.toContain('data-vision="low"');
  // A search is answered for its request (free text would grow the cache without bound).
  expect((await request.get("/status/75738000?q=%D0%A1%D0%9E%D0%A8")).headers()["x-nextjs-cache"]).toBeUndefined();
  // Behind a TLS-terminating proxy, on a server bound to 127.0.0.1 as here: the render is reached
  // inside the server, not by a request to itself (lib/ui/cached-renders.ts; that one failed with 500).
  for (const path of ["/", "/status/75738000", "/api/status?oktmo=75738000"]) {
    const behindTls = await request.get(path, { headers: { "x-forwarded-proto": "https" } });
    expect(behindTls.status(), path).toBe(200);
    expect(behindTls.headers()["x-nextjs-cache"], path).toBe("HIT");
  }
  for (const path of ["/", "/status", "/status/75738000"]) {
    const response = await request.get(path);
    const policy = response.headers()["content-security-policy"];
    expect(policy, path).toContain("script-src 'none'");
    expect(policy, path).not.toContain("unsafe-inline");
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(await response.text(), path).not.toMatch(/<script/i);
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // The portal's own stylesheets arrived (a plain page would show Times and no card frames).
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily), path).toContain("Golos Text");
    expect(await cspViolations(page), path).toEqual([]);
  }
  // From a page of the portal (Next's router, its links prefetch) the header's link leads there too.
  await page.goto("/widget-guide");
  await page.getByRole("navigation", { name: "Основная навигация" }).getByRole("link", { name: "Статус подключения" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Статус подключения учреждений" })).toBeVisible();
  // The links lead on without a script: a municipality, its second page, back to the list.
  await page.goto("/status");
  await page.getByRole("link", { name: "Магнитогорский городской округ" }).click();
  await page.getByRole("link", { name: /Следующая/ }).click();
  await expect(page).toHaveURL(/\/status\/75738000\?page=2$/);
  await expect(page.getByText(/^Страница 2 из \d+$/)).toBeVisible();
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test.describe("сохранённый HTML показывается текстом и не выполняется", () => {
  test("сообщение гражданина: форма, повторный показ с ошибкой, входящие органа", async ({ page, context }) => {
    const problems = watch(page);
    await page.goto(`/form?opaId=${SCHOOL_33_LKO}`);
    await page.getByLabel("Тема").selectOption("safety");
    await page.getByLabel("Опишите проблему").fill(XSS.text);
    await page.getByLabel("Как к вам обращаться").fill(XSS.name);
    // A wrong contact first: the form comes back with everything typed, escaped.
    await page.getByLabel(/Электронная почта или телефон/).fill("не контакт <script>window.__xss='contact'</script>");
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: /Отправить/ }).click();
    await expect(page.getByText("Укажите электронную почту (name@example.ru) или телефон (+7 900 123-45-67).")).toBeVisible();
    await expect(page.getByLabel("Опишите проблему")).toHaveValue(XSS.text);
    await expect(page.getByLabel("Как к вам обращаться")).toHaveValue(XSS.name);
    await page.getByLabel(/Электронная почта или телефон/).fill("petrov@mail.demo.test");
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: /Отправить/ }).click();
    await expect(page.getByText(/Сообщение отправлено/)).toBeVisible();

    await context.clearCookies();
    await signInThroughEsia(page, "organAdmin");
    await page.goto(`/admin/cabinets/${SCHOOL_33_LKO}/messages`);
    await expect(page.getByText(XSS.text).first()).toBeVisible();
    await page.getByRole("row").filter({ hasText: XSS.text }).first().getByRole("link", { name: /^№ \d+$/ }).click();
    await expect(page.getByText(XSS.text, { exact: true })).toBeVisible();
    await expect(page.getByText(XSS.name, { exact: true })).toBeVisible();
    await page.getByText(XSS.name, { exact: true }).hover();
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(await page.locator("main img[src='x'], main b[onmouseover]").count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test("название кабинета в заявке: страница заявителя, очередь и карточка органа", async ({ browser }) => {
    const applicant = await (await browser.newContext()).newPage();
    const problems = watch(applicant);
    await signInWithLogin(applicant, CULTURE_7_HEAD.email);
    await applicant.goto("/registration/work");
    await applicant.getByLabel("Название кабинета").fill(XSS.request);
    await applicant.getByLabel("Тип кабинета").selectOption({ label: "Подведомственная ОМСУ организация" });
    const editorial = applicant.getByLabel("Редакция");
    await editorial.selectOption((await editorial.locator("option", { hasText: "Управление культуры (ЛКО" }).getAttribute("value"))!);
    await applicant.getByRole("checkbox", { name: "Культура", exact: true }).check();
    await applicant.getByLabel("Электронная почта").fill("office@mag-culture7.demo.test");
    await applicant.getByRole("button", { name: "Создать кабинет" }).click();
    await expect(applicant.getByText("Ваша заявка на подключение кабинета находится на рассмотрении")).toBeVisible();
    await expect(applicant.getByLabel("Название кабинета")).toHaveValue(XSS.request);

    const reviewer = await (await browser.newContext()).newPage();
    problems.push(...watch(reviewer));
    await signInThroughEsia(reviewer, "otherOrganAdmin");
    await reviewer.goto("/admin/requests");
    await reviewer.getByRole("link", { name: CULTURE_7 }).click();
    await expect(reviewer.getByRole("heading", { level: 1, name: CULTURE_7 })).toBeVisible();
    await expect(reviewer.getByText(XSS.request, { exact: true }).first()).toBeVisible();
    for (const p of [applicant, reviewer]) {
      expect(await p.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
      expect(await p.locator("main img[src='x']").count()).toBe(0);
    }
    expect(problems).toEqual([]);
  });
});

test.describe("атаки на вход", () => {
  test("повтор ответа ЕСИА (код и state) в другом браузере не впускает", async ({ browser }) => {
    const victim = await browser.newContext();
    const page = await victim.newPage();
    const answers: string[] = [];
    page.on("request", (r) => {
      if (/\/api\/(esia|auth)\/callback/.test(r.url())) answers.push(r.url());
    });
    await signInThroughEsia(page, "operator");
    await expect(page).toHaveURL(/\/start$/);
    expect(answers.map((u) => new URL(u).pathname)).toEqual(["/api/esia/callback", "/api/auth/callback/esia"]);

    // The attacker replays both answers in a browser of their own: without the handshake cookie
    // the first is refused; the second has no next-auth state cookie, and the code is spent anyway.
    const attacker = await (await browser.newContext()).newPage();
    await attacker.goto(answers[0]);
    await expect(attacker.getByRole("heading", { level: 1, name: "Вход не выполнен" })).toBeVisible();
    await attacker.goto(answers[1]);
    await attacker.goto("/start");
    await expect(attacker).toHaveURL(/\/signin$/);
    // The victim's own browser replaying its answer does not get a second session either.
    await page.goto(answers[0]);
    await expect(page.getByRole("heading", { level: 1, name: "Вход не выполнен" })).toBeVisible();
  });

  test("подменённый redirect_uri: ЕСИА не отправляет код на чужой адрес", async ({ page }) => {
    // The portal's redirect to ЕСИА, rewritten on the way (a browser extension, a proxy): the
    // redirect_uri now names the attacker's site. Redirects are not routed, so the portal's answer is.
    await page.route("**/api/esia/authorize?**", async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      const location = new URL(response.headers().location);
      location.searchParams.set("redirect_uri", "https://attacker.demo.test/steal");
      await route.fulfill({ response, headers: { ...response.headers(), location: location.toString() } });
    });
    await page.goto("/signin");
    await page.getByRole("button", { name: "Войти через ЕСИА" }).click();
    await expect(page.getByText(/ESIA-007023/)).toBeVisible();
    expect(new URL(page.url()).hostname).toBe("localhost");
  });

  test("подброшенная cookie сеанса заменяется при входе: злоумышленник не получает сеанс жертвы", async ({ browser }) => {
    // The attacker's own session, as a citizen without organizations.
    const attackerContext = await browser.newContext();
    const attacker = await attackerContext.newPage();
    await signInThroughEsia(attacker, "noOrg");
    const planted = (await attackerContext.cookies(BASE_URL)).find((c) => c.name === "next-auth.session-token")!;
    expect(planted.httpOnly).toBe(true);
    expect(planted.sameSite).toBe("Lax");

    // Planted in the victim's browser: the portal shows the attacker's session (a cookie is a
    // cookie) until the victim signs in — which must give a new session, not upgrade this one.
    const victimContext = await browser.newContext();
    await victimContext.addCookies([{ ...planted }]);
    const victim = await victimContext.newPage();
    await victim.goto("/start");
    await expect(victim.getByRole("heading", { level: 1, name: "Нет организаций для работы" })).toBeVisible();
    // Sign-in started as the «Войти через ЕСИА» button does it (next-auth's form post with its CSRF token).
    await victim.evaluate(async () => {
      const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
      const form = document.createElement("form");
      form.method = "post";
      form.action = "/api/auth/signin/esia";
      for (const [name, value] of Object.entries({ csrfToken, callbackUrl: "/start" })) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    });
    const person = personById.get("person-organ-admin")!;
    await victim.getByLabel("Телефон / Email / СНИЛС").fill(person.email);
    await victim.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await victim.getByRole("button", { name: "Войти", exact: true }).click();
    await grantOrganizationRights(victim, person.memberships[0].organizationId);
    await expect(victim.getByRole("heading", { level: 1, name: "Управление образования" })).toBeVisible();
    const after = (await victimContext.cookies(BASE_URL)).find((c) => c.name === "next-auth.session-token")!;
    expect(after.value).not.toBe(planted.value);

    // The planted cookie still names the attacker's own session, not the victim's.
    await attacker.goto("/start");
    await expect(attacker.getByRole("heading", { level: 1, name: "Нет организаций для работы" })).toBeVisible();
  });
});

// Issue 17, findings 2 and 6, on a production server as an operator runs it (support/plain-server.ts).
test.describe("production-сервер без демонстрационного стенда", () => {
  test.describe.configure({ timeout: 180_000 });
  let server: PlainServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startPlainServer({ dropTable: "ConnectionStatus" });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("«Почта (демо)» не найдена, хотя адрес перехватчика задан, и в меню её нет", async ({ request }) => {
    const res = await request.get(`${server.url}/dev/mail`);
    expect(res.status()).toBe(404);
    expect(await res.text()).not.toContain("Почта (демо)");
  });

  test("NUL в адресе — 400 с объяснением по-русски, до базы", async ({ request }) => {
    for (const path of ["/status/75738000?q=%00", "/status/75738000/embed?q=%00", "/monitoring?q=%00", "/admin?q=%00", "/admin/cabinets/220806/accounts?q=%00"]) {
      const res = await request.get(`${server.url}${path}`, { maxRedirects: 0 });
      expect(res.status(), path).toBe(400);
      expect(await res.text(), path).toContain("недопустимый невидимый символ");
    }
    const api = await request.get(`${server.url}/api/status?oktmo=75738000&q=%00`);
    expect(api.status()).toBe(400);
    expect((await api.json()).error).toContain("недопустимый невидимый символ");
  });

  test("подделанный X-Forwarded-For не меняет адрес: ограничение входа держится", async ({ request }) => {
    // Forged returns from ЕСИА by one browser (its sign-in cookie), each «from» another address.
    const cookie = "pos.signin-client=forging-browser-1";
    for (let i = 0; i < 6; i++) {
      const res = await request.get(`${server.url}/api/esia/callback?code=x&state=forged-${i}`, { headers: { cookie, "x-forwarded-for": `198.51.100.${i}` }, maxRedirects: 0 });
      expect(res.status()).toBe(303);
    }
    const start = await request.get(`${server.url}/api/esia/authorize?state=abc`, { headers: { cookie, "x-forwarded-for": "192.0.2.77" }, maxRedirects: 0 });
    expect(start.headers().location).toContain("reason=throttled");
  });

  test("страница со сбоем базы: по-русски, с кодом ошибки, без сообщения базы и путей к файлам", async ({ page, request }) => {
    const leaks = [/ConnectionStatus/i, /relation|does not exist|prisma|PGlite|Postgres/i, /\/work\/|node_modules|\.next\/|\.tsx?\b|webpack|turbopack/i, /\bat\s+\S+\s+\(/];
    for (const path of ["/status", "/api/status"]) {
      const res = await request.get(`${server.url}${path}`);
      expect(res.status(), path).toBe(500);
      // The page's own script files (/_next/static/chunks/turbopack-….js) are not a leak.
      // and neither is the bundler's own bootstrap (globalThis["TURBOPACK"]).
      const body = (await res.text()).replace(/(?:\/_next\/)?static\/(?:chunks|css|media)\/[^"'\s\\]+/g, "").replace(/globalThis\[\\?"TURBOPACK\\?"\]/g, "");
      for (const leak of leaks) expect(body, `${path}: ${leak}`).not.toMatch(leak);
    }
    await page.goto(`${server.url}/status`);
    await expect(page.getByRole("heading", { level: 1, name: "Не удалось открыть страницу" })).toBeVisible();
    await expect(page.getByText(/Код ошибки: \S+/)).toBeVisible();
    const shown = await page.locator("body").innerText();
    for (const leak of leaks) expect(shown, String(leak)).not.toMatch(leak);
    // The server's own log has the cause: the operator can find it.
    expect(server.output()).toMatch(/ConnectionStatus/);
  });
});
