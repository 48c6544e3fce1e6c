// Issue 4, the instruction's whole path in the browser: an institution admin files a work cabinet
// request, the organ rejects it with a reason, the applicant fixes and resubmits, the organ
// approves, the cabinet exists with its ЛКО id, and both notices reach the mail catcher.
// Institutions used here (the e2e database is shared by all files): МОУ «СОШ № 5», «СОШ № 13».
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { DEMO_INSTITUTION, demoPerson, personById } from "../../lib/demo-world/esia-world";
import { chooseOrganization, signInThroughEsia } from "./support/esia";
import { linksIn, waitForMail } from "./support/mail";

const APPLICANT_EMAIL = "cabinet@mag-school5.demo.test";
const SCHOOL_5 = "МОУ «СОШ № 5» г. Магнитогорска";

async function chooseEditorial(page: Page, text: string) {
  const select = page.getByLabel("Редакция");
  const value = await select.locator("option", { hasText: text }).getAttribute("value");
  await select.selectOption(value!);
}

test("рабочий кабинет: заявка, отклонение с причиной, исправление, одобрение, письма", async ({ browser }) => {
  test.setTimeout(180_000);
  const applicant = await (await browser.newContext()).newPage();
  const reviewer = await (await browser.newContext()).newPage();

  // ── The applicant: sign in (the only organization's rights are granted at once), then the choice
  // as the instruction shows it: «Выберите организацию:» → «Далее» → ЕСИА's consent for its rights.
  await signInThroughEsia(applicant, "institutionAdmin");
  await applicant.goto("/select-organization?change=1");
  await expect(applicant.getByText("Выберите организацию:")).toBeVisible();
  await chooseOrganization(applicant, DEMO_INSTITUTION.filing);
  await expect(applicant.getByRole("heading", { level: 1, name: SCHOOL_5 })).toBeVisible();
  await applicant.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Подключение кабинета" }).click();
  await expect(applicant.getByText("Выберите кабинет:")).toBeVisible();
  await applicant.getByRole("button", { name: "Далее" }).click();
  await expect(applicant.getByRole("main").getByRole("alert")).toHaveText("Выберите кабинет.");
  await applicant.getByRole("radio", { name: /^Рабочий кабинет/ }).check();
  await applicant.getByRole("button", { name: "Далее" }).click();

  await expect(applicant.getByRole("heading", { level: 1, name: "Форма заявки на создание рабочего кабинета" })).toBeVisible();
  // Client-side validation with the schema's messages, before anything is sent.
  await applicant.getByRole("button", { name: "Создать кабинет" }).click();
  await expect(applicant.getByText("Введите название кабинета.")).toBeVisible();
  await expect(applicant.getByText("Выберите хотя бы одну сферу.")).toBeVisible();
  await expect(applicant.getByText("Введите электронную почту.")).toBeVisible();

  await applicant.getByLabel("Название кабинета").fill("Кабинет школы");
  await expect(applicant.getByLabel("Регион")).toHaveValue("region-74");
  await applicant.getByLabel("Тип кабинета").selectOption({ label: "Подведомственная ОМСУ организация" });
  // «Редакция» offers the editorial cabinets that fit the region and type: ОМСУ's, not the ministry's.
  await expect(applicant.getByLabel("Редакция").locator("option", { hasText: "Минобрнауки" })).toHaveCount(0);
  await chooseEditorial(applicant, "Управление образования (ЛКО");
  await applicant.getByRole("checkbox", { name: "Образование", exact: true }).check();
  await applicant.getByLabel("Электронная почта").fill(APPLICANT_EMAIL);
  await applicant.getByRole("button", { name: "Создать кабинет" }).click();

  await expect(applicant.getByText("Ваша заявка на подключение кабинета находится на рассмотрении")).toBeVisible();
  // One full stop after the date's «г.» (support/test.ts also fails any page with two in a row).
  await expect(applicant.getByText(/^Заявка подана \d{1,2} [а-я]+ \d{4} г\. Результат рассмотрения придёт на cabinet@mag-school5\.demo\.test\.$/)).toBeVisible();
  await expect(applicant.getByLabel("Название кабинета")).toBeDisabled();
  await expect(applicant.getByLabel("Название кабинета")).toHaveValue("Кабинет школы");
  await expect(applicant.getByRole("button", { name: "Создать кабинет" })).toBeDisabled();

  // ── The organ's administrator: the queue, the card, «Отклонить» with a reason.
  await signInThroughEsia(reviewer, "organAdmin");
  const requestsLink = reviewer.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: /Заявки/ });
  await expect(requestsLink.getByLabel(/ожидают: \d+/)).toBeVisible();
  await requestsLink.click();
  await expect(reviewer.getByRole("heading", { level: 1, name: "Заявки на подключение кабинетов" })).toBeVisible();
  await reviewer.getByRole("link", { name: SCHOOL_5 }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: SCHOOL_5 })).toBeVisible();
  await expect(reviewer.getByRole("heading", { name: "Организация по данным ЕСИА" })).toBeVisible();
  await expect(reviewer.getByText(demoPerson("institutionAdmin").lastName, { exact: false }).first()).toBeVisible();

  await reviewer.getByRole("button", { name: "Отклонить" }).click();
  await expect(reviewer.getByText("Укажите причину отклонения.")).toBeVisible();
  await reviewer.getByLabel("Шаблон причины").selectOption({ label: "Изменить название кабинета: укажите полное наименование учреждения" });
  await expect(reviewer.getByLabel("Причина отклонения")).toHaveValue("Изменить название кабинета: укажите полное наименование учреждения");
  await reviewer.getByRole("button", { name: "Отклонить" }).click();
  await expect(reviewer.getByText(/Заявка отклонена .* по причине:/)).toBeVisible();

  // ── The applicant sees the reason, fixes the name, sends it back.
  const rejected = await waitForMail(APPLICANT_EMAIL, "Заявка на подключение кабинета отклонена");
  expect(rejected.text).toContain("отклонена по причине: Изменить название кабинета: укажите полное наименование учреждения");
  expect(linksIn(rejected).some((l) => l.endsWith("/registration/work"))).toBe(true);

  await applicant.reload();
  await expect(applicant.getByText("Ваша заявка на подключение кабинета отклонена по причине:")).toBeVisible();
  await expect(applicant.getByTestId("rejection-reason")).toHaveText("Изменить название кабинета: укажите полное наименование учреждения");
  await expect(applicant.getByText("Исправьте параметры заявки и снова верните на рассмотрение")).toBeVisible();
  await expect(applicant.getByLabel("Название кабинета")).toBeEditable();
  await expect(applicant.getByLabel("Электронная почта")).toHaveValue(APPLICANT_EMAIL);
  await expect(applicant.getByRole("checkbox", { name: "Образование", exact: true })).toBeChecked();
  await applicant.getByLabel("Название кабинета").fill(SCHOOL_5);
  await applicant.getByRole("button", { name: "Создать кабинет" }).click();
  await expect(applicant.getByText("Ваша заявка на подключение кабинета находится на рассмотрении")).toBeVisible();
  await expect(applicant.getByText("(редакция 2)")).toBeVisible();

  // ── The organ sees what changed and approves; a second tab that still shows the old state is told.
  await reviewer.reload();
  const changes = reviewer.getByRole("table", { name: "Изменено по сравнению с редакцией № 1" });
  await expect(changes.getByRole("row", { name: /Название кабинета/ })).toContainText("Кабинет школы");
  await expect(changes.getByRole("row", { name: /Название кабинета/ })).toContainText(SCHOOL_5);
  const staleTab = await reviewer.context().newPage();
  await staleTab.goto(reviewer.url());
  await reviewer.getByRole("button", { name: "Одобрить" }).click();
  const approvedBanner = reviewer.getByText(/Заявка одобрена .*уникальный номер ЛКО: \d+/);
  await expect(approvedBanner).toBeVisible();
  const lkoId = /уникальный номер ЛКО: (\d+)/.exec((await approvedBanner.textContent())!)![1];
  expect(Number(lkoId)).toBeGreaterThanOrEqual(300000);

  await staleTab.getByLabel("Причина отклонения").fill("Повторное решение");
  await staleTab.getByRole("button", { name: "Отклонить" }).click();
  await expect(staleTab.getByRole("main").getByRole("alert")).toHaveText("Заявку уже рассмотрел другой сотрудник. Обновите страницу.");

  // ── The cabinet exists with its ЛКО id; the applicant is told by the page and by email.
  await applicant.reload();
  await expect(applicant.getByText(`Кабинет создан. Уникальный номер ЛКО: ${lkoId}`)).toBeVisible();
  const approved = await waitForMail(APPLICANT_EMAIL, "Заявка на подключение кабинета одобрена");
  expect(approved.text).toContain(`Уникальный номер ЛКО: ${lkoId}.`);

  // Both notices on «Почта (демо)».
  await applicant.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Почта (демо)" }).click();
  for (const subject of ["Заявка на подключение кабинета отклонена", "Заявка на подключение кабинета одобрена"]) {
    await expect(applicant.getByRole("listitem").filter({ hasText: APPLICANT_EMAIL }).getByRole("heading", { name: subject })).toBeVisible();
  }
});

test("кто не может подать заявку, видит, чего не хватает", async ({ page, context }) => {
  await signInThroughEsia(page, "institutionHead");
  await page.goto("/registration");
  await expect(page.getByRole("heading", { name: "Подать заявку нельзя" })).toBeVisible();
  await expect(page.getByText("вы не добавлены в группу доступа «ПОС. Госпаблики. Кабинет учреждения» в ЕСИА")).toBeVisible();
  await expect(page.getByText("нет роли «Администратор» или «Руководитель»")).toHaveCount(0);
  await page.goto("/registration/work");
  await expect(page.getByRole("heading", { name: "Подать заявку нельзя" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Создать кабинет" })).toHaveCount(0);

  await context.clearCookies();
  await signInThroughEsia(page, "institutionEmployee");
  await page.goto("/registration");
  await expect(page.getByText("в профиле организации в ЕСИА у вас нет роли «Администратор» или «Руководитель»")).toBeVisible();
  await expect(page.getByText("вы не добавлены в группу доступа")).toHaveCount(0);
});

test("у органа с кабинетом редакции поля рабочего кабинета заполнены по нему и заблокированы", async ({ page }) => {
  // The Управление образования's profile administrator (not on the demo panel, same password).
  await signInThroughEsia(page, "organAdmin", { login: personById.get("person-omsu-mag-uo-admin")!.email });
  await page.goto("/registration/work");
  await expect(page.getByRole("heading", { level: 1, name: "Форма заявки на создание рабочего кабинета" })).toBeVisible();
  for (const [label, text] of [["Регион", "Челябинская область"], ["Тип кабинета", "ОМСУ"], ["Редакция", "Управление образования (ЛКО № "]] as const) {
    const locked = page.getByLabel(label, { exact: true });
    await expect(locked).toBeDisabled();
    await expect(locked).toContainText(text);
    // Looks read-only: grey, a dashed border, no drop-down arrow (an editable field is white with a solid border).
    await expect(locked).toHaveCSS("background-color", "rgb(245, 247, 250)");
    await expect(locked).toHaveCSS("border-top-style", "dashed");
    await expect(locked).toHaveCSS("appearance", "none");
  }
  await expect(page.getByLabel("Название кабинета")).toHaveCSS("background-color", "rgb(255, 255, 255)");
  await expect(page.getByLabel("Название кабинета")).toHaveCSS("border-top-style", "solid");
  await page.getByRole("main").screenshot({ path: test.info().outputPath("locked-fields.png") });
  await expect(page.getByText("Образование, Дошкольное образование").or(page.getByText("Дошкольное образование, Образование"))).toBeVisible();
  await expect(page.getByLabel("Название кабинета")).toBeEditable();

  // An organ without an editorial cabinet is sent to file that first.
  await page.context().clearCookies();
  await signInThroughEsia(page, "organAdmin", { login: personById.get("person-to-minobr-magnitogorsk-admin")!.email });
  await page.goto("/registration/work");
  await expect(page.getByText("Создание рабочего кабинета РОИВ или ОМСУ возможно только после создания кабинета редакции.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Заявка на кабинет редакции" })).toBeVisible();
});

test("форма работает без JavaScript и сохраняет введённое при ошибке", async ({ browser }) => {
  const withJs = await browser.newContext();
  const page = await withJs.newPage();
  // The head of МОУ «СОШ № 13» (with the access group): not on the demo panel, same password.
  await signInThroughEsia(page, "institutionAdmin", { login: personById.get("person-mag-school-13-head")!.email });
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await withJs.storageState() });
  const form = await noJs.newPage();
  await form.goto("/registration");
  await form.getByRole("radio", { name: /^Рабочий кабинет/ }).check();
  await form.getByRole("button", { name: "Далее" }).click();
  await expect(form.getByRole("heading", { level: 1, name: "Форма заявки на создание рабочего кабинета" })).toBeVisible();

  // The server checks what the browser did not: the person's input comes back with the messages.
  await form.getByLabel("Название кабинета").fill("МОУ «СОШ № 13» г. Магнитогорска");
  await form.getByLabel("Электронная почта").fill("не-адрес");
  await form.getByRole("button", { name: "Создать кабинет" }).click();
  await expect(form.getByText("Введите адрес электронной почты полностью, например info@school.ru.")).toBeVisible();
  await expect(form.getByText("Выберите хотя бы одну сферу.")).toBeVisible();
  await expect(form.getByLabel("Название кабинета")).toHaveValue("МОУ «СОШ № 13» г. Магнитогорска");
  await expect(form.getByLabel("Электронная почта")).toHaveValue("не-адрес");

  await form.getByRole("checkbox", { name: "Образование", exact: true }).check();
  await form.getByLabel("Электронная почта").fill("office@mag-school13.demo.test");
  await form.getByRole("button", { name: "Создать кабинет" }).click();
  await expect(form.getByText("Ваша заявка на подключение кабинета находится на рассмотрении")).toBeVisible();
  await expect(form.getByLabel("Редакция")).toHaveValue(/cab-ed-omsu-mag-uo/);
});
