// Issue 7 end to end: the city's IT specialist filters the connection dashboard to one управление,
// sorts it by status, downloads CSV and XLSX of that view (the files are read here), reminds the
// late institutions (the mails arrive), and the public page shows the same counts without
// personal data. Then who may not: a person without the role, and an управление's own IT
// specialist (invited through the ЛКО administration), who sees only that управление's tree.
// Works with Управление культуры (10 institutions) and the city's totals, which it reads live.
import fs from "node:fs/promises";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { DEMO_PASSWORD, personById } from "../../lib/demo-world/esia-world";
import type { CaughtMessage } from "../../lib/mail-catcher/server";
import { passEsiaConsents, signInThroughEsia } from "./support/esia";
import { MAIL_CATCHER_URL, linksIn, waitForMail } from "./support/mail";

const CULTURE = "Управление культуры";
const ORDER = ["Нет заявки", "Заявка отклонена", "Заявка на рассмотрении", "Подключение не завершено", "Подключено"];
const REMINDER = "Напоминание о подключении к ПОС: ";

const rows = (page: Page) => page.getByTestId("institution-row");
const chip = async (page: Page, key: string) => Number(await page.getByTestId(`count-${key}`).textContent());

async function viewOf(page: Page) {
  const list = rows(page);
  const n = await list.count();
  const out: Array<{ ogrn: string; name: string; status: string; organ: string }> = [];
  for (let i = 0; i < n; i++) {
    const row = list.nth(i);
    out.push({
      ogrn: (await row.getAttribute("data-ogrn"))!,
      name: (await row.getByTestId("institution-name").textContent())!.trim(),
      // The badge: an icon (hidden from screen readers) and the word.
      status: (await row.getByTestId("institution-status").locator("span").first().textContent())!.replace(/^[✕!…◐✓]\s*/, "").trim(),
      organ: (await row.locator("td").nth(1).textContent())!.trim(),
    });
  }
  return out;
}

async function saved(download: Download): Promise<Buffer> {
  return fs.readFile((await download.path())!);
}

async function allMail(): Promise<CaughtMessage[]> {
  return (await (await fetch(`${MAIL_CATCHER_URL}/api/messages`)).json()) as CaughtMessage[];
}

test("ИТ-специалист города: отбор по управлению, сортировка по статусу, выгрузки, напоминания, публичная страница", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInThroughEsia(page, "cityIt");
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Мониторинг подключения" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Мониторинг подключения учреждений" })).toBeVisible();
  const city = { all: await chip(page, "all"), connected: await chip(page, "CONNECTED"), inProgress: await chip(page, "IN_PROGRESS") };
  expect(city.all).toBeGreaterThan(50);

  // ── One управление.
  await page.getByLabel("Учредитель / управление").selectOption({ label: CULTURE });
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/organ=org-omsu-mag-uk/);
  await expect(page.getByText("Показаны 1–10 из 10")).toBeVisible();
  const culture = await viewOf(page);
  expect(culture.every((r) => r.organ === CULTURE)).toBe(true);

  // ── Sorted by status: the worst first, then the other way round; the URL keeps the view.
  await page.getByRole("columnheader", { name: /Статус/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=status/);
  await expect(page.getByRole("columnheader", { name: /Статус/ })).toHaveAttribute("aria-sort", "ascending");
  const sorted = await viewOf(page);
  expect(sorted.map((r) => ORDER.indexOf(r.status))).toEqual(sorted.map((r) => ORDER.indexOf(r.status)).sort((a, b) => a - b));
  expect(sorted.map((r) => r.ogrn).sort()).toEqual(culture.map((r) => r.ogrn).sort());
  await page.reload();
  expect(await viewOf(page)).toEqual(sorted);

  // ── CSV of this view: Excel's «;» and a byte order mark, the same rows in the same order.
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Скачать CSV" }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
  const csvBytes = await saved(csvDownload);
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = parse(csvBytes.subarray(3).toString("utf8"), { delimiter: ";", columns: true }) as Array<Record<string, string>>;
  expect(csv.map((r) => r["ОГРН"])).toEqual(sorted.map((r) => r.ogrn));
  expect(csv.map((r) => r["Статус"])).toEqual(sorted.map((r) => r.status));
  expect(csv.every((r) => r["Учредитель / управление"] === CULTURE)).toBe(true);

  // ── XLSX of the same view.
  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Скачать XLSX" }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await saved(xlsxDownload)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet("Статус подключения")!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const column = (header: string) => Array.from({ length: sheet.rowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(headers.indexOf(header) + 1).value));
  expect(sheet.rowCount - 1).toBe(sorted.length);
  expect(column("ОГРН")).toEqual(sorted.map((r) => r.ogrn));
  expect(column("Статус")).toEqual(sorted.map((r) => r.status));

  // ── Reminders to the late ones of this управление (the instruction's deadline has passed).
  await page.getByLabel("Только нарушившие срок").check();
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/late=1/);
  const late = await viewOf(page);
  expect(late.length).toBe(culture.filter((r) => r.status !== "Подключено").length);
  expect(late.length).toBeGreaterThan(0);
  // What one of them still has to do, as the dashboard lists it.
  const inProgress = rows(page).filter({ hasText: "Подключение не завершено" }).first();
  const inProgressName = (await inProgress.getByTestId("institution-name").textContent())!.trim();
  const todo = (await inProgress.getByTestId("missing").textContent())!.replace(/^не выполнено:\s*/, "").split(", ");
  expect(todo.length).toBeGreaterThan(0);

  // Other files share the mail catcher (the guide screenshots remind a school): only new mail counts.
  const earlier = new Set((await allMail()).map((m) => m.id));
  const newReminders = async () => (await allMail()).filter((m) => !earlier.has(m.id) && m.subject.startsWith(REMINDER));
  await page.getByRole("button", { name: "Напомнить всем опоздавшим в этом списке" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Напоминаний отправлено" })).toContainText(`Напоминаний отправлено: ${late.length}.`);
  // The mails arrive: one per late institution, and only for them.
  await expect.poll(async () => (await newReminders()).map((m) => m.subject.slice(REMINDER.length)).sort(), { timeout: 30_000 })
    .toEqual(expect.arrayContaining(late.map((r) => r.name)));
  const reminders = await newReminders();
  expect(reminders.every((m) => late.some((r) => m.subject === `${REMINDER}${r.name}`))).toBe(true);
  const mail = reminders.find((m) => m.subject === `${REMINDER}${inProgressName}`)!;
  // The mail spells out each of them, numbered; the readiness points in the same words.
  expect(mail.text.match(/^\d+\. /gm)).toHaveLength(todo.length);
  for (const item of todo.filter((t) => t.startsWith("«"))) expect(mail.text.replace(/\s+/g, " ")).toContain(item);
  expect(mail.text).toContain("Срок подключения — до 30.06.2022 — уже прошёл.");
  // The dashboard records when each was reminded; a second click within 10 minutes sends nothing.
  await page.reload();
  await expect(rows(page).getByTestId("reminded-at")).toHaveCount(late.length);
  await page.getByLabel("Напоминание", { exact: true }).selectOption({ label: "Не напоминали" });
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page.getByText("Учреждений не найдено.")).toBeVisible();
  await page.goto(`/monitoring?organ=org-omsu-mag-uk&late=1`);
  await rows(page).first().getByRole("button", { name: /^Напомнить/ }).click();
  await expect(page.getByTestId("row-remind-status")).toContainText("Напоминаний отправлено: 0. Пропущено: 1");

  // ── The public page: the same counts as the dashboard, and nobody's personal data.
  const widgetPlaced = await (async () => {
    await page.goto("/monitoring?widget=PLACED");
    return chip(page, "all");
  })();
  const visitor = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: "ru-RU" });
  const pub = await visitor.newPage();
  await pub.goto("/status");
  await pub.getByRole("link", { name: "Магнитогорский городской округ" }).click();
  await expect(pub.getByRole("heading", { level: 1 })).toHaveText("Статус подключения учреждений: Магнитогорский городской округ");
  await expect(pub.getByTestId("public-total")).toHaveText(String(city.all));
  await expect(pub.getByTestId("public-ready")).toHaveText(String(city.connected));
  await expect(pub.getByTestId("public-cabinet")).toHaveText(String(city.connected + city.inProgress));
  await expect(pub.getByTestId("public-widget")).toHaveText(String(widgetPlaced));
  const organRow = pub.getByTestId("public-organ").filter({ hasText: CULTURE });
  await expect(organRow.locator("td").first()).toHaveText("10");
  // Columns: institutions, cabinet, widget, connected, answered in time.
  await expect(organRow.locator("td").nth(3)).toContainText(`${culture.filter((r) => r.status === "Подключено").length} (`);
  // The city's messages (МОУ «СОШ № 33» has answered and overdue ones): a share, and no message or person.
  await expect(pub.getByTestId("public-answered-in-time")).toContainText(/Сообщения граждан отвечены в срок: \d+(,\d)? %/);
  await expect(pub.getByTestId("public-row")).toHaveCount(Math.min(city.all, 50));
  await expect(pub.getByText(`Найдено: ${city.all}.`)).toBeVisible();

  const texts = [
    await pub.locator("main").innerText(),
    await (await visitor.request.get("/api/status?oktmo=75738000")).text(),
    await (await visitor.request.get("/status/75738000/embed")).text(),
  ];
  const recipients = [...new Set(reminders.flatMap((m) => m.to))];
  expect(recipients.length).toBeGreaterThan(0);
  const cityIt = personById.get("person-city-it")!;
  for (const text of texts) {
    expect(text).not.toMatch(/@|\+7 ?\(/);
    for (const address of recipients) expect(text).not.toContain(address);
    expect(text).not.toContain(cityIt.lastName);
    expect(text).not.toContain("ОГРН");
  }
  await visitor.close();
});

test("публичная страница из кэша Next: смена срока видна со следующего запроса, не через минуту (решение 079)", async ({ page, request }) => {
  // The first deadline of the page: on the list, the one in Магнитогорск's card.
  const deadlineOf = async (path: string) =>
    /Срок подключения — до (?:<strong>)?(\d\d\.\d\d\.\d{4})/.exec((await (await request.get(path)).text()).split("Магнитогорский городской округ").slice(1).join(""))?.[1];
  for (let i = 0; i < 2; i++) await request.get("/status/75738000");
  const cached = await request.get("/status/75738000");
  expect(cached.headers()["x-nextjs-cache"]).toBe("HIT");
  const original = await deadlineOf("/status/75738000");
  expect(original).toMatch(/^\d\d\.\d\d\.\d{4}$/);
  await signInThroughEsia(page, "cityIt");
  const setDeadline = async (day: string) => {
    await page.goto("/monitoring/progress");
    await page.getByLabel(/^Срок подключения: Магнитогорский/).fill(day);
    await page.getByRole("button", { name: "Сохранить срок" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Срок подключения изменён" })).toBeVisible();
  };
  try {
    await setDeadline("2031-12-30");
    expect(await deadlineOf("/status/75738000")).toBe("30.12.2031");
    expect(await deadlineOf("/status")).toBe("30.12.2031");
    expect(await deadlineOf("/status/75738000/embed")).toBe("30.12.2031");
    expect((await (await request.get("/api/status?oktmo=75738000")).json()).deadline).toBe("2031-12-30");
  } finally {
    const [d, m, y] = original!.split(".");
    await setDeadline(`${y}-${m}-${d}`);
  }
  expect(await deadlineOf("/status/75738000")).toBe(original);
});

test("без роли ИТ-специалиста мониторинга и выгрузок нет", async ({ page }) => {
  await signInThroughEsia(page, "organAdmin");
  await expect(page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Мониторинг подключения" })).toHaveCount(0);
  for (const path of ["/monitoring", "/monitoring/progress", "/monitoring/charts"]) {
    const response = await page.goto(path);
    expect(response!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Страница не найдена" })).toBeVisible();
  }
  for (const format of ["csv", "xlsx"]) expect((await page.request.get(`/monitoring/export/${format}`)).status()).toBe(404);

  // Signed out: the sign-in page for the dashboard, nothing for the exports.
  await page.context().clearCookies();
  await page.goto("/monitoring");
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get("/monitoring/export/csv")).status()).toBe(404);
});

test("ИТ-специалист управления, приглашённый администратором ЛКО, видит только своё управление", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const specialist = personById.get("person-omsu-mag-uk-chief")!;
  // ── The управление's ЛКО administrator adds the IT specialist role to its editorial cabinet.
  await signInThroughEsia(page, "otherOrganAdmin");
  await page.goto("/admin");
  await page.getByRole("link", { name: CULTURE, exact: true }).first().click();
  await page.waitForURL(/\/admin\/cabinets\/\d+/);
  const lko = /\/admin\/cabinets\/(\d+)/.exec(page.url())![1];
  await page.goto(`/admin/cabinets/${lko}/accounts/new`);
  await page.getByLabel(/^Фамилия/).fill(specialist.lastName);
  await page.getByLabel(/^Имя/).fill(specialist.firstName);
  await page.getByLabel(/^Email/).fill(specialist.email);
  await page.getByLabel(/^Должность/).fill("Специалист по информационным технологиям");
  await page.getByRole("checkbox", { name: /ИТ-специалист \(мониторинг подключения\)/ }).check();
  await page.getByRole("button", { name: "Отправить приглашение" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/cabinets/${lko}/accounts$`));
  await expect(page.getByText(`Пользователь добавлен, приглашение отправлено на ${specialist.email}.`)).toBeVisible();

  // ── The specialist accepts through ЕСИА and ticks the training.
  const invitation = await waitForMail(specialist.email, "Приглашение в личный кабинет");
  const link = linksIn(invitation).find((l) => l.includes("/invite/"))!;
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: "ru-RU" });
  const it = await context.newPage();
  await it.goto(link);
  await it.getByRole("button", { name: "Войти через ЕСИА" }).click();
  await it.getByLabel("Телефон / Email / СНИЛС").fill(specialist.email);
  await it.getByLabel("Пароль").fill(DEMO_PASSWORD);
  await it.getByRole("button", { name: "Войти", exact: true }).click();
  await passEsiaConsents(it);
  await it.getByRole("button", { name: "Подтвердить учётную запись" }).click();
  await it.getByLabel("Мною пройдено обучение").check();
  await it.getByRole("button", { name: "Продолжить" }).click();

  // ── Their dashboard: only Управление культуры, whatever the URL asks for.
  await it.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Мониторинг подключения" }).click();
  await expect(it.getByTestId("count-all")).toHaveText("10");
  expect((await viewOf(it)).every((r) => r.organ === CULTURE)).toBe(true);
  const organs = await it.getByLabel("Учредитель / управление").locator("option").allTextContents();
  expect(organs).toEqual(["Все", CULTURE]);
  await it.goto("/monitoring?organ=org-omsu-mag-uo");
  await expect(it.getByText("Учреждений не найдено.")).toBeVisible();
  const csv = await (await it.request.get("/monitoring/export/csv?organ=org-omsu-mag-uo")).text();
  expect(csv.trim().split("\r\n")).toHaveLength(1);
  const all = parse((await (await it.request.get("/monitoring/export/csv")).text()).replace(/^\uFEFF/, ""), { delimiter: ";", columns: true }) as Array<Record<string, string>>;
  expect(all).toHaveLength(10);
  expect(all.every((r) => r["Учредитель / управление"] === CULTURE)).toBe(true);
  await context.close();
});

test("ИТ-специалист города: сообщения граждан учреждений — на панели, в отборе по просроченным и в выгрузке", async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughEsia(page, "cityIt");
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Мониторинг подключения" }).click();
  await expect(page.getByRole("columnheader", { name: "Сообщения граждан" })).toBeVisible();
  await page.getByLabel("Сообщения граждан").selectOption({ label: "Есть просроченные" });
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/messages=overdue/);
  await expect(rows(page).first()).toBeVisible();
  const figures: Array<Record<string, string>> = [];
  for (let i = 0; i < (await rows(page).count()); i++) {
    const row = rows(page).nth(i);
    const text = async (id: string) => (await row.getByTestId(id).textContent())!.trim();
    figures.push({
      "ОГРН": (await row.getAttribute("data-ogrn"))!, name: await text("institution-name"),
      "Сообщений": await text("messages-received"), "Отвечено в срок": await text("messages-in-time"),
      "Просрочено сейчас": await text("messages-overdue"), "Средняя оценка": (await text("messages-rating")).replace("оценок нет", ""),
    });
  }
  // МОУ «СОШ № 33» has a message past its planned day in the demo data; every row listed has one.
  expect(figures.some((r) => r.name.includes("СОШ № 33"))).toBe(true);
  expect(figures.every((r) => Number(r["Просрочено сейчас"]) > 0)).toBe(true);

  // The CSV of this view carries the same figures.
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Скачать CSV" }).click()]);
  const csv = parse((await saved(csvDownload)).subarray(3).toString("utf8"), { delimiter: ";", columns: true }) as Array<Record<string, string>>;
  const columns = ["ОГРН", "Сообщений", "Отвечено в срок", "Просрочено сейчас", "Средняя оценка"];
  const pick = (r: Record<string, string>) => Object.fromEntries(columns.map((c) => [c, r[c]]));
  expect(csv.map(pick)).toEqual(figures.map(pick));
});
