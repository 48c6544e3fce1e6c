// Issue 9: the screenshots of the guides in docs/guides/, taken from the running app by following
// the real instructions' steps (so the pictures can be refreshed after any change of the pages):
//
//   UPDATE_GUIDE_SCREENSHOTS=1 E2E_PORT=3100 npx playwright test tests/e2e/guide-screenshots.spec.ts
//
// writes them to docs/guides/images/. In an ordinary run (and in CI) the same steps run and the
// pictures go to test-results/, so the path the guides describe is tested and the committed images
// stay unchanged. The last test checks that the guides show exactly the pictures this script takes.
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import sharp from "sharp";
import { DEMO_PASSWORD, organizationById, personById } from "../../lib/demo-world/esia-world";
import { grantOrganizationRights, passEsiaConsents, revokeEsiaConsents } from "./support/esia";
import { linksIn, waitForMail } from "./support/mail";
import { EDU_DEPARTMENT_LKO, headOf, loginOf } from "./support/routes";

const ROOT = path.resolve(import.meta.dirname, "../..");
const GUIDES = path.join(ROOT, "docs", "guides");
const OUT = process.env.UPDATE_GUIDE_SCREENSHOTS ? path.join(GUIDES, "images") : path.join(ROOT, "test-results", "guide-screenshots");
/** Modest pictures: one CSS pixel per pixel, a laptop's width (palette PNG, see shot()). */
const VIEWPORT = { width: 1200, height: 760 };

// An institution with nothing yet (no other e2e file touches it) and its ИКТ specialist.
const SCHOOL = "org-mag-school-36";
const SCHOOL_NAME = organizationById.get(SCHOOL)!.shortName;
const IT = personById.get(`person-${SCHOOL.replace(/^org-/, "")}-it`)!;
const APPLICANT_EMAIL = "pos@mag-school-36.demo.test";

const taken: string[] = [];

/**
 * A picture of the screen (or of one part of it), after fonts have settled. Saved as a palette PNG
 * (sharp): the flat colours of the interface survive, and the file is about three times smaller.
 */
async function shot(page: Page, name: string, part?: Locator) {
  await page.evaluate(() => document.fonts.ready);
  const options = { animations: "disabled", caret: "hide" } as const;
  const png = part ? await part.screenshot(options) : await page.screenshot(options);
  await sharp(png).png({ palette: true, quality: 90, compressionLevel: 9, effort: 10 }).toFile(path.join(OUT, `${name}.png`));
  taken.push(`${name}.png`);
}

async function signIn(page: Page, personId: string, pictures?: { login: string; consent: string }) {
  // The consent screen is pictured: ЕСИА shows it only to whom has not granted yet.
  if (pictures) await revokeEsiaConsents(page, loginOf(personId));
  await page.goto("/signin");
  const signInPage = page.url();
  if (pictures) await shot(page, "institution-01-signin");
  await page.getByRole("button", { name: "Войти через ЕСИА" }).click();
  await page.getByLabel("Телефон / Email / СНИЛС").fill(loginOf(personId));
  await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
  if (pictures) await shot(page, pictures.login);
  await page.getByRole("button", { name: "Войти", exact: true }).click();
  if (pictures) {
    await expect(page.getByRole("heading", { name: "Предоставление прав доступа" })).toBeVisible();
    await shot(page, pictures.consent);
  }
  // Everyone here has one organization: ЕСИА then asks for its rights (no picture of that screen).
  await grantOrganizationRights(page, personById.get(personId)!.memberships[0].organizationId, { leaving: signInPage });
}

test.describe.configure({ mode: "serial", timeout: 180_000 });
test.use({ viewport: VIEWPORT });
test.beforeAll(() => fs.mkdirSync(OUT, { recursive: true }));

let lkoId = "";

test("учреждение: вход через ЕСИА и заявка на рабочий кабинет", async ({ page }) => {
  await signIn(page, headOf(SCHOOL), { login: "institution-02-esia-login", consent: "institution-03-esia-consent" });
  await expect(page.getByRole("heading", { level: 1, name: SCHOOL_NAME })).toBeVisible();
  await shot(page, "institution-04-start");

  await page.getByRole("navigation", { name: "Разделы", exact: true }).getByRole("link", { name: "Подключение кабинета" }).click();
  await page.getByRole("radio", { name: /^Рабочий кабинет/ }).check();
  await shot(page, "institution-05-choose-cabinet");
  await page.getByRole("button", { name: "Далее" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Форма заявки на создание рабочего кабинета" })).toBeVisible();
  await page.getByLabel("Название кабинета").fill(SCHOOL_NAME);
  await page.getByLabel("Тип кабинета").selectOption({ label: "Подведомственная ОМСУ организация" });
  // The Управление образования of Магнитогорск (its editorial cabinet), not of another district.
  const editorial = page.getByLabel("Редакция");
  const option = editorial.locator("option", { hasText: `ЛКО № ${EDU_DEPARTMENT_LKO}` });
  await expect(option).toHaveCount(1);
  await editorial.selectOption({ label: (await option.textContent())! });
  await page.getByRole("checkbox", { name: "Образование", exact: true }).check();
  await page.getByLabel("Электронная почта").fill(APPLICANT_EMAIL);
  await shot(page, "institution-06-request-form", page.getByRole("main"));
  await page.getByRole("button", { name: "Создать кабинет" }).click();
  await expect(page.getByText("Ваша заявка на подключение кабинета находится на рассмотрении")).toBeVisible();
  await shot(page, "institution-07-request-pending");
});

test("орган: заявки, карточка, одобрение; дерево кабинетов, данные ЛКО, учётные записи", async ({ page }) => {
  await signIn(page, "person-organ-admin");
  await page.getByRole("navigation", { name: "Разделы", exact: true }).getByRole("link", { name: /Заявки/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Заявки на подключение кабинетов" })).toBeVisible();
  await shot(page, "organ-01-requests");
  await page.getByRole("link", { name: SCHOOL_NAME, exact: true }).last().click();
  await expect(page.getByRole("heading", { level: 1, name: SCHOOL_NAME })).toBeVisible();
  await shot(page, "organ-02-request-card");
  await page.getByRole("heading", { name: "Решение" }).scrollIntoViewIfNeeded();
  await shot(page, "organ-03-request-decision", page.locator("section", { has: page.getByRole("heading", { name: "Решение" }) }));
  await page.getByRole("button", { name: "Одобрить" }).click();
  const approved = page.getByText(/Заявка одобрена .*уникальный номер ЛКО: \d+/);
  await expect(approved).toBeVisible();
  lkoId = /уникальный номер ЛКО: (\d+)/.exec((await approved.textContent())!)![1];

  await page.getByRole("navigation", { name: "Разделы", exact: true }).getByRole("link", { name: "Администрирование ЛКО" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Администрирование ЛКО" })).toBeVisible();
  await shot(page, "organ-04-cabinet-tree");

  await page.goto(`/admin/cabinets/${lkoId}`);
  await page.getByLabel(/Данные актуальны: я проверил/).check();
  await page.getByRole("button", { name: "Подтвердить актуальность" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Актуальность данных подтверждена" })).toBeVisible();
  await shot(page, "organ-05-cabinet-data");

  await page.getByRole("navigation", { name: "Разделы кабинета" }).getByRole("link", { name: "Учетные записи" }).click();
  await page.getByRole("link", { name: "Добавить пользователя" }).click();
  await page.getByLabel(/^Фамилия/).fill(IT.lastName);
  await page.getByLabel(/^Имя/).fill(IT.firstName);
  await page.getByLabel(/^Отчество/).fill(IT.middleName ?? "");
  await page.getByLabel(/^Email/).fill(IT.email);
  await page.getByLabel(/^Должность/).fill("Специалист по ИКТ");
  await page.getByRole("checkbox", { name: /Модератор\/исполнитель сообщений/ }).check();
  await shot(page, "organ-06-add-user", page.getByRole("main"));
  await page.getByRole("button", { name: "Отправить приглашение" }).click();
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByText("Пользователь добавлен, приглашение отправлено")).toBeVisible();
  await shot(page, "organ-07-accounts");

  await page.goto(`/admin/cabinets/${lkoId}/accounts/import`);
  await page.getByLabel("Содержимое файла").fill("Фамилия;Имя;Отчество;Email;Телефон;Должность;Роли;Сферы куратора\nКедрова;Анна;Павловна;a.kedrova@mag-school-36.demo.test;;Заместитель директора;Наблюдатель;");
  await page.getByRole("button", { name: "Проверить файл" }).click();
  await expect(page.getByText("Строк без ошибок: 1. Строк с ошибками: 0.")).toBeVisible();
  await shot(page, "organ-08-import-check", page.getByRole("main"));

  await page.goto(`/admin/cabinets/${lkoId}/history`);
  await shot(page, "organ-09-history");
});

test("учреждение: кабинет создан, приглашение, обучение, готовность и виджет", async ({ page, browser }) => {
  // The applicant sees the decision and becomes the cabinet's administrator.
  await signIn(page, headOf(SCHOOL));
  await page.goto("/registration/work");
  await expect(page.getByText(`Кабинет создан. Уникальный номер ЛКО: ${lkoId}`)).toBeVisible();
  await shot(page, "institution-08-cabinet-created");

  // A rejected request, as another institution sees it.
  const other = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await signIn(other, headOf("org-mag-kindergarten-29"));
  await other.goto("/registration/work");
  await expect(other.getByText("Ваша заявка на подключение кабинета отклонена по причине:")).toBeVisible();
  await shot(other, "institution-09-request-rejected");
  await other.context().close();

  // The invited specialist: the letter, the link, Госуслуги, «Подтвердить», «Мною пройдено обучение».
  const mail = await waitForMail(IT.email, "Приглашение в личный кабинет");
  const link = linksIn(mail).find((l) => l.includes("/invite/"))!;
  const invited = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await invited.goto(link);
  await expect(invited.getByRole("heading", { level: 1, name: "Приглашение в Платформу обратной связи" })).toBeVisible();
  await shot(invited, "institution-10-invitation");
  await invited.getByRole("button", { name: "Войти через ЕСИА" }).click();
  await invited.getByLabel("Телефон / Email / СНИЛС").fill(IT.email);
  await invited.getByLabel("Пароль").fill(DEMO_PASSWORD);
  await invited.getByRole("button", { name: "Войти", exact: true }).click();
  await passEsiaConsents(invited);
  await expect(invited.getByRole("button", { name: "Подтвердить учётную запись" })).toBeVisible();
  await shot(invited, "institution-11-invitation-confirm");
  await invited.getByRole("button", { name: "Подтвердить учётную запись" }).click();
  await expect(invited.getByRole("heading", { level: 1, name: "Перед началом работы" })).toBeVisible();
  await invited.getByLabel("Мною пройдено обучение").check();
  await shot(invited, "institution-12-training");
  await invited.getByRole("button", { name: "Продолжить" }).click();
  await expect(invited.getByRole("heading", { level: 1 })).toBeVisible();
  await invited.context().close();

  // «Функционирование ЛКО»: the points, the site, the widget (the head ticks training first).
  await page.goto(`/admin/cabinets/${lkoId}/functioning`);
  if (await page.getByLabel("Мною пройдено обучение").isVisible()) {
    await page.getByLabel("Мною пройдено обучение").check();
    await page.getByRole("button", { name: "Продолжить" }).click();
    await page.goto(`/admin/cabinets/${lkoId}/functioning`);
  }
  await expect(page.getByRole("heading", { level: 2, name: "Функционирование ЛКО" })).toBeVisible();
  for (const label of ["Учетные записи созданы и подтверждены", "Ответственные назначены", "Обучение пройдено", "ЛКО готов к работе"]) {
    await page.getByLabel(label).check();
  }
  await page.getByLabel("У учреждения есть официальный сайт").check();
  await page.getByLabel("Адрес официального сайта, на котором будет размещен виджет").fill("https://mag-school-36.demo.test");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByText("Изменения сохранены")).toBeVisible();
  await shot(page, "institution-13-readiness", page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Функционирование ЛКО" }) }));
  await page.getByLabel(/Светлый, горизонтальный/).check();
  await page.getByRole("button", { name: "2. Сгенерировать" }).click();
  await expect(page.getByLabel("3. Код виджета для технической поддержки сайта")).toBeVisible();
  // The variants' previews load lazily: bring each into view so that the picture shows them.
  for (const frame of await page.locator("iframe[title^='Предпросмотр']").all()) {
    await frame.scrollIntoViewIfNeeded();
    await expect(frame.contentFrame().locator("body")).not.toBeEmpty();
  }
  await shot(page, "institution-14-widget", page.locator("section", { has: page.getByRole("heading", { name: "Виджет модуля сообщений ПОС" }) }));
});

test("ИТ-специалисты города: мониторинг, отбор, сроки, диаграммы, напоминание, публичная страница", async ({ page }) => {
  await signIn(page, "person-city-it");
  await page.getByRole("navigation", { name: "Разделы", exact: true }).getByRole("link", { name: "Мониторинг подключения" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Мониторинг подключения учреждений" })).toBeVisible();
  await shot(page, "city-it-01-monitoring");
  // The instruction's steps: one управление, the late ones first by status.
  const filters = page.getByRole("search", { name: "Отбор учреждений" });
  await filters.getByLabel("Учредитель / управление").selectOption({ label: "Управление образования" });
  await filters.getByLabel("Сортировать по").selectOption({ value: "status" });
  await filters.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/organ=/);
  await shot(page, "city-it-02-filter", filters);
  const ogrn = await page.getByTestId("institution-row").filter({ hasText: "не напоминали" }).first().getAttribute("data-ogrn");
  const row = page.locator(`[data-testid="institution-row"][data-ogrn="${ogrn}"]`);
  await row.getByRole("button", { name: /^Напомнить/ }).click();
  await expect(page.getByTestId("row-remind-status")).toContainText("Напоминаний отправлено: 1.");
  await expect(row.getByTestId("reminded-at")).toBeVisible();
  await shot(page, "city-it-03-reminder", page.getByRole("region", { name: "Учреждения" }));
  await page.getByRole("link", { name: "Сроки и прогресс" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Срок подключения" })).toBeVisible();
  await shot(page, "city-it-04-progress");
  await page.getByRole("link", { name: "Диаграммы" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Статусы по управлениям" })).toBeVisible();
  await shot(page, "city-it-05-charts", page.locator("section", { has: page.getByRole("heading", { name: "Статусы по управлениям" }) }));
  await page.goto("/status");
  await shot(page, "city-it-06-public-status");
  await page.getByRole("link", { name: "Учреждения и код для сайта" }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Для сайта администрации" })).toBeVisible();
  await shot(page, "city-it-07-public-embed", page.locator("section", { has: page.getByRole("heading", { name: "Для сайта администрации" }) }));
  // The portal's front page and «Версия для слабовидящих», for the README and every guide.
  await page.goto("/");
  await shot(page, "common-01-home");
  await page.getByRole("button", { name: "Версия для слабовидящих" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-vision", "low");
  await shot(page, "common-02-low-vision");
  await page.getByRole("button", { name: "Обычная версия" }).click();
});

test("руководства показывают ровно те снимки, что делает этот сценарий", () => {
  const referenced = new Set<string>();
  const docs = [path.join(ROOT, "README.md"), ...fs.readdirSync(GUIDES).filter((f) => f.endsWith(".md")).map((f) => path.join(GUIDES, f))];
  for (const file of docs) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(/\]\((?:docs\/guides\/)?images\/([\w-]+\.png)\)/g)) referenced.add(m[1]);
  }
  expect([...referenced].sort()).toEqual([...taken].sort());
  for (const name of taken) expect(fs.existsSync(path.join(GUIDES, "images", name)), `docs/guides/images/${name}`).toBe(true);
});
