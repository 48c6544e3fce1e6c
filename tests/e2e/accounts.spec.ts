// ЛКО administration end to end: an organ's administrator invites a teacher of a subordinate
// school; the teacher confirms through ЕСИА and ticks the training; resend and archive take effect.
// Works with МОУ «СОШ № 16» and its teacher, and the kindergarten № 7 and its methodist, only (the
// e2e database is shared by the spec files).
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { DEMO_PASSWORD, organizationById, personById } from "../../lib/demo-world/esia-world";
import type { CaughtMessage } from "../../lib/mail-catcher/server";
import { grantOrganizationRights, passEsiaConsents, signInThroughEsia } from "./support/esia";
import { MAIL_CATCHER_URL, linksIn } from "./support/mail";

const teacher = personById.get("person-mag-school-16-teacher")!;
const school = organizationById.get("org-mag-school-16")!;
const SUBJECT = "Приглашение в личный кабинет";

/** Waits until the catcher holds `count` invitations for the address; returns them newest first. */
async function invitations(to: string, count: number): Promise<CaughtMessage[]> {
  let found: CaughtMessage[] = [];
  await expect
    .poll(async () => {
      const list = (await (await fetch(`${MAIL_CATCHER_URL}/api/messages?to=${encodeURIComponent(to.toLowerCase())}`)).json()) as CaughtMessage[];
      found = list.filter((m) => m.subject.includes(SUBJECT));
      return found.length;
    }, { timeout: 20_000, message: `приглашений для ${to}: ${count}` })
    .toBeGreaterThanOrEqual(count);
  return found;
}

const inviteLink = (m: CaughtMessage) => linksIn(m).find((l) => l.includes("/invite/"))!;

async function esiaLoginAndConsent(page: Page, login: string) {
  await expect(page.getByLabel("Телефон / Email / СНИЛС")).toBeVisible();
  await page.getByLabel("Телефон / Email / СНИЛС").fill(login);
  await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Войти", exact: true }).click();
  // ЕСИА asks for consent the first time only.
  await passEsiaConsents(page);
}

test("администратор органа приглашает учителя школы; учитель подтверждает через ЕСИА, отмечает обучение; повтор и архив действуют", async ({ page, browser }) => {
  test.setTimeout(180_000);

  // ── The organ's administrator: the tree, the cabinet's data, «Добавить пользователя».
  await signInThroughEsia(page, "organAdmin");
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Администрирование ЛКО" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Администрирование ЛКО" })).toBeVisible();
  await page.getByLabel("Найти кабинет").fill("СОШ № 16");
  await page.getByRole("button", { name: "Найти" }).click();
  await page.getByRole("link", { name: school.shortName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: school.shortName })).toBeVisible();
  const lko = /\/admin\/cabinets\/(\d+)/.exec(page.url())![1];
  await expect(page.getByText(school.ogrn)).toBeVisible();
  await page.getByLabel(/Данные актуальны: я проверил/).check();
  await page.getByRole("button", { name: "Подтвердить актуальность" }).click();
  await expect(page.getByRole("status")).toContainText("Актуальность данных подтверждена");

  await page.getByRole("navigation", { name: "Разделы кабинета" }).getByRole("link", { name: "Учетные записи" }).click();
  await page.getByRole("link", { name: "Добавить пользователя" }).click();
  // Required fields are checked before anything is sent.
  await page.getByRole("button", { name: "Отправить приглашение" }).click();
  await expect(page.getByText("Заполните поле «Фамилия».")).toBeVisible();
  await expect(page.getByText("Добавьте хотя бы одну роль.")).toBeVisible();
  await page.getByLabel(/^Фамилия/).fill(teacher.lastName);
  await page.getByLabel(/^Имя/).fill(teacher.firstName);
  await page.getByLabel(/^Отчество/).fill(teacher.middleName);
  await page.getByLabel(/^Email/).fill(teacher.email);
  await page.getByLabel(/^Телефон/).fill(teacher.mobile);
  await page.getByLabel(/^Должность/).fill("Учитель информатики");
  await page.getByRole("checkbox", { name: /Модератор\/исполнитель сообщений/ }).check();
  await page.getByRole("button", { name: "Отправить приглашение" }).click();
  // Back to the table, which says it once: in a panel of its own tone, not kept in the address.
  await expect(page).toHaveURL(new RegExp(`/admin/cabinets/${lko}/accounts$`));
  const added = page.locator(".status-panel").filter({ hasText: `Пользователь добавлен, приглашение отправлено на ${teacher.email}.` });
  await expect(added).toBeVisible();
  await expect(added).toHaveCSS("border-top-color", "rgb(11, 107, 58)"); // --color-success, not the text's near-black
  await added.screenshot({ path: test.info().outputPath("flash-success-panel.png") });
  const row = page.locator(`tr[data-email="${teacher.email.toLowerCase()}"]`);
  await expect(row).toContainText("Приглашен");
  await page.reload();
  await expect(row).toContainText("Приглашен");
  await expect(page.getByText("Пользователь добавлен")).toHaveCount(0);

  // The same address again: refused, nothing created.
  await page.getByRole("link", { name: "Добавить пользователя" }).click();
  await page.getByLabel(/^Фамилия/).fill("Двойникова");
  await page.getByLabel(/^Имя/).fill("Алина");
  await page.getByLabel(/^Email/).fill(teacher.email.toUpperCase());
  await page.getByLabel(/^Должность/).fill("Педагог");
  await page.getByRole("checkbox", { name: /Наблюдатель/ }).check();
  await page.getByRole("button", { name: "Отправить приглашение" }).click();
  await expect(page.getByRole("main").getByRole("alert").first()).toContainText("уже есть в системе");
  await expect(page.getByLabel(/^Фамилия/)).toHaveValue("Двойникова");
  await page.getByRole("link", { name: "Отмена" }).click();

  // ── The invitation arrives; «Отправить приглашение повторно» replaces it.
  const [first] = await invitations(teacher.email, 1);
  expect(first.text).toMatch(/действует 7 дней — до \d{2}\.\d{2}\.\d{4}/);
  const oldLink = inviteLink(first);
  await row.getByRole("button", { name: /Отправить приглашение повторно/ }).click();
  await expect(row.getByRole("status")).toContainText("Прежняя ссылка больше не действует");
  const [second] = await invitations(teacher.email, 2);
  const newLink = inviteLink(second);
  expect(newLink).not.toBe(oldLink);

  // ── The teacher, in another browser.
  const teacherContext = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: "ru-RU" });
  const t = await teacherContext.newPage();
  await t.goto(oldLink);
  await expect(t.getByRole("heading", { level: 1, name: "Ссылка больше не действует" })).toBeVisible();
  await expect(t.getByRole("button", { name: "Запросить новое приглашение" })).toBeVisible();

  await t.goto(newLink);
  await expect(t.getByRole("heading", { level: 1, name: "Приглашение в Платформу обратной связи" })).toBeVisible();
  await t.getByRole("button", { name: "Войти через ЕСИА" }).click();
  await esiaLoginAndConsent(t, teacher.email);
  await expect(t).toHaveURL(/\/invite\//);
  await t.getByRole("button", { name: "Подтвердить учётную запись" }).click();
  await expect(t).toHaveURL(/\/training\?next=/);

  // Skipping the tick by URL leads back to it.
  await t.goto("/admin");
  await expect(t).toHaveURL(/\/training/);
  await t.goto(`/admin/cabinets/${lko}/accounts`);
  await expect(t).toHaveURL(new RegExp(`/training\\?next=${encodeURIComponent(`/admin/cabinets/${lko}`)}$`));
  await expect(t.getByRole("link", { name: "https://pos.gosuslugi.ru/docs/" })).toBeVisible();
  await t.getByRole("button", { name: "Продолжить" }).click();
  await expect(t.getByRole("main").getByRole("alert")).toContainText("Поставьте отметку «Мною пройдено обучение»");
  await t.getByLabel("Мною пройдено обучение").check();
  await t.getByRole("button", { name: "Продолжить" }).click();
  await expect(t.getByRole("heading", { level: 1, name: school.shortName })).toBeVisible();

  // The used link does not work twice.
  await t.goto(newLink);
  await expect(t.getByRole("heading", { level: 1, name: "Приглашение уже использовано" })).toBeVisible();

  // ── The administrator sees «Подтвержден» and the training date.
  await page.goto(`/admin/cabinets/${lko}/accounts?q=${encodeURIComponent(teacher.email)}`);
  await expect(row).toContainText("Подтвержден");
  await expect(row).toContainText(/Пройдено \d{2}\.\d{2}\.\d{4}/);

  // ── «В архив» asks first; «Отмена» changes nothing.
  await row.getByRole("link", { name: /В архив/ }).click();
  await expect(page.getByRole("heading", { name: "Перенести учётную запись в архив?" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(teacher.email.toLowerCase());
  await page.getByRole("link", { name: "Отмена" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/cabinets/${lko}/accounts$`));
  await page.goto(`/admin/cabinets/${lko}/accounts?q=${encodeURIComponent(teacher.email)}`);
  await expect(row).toContainText("Подтвержден");
  // Confirmed: the teacher's next request is refused, her session is over; the table says so once.
  await row.getByRole("link", { name: /В архив/ }).click();
  await page.getByRole("button", { name: /В архив/ }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/cabinets/${lko}/accounts$`));
  await expect(page.getByRole("status").filter({ hasText: "перенесена в архив. Доступ пользователя прекращён." })).toBeVisible();
  await expect(page.getByText("Пользователь добавлен")).toHaveCount(0);
  await t.goto(`/admin/cabinets/${lko}`);
  await expect(t).toHaveURL(/\/signin$/);
  // Signing in again through ЕСИА (its session is still open) gives no way back into the cabinet.
  const signInPage = t.url();
  await t.getByRole("button", { name: "Войти через ЕСИА" }).click();
  // Her only organization: its rights are passed at once (ЕСИА asks only what she has not granted yet).
  await grantOrganizationRights(t, school.id, { leaving: signInPage });
  await t.goto(`/admin/cabinets/${lko}`);
  await expect(t.getByRole("heading", { level: 1, name: "Страница не найдена" })).toBeVisible();
  await t.goto("/admin");
  await expect(t.getByText("перенесена администратором в архив")).toBeVisible();

  // The cabinet's history shows it all.
  await page.goto(`/admin/cabinets/${lko}/history`);
  for (const text of ["Добавлен пользователь, отправлено приглашение", "Приглашение отправлено повторно", "Учётная запись подтверждена через Госуслуги", "Отмечено «Мною пройдено обучение»", "Учётная запись перенесена в архив", "Подтверждена актуальность данных ЛКО"]) {
    await expect(page.getByText(text).first()).toBeVisible();
  }
  await teacherContext.close();
});

test("загрузка учётных записей из CSV: сначала проверка по строкам, затем всё разом", async ({ page }) => {
  await signInThroughEsia(page, "organAdmin");
  await page.goto("/admin?q=" + encodeURIComponent("СОШ № 16"));
  await page.getByRole("link", { name: school.shortName, exact: true }).click();
  await page.waitForURL(/\/admin\/cabinets\/\d+$/);
  const lko = /\/admin\/cabinets\/(\d+)/.exec(page.url())![1];
  await page.goto(`/admin/cabinets/${lko}/accounts/import`);
  const bad = "Фамилия;Имя;Отчество;Email;Телефон;Должность;Роли\nОзёрова;Милана;;csv.one@school16.demo.test;;Учитель;Наблюдатель\n;Глеб;;не-почта;;Учитель;Директор\n";
  await page.getByLabel("Содержимое файла").fill(bad);
  await page.getByRole("button", { name: "Проверить файл" }).click();
  await expect(page.getByText("Строк без ошибок: 1. Строк с ошибками: 1.")).toBeVisible();
  await expect(page.getByText("Неизвестная роль «Директор»")).toBeVisible();
  await expect(page.getByRole("button", { name: /Загрузить .* и отправить приглашения/ })).toHaveCount(0);

  const good = "Фамилия;Имя;Отчество;Email;Телефон;Должность;Роли\nОзёрова;Милана;;csv.one@school16.demo.test;;Учитель;Наблюдатель\nРябинин;Глеб;;csv.two@school16.demo.test;+7 900 123 45 67;Учитель;Модератор/исполнитель сообщений, Наблюдатель\n";
  await page.getByLabel("Содержимое файла").fill(good);
  await page.getByRole("button", { name: "Проверить файл" }).click();
  await expect(page.getByText("Строк без ошибок: 2. Строк с ошибками: 0.")).toBeVisible();
  await page.getByRole("button", { name: "Загрузить 2 и отправить приглашения" }).click();
  await expect(page.getByText("Загружено учётных записей: 2")).toBeVisible();
  await page.goto(`/admin/cabinets/${lko}/accounts?q=csv.`);
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await invitations("csv.two@school16.demo.test", 1);
});

test("без JavaScript: сообщение о добавлении — один раз, «В архив» — через вопрос", async ({ browser }) => {
  const withJs = await browser.newContext();
  await signInThroughEsia(await withJs.newPage(), "organAdmin");
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await withJs.storageState() });
  const page = await context.newPage();
  await page.goto("/admin?q=" + encodeURIComponent("СОШ № 16"));
  await page.getByRole("link", { name: school.shortName, exact: true }).click();
  const lko = /\/admin\/cabinets\/(\d+)/.exec(page.url())![1];
  const email = "no.script@school16.demo.test";

  await page.goto(`/admin/cabinets/${lko}/accounts/new`);
  await page.getByLabel(/^Фамилия/).fill("Безскриптова");
  await page.getByLabel(/^Имя/).fill("Вера");
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Должность/).fill("Учитель");
  await page.getByRole("checkbox", { name: /Наблюдатель/ }).check();
  await page.getByRole("button", { name: "Отправить приглашение" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/cabinets/${lko}/accounts$`));
  await expect(page.getByText(`Пользователь добавлен, приглашение отправлено на ${email}.`)).toBeVisible();
  await page.reload();
  await expect(page.getByText("Пользователь добавлен")).toHaveCount(0);

  const row = page.locator(`tr[data-email="${email}"]`);
  await row.getByRole("link", { name: /В архив/ }).click();
  await expect(page.getByRole("heading", { name: "Перенести учётную запись в архив?" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("archive-question-no-js.png"), fullPage: true });
  await page.getByRole("button", { name: /В архив/ }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/cabinets/${lko}/accounts$`));
  await expect(page.getByText("Учётная запись Безскриптова Вера перенесена в архив. Доступ пользователя прекращён.")).toBeVisible();
  await expect(row).toContainText("В архиве");
  await page.reload();
  await expect(page.getByText("перенесена в архив")).toHaveCount(0);
  await context.close();
  await withJs.close();
});

test("сообщение о добавлении не переживает следующее действие на той же странице", async ({ page }) => {
  await signInThroughEsia(page, "organAdmin");
  await page.goto("/admin?q=" + encodeURIComponent("СОШ № 16"));
  await page.getByRole("link", { name: school.shortName, exact: true }).click();
  await page.waitForURL(/\/admin\/cabinets\/\d+$/);
  const lko = /\/admin\/cabinets\/(\d+)/.exec(page.url())![1];
  const email = "next.action@school16.demo.test";
  await page.goto(`/admin/cabinets/${lko}/accounts/new`);
  await page.getByLabel(/^Фамилия/).fill("Следующая");
  await page.getByLabel(/^Имя/).fill("Алла");
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Должность/).fill("Учитель");
  await page.getByRole("checkbox", { name: /Наблюдатель/ }).check();
  await page.getByRole("button", { name: "Отправить приглашение" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/cabinets/${lko}/accounts$`));
  await expect(page.getByText(`Пользователь добавлен, приглашение отправлено на ${email}.`)).toBeVisible();

  const row = page.locator(`tr[data-email="${email}"]`);
  await row.getByRole("button", { name: /Отправить приглашение повторно/ }).click();
  await expect(row.getByRole("status")).toContainText("Прежняя ссылка больше не действует");
  await expect(page.getByText("Пользователь добавлен")).toHaveCount(0);
});

// Issue 17, finding 3 (decision 077): a colleague took an invitation addressed to someone else.
test("приглашение принял сотрудник с другим ФИО: ждёт администратора без доступа; «Подтвердить» открывает кабинет", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const methodist = personById.get("person-mag-kindergarten-7-methodist")!;
  const kindergarten = organizationById.get("org-mag-kindergarten-7")!;
  const email = "a.lugovskaya@kindergarten7.demo.test";

  await signInThroughEsia(page, "organAdmin");
  await page.goto(`/admin?q=${encodeURIComponent(kindergarten.shortName)}`);
  await page.getByRole("link", { name: kindergarten.shortName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: kindergarten.shortName })).toBeVisible();
  const lko = /\/admin\/cabinets\/(\d+)/.exec(page.url())![1];
  await page.goto(`/admin/cabinets/${lko}/accounts/new`);
  await page.getByLabel(/^Фамилия/).fill("Луговская");
  await page.getByLabel(/^Имя/).fill("Алина");
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Должность/).fill("Воспитатель");
  await page.getByRole("checkbox", { name: /Модератор\/исполнитель сообщений/ }).check();
  await page.getByRole("button", { name: "Отправить приглашение" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/cabinets/${lko}/accounts$`));
  const [invitation] = await invitations(email, 1);

  // ── The methodist (an employee in ЕСИА, another name) follows the link.
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: "ru-RU" });
  const m = await context.newPage();
  await m.goto(inviteLink(invitation));
  await m.getByRole("button", { name: "Войти через ЕСИА" }).click();
  await esiaLoginAndConsent(m, methodist.email);
  await expect(m).toHaveURL(/\/invite\//);
  await m.getByRole("button", { name: "Подтвердить учётную запись" }).click();
  await expect(m).toHaveURL(/\/admin$/);
  await expect(m.getByRole("status").filter({ hasText: "Учётная запись ожидает подтверждения администратором" })).toContainText(kindergarten.shortName);
  await m.goto(`/admin/cabinets/${lko}`);
  await expect(m.getByRole("heading", { level: 1, name: "Страница не найдена" })).toBeVisible();

  // ── The administrator sees who accepted, and approves.
  await page.goto(`/admin/cabinets/${lko}/accounts?q=${encodeURIComponent(email)}`);
  const row = page.locator(`tr[data-email="${email}"]`);
  await expect(row).toContainText("Ожидает подтверждения администратором");
  await expect(row).toContainText(`Подтвердил(а) в ЕСИА: ${methodist.lastName} ${methodist.firstName}`);
  await expect(row).toContainText("ФИО и адрес почты не совпадают с приглашением");
  await expect(row.getByRole("link", { name: /В архив/ })).toBeVisible();
  await row.getByRole("button", { name: /^Подтвердить/ }).click();
  await expect(row.getByRole("status")).toContainText("Учётная запись подтверждена");
  await page.reload();
  await expect(row.getByRole("button", { name: /^Подтвердить/ })).toHaveCount(0);
  await expect(row).toContainText("Подтвержден");

  // ── Now her roles work after the training tick.
  await m.goto(`/admin/cabinets/${lko}`);
  await expect(m).toHaveURL(/\/training\?next=/);
  await context.close();
});
