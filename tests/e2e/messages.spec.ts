// Issue 20: a citizen's message through the whole back office in Chromium. Sent through the widget
// on МОУ «СОШ № 40»'s site (a test site served here: banner → dialog → form), accepted there and
// passed up to the Управление образования, sent down to МОУ «СОШ № 33», assigned, answered,
// returned once by Руководитель and approved; the answer with its rating link reaches the citizen's
// address in the mail catcher; the citizen rates «Не решено» (a plain form), the message comes back
// for re-review and is answered again. Then, with the test
// clock, a message becomes «Просрочено» and its reminder goes out once.
import { expect, test, type Page } from "@playwright/test";
import { personById, type DemoPersonKey } from "../../lib/demo-world/esia-world";
import { signInThroughEsia, signInWithLogin } from "./support/esia";
import { linksIn, MAIL_CATCHER_URL, waitForMail } from "./support/mail";
import { EDU_DEPARTMENT_LKO, lkoOf } from "./support/routes";
import { setClockDays } from "./support/clock";
import { sendThroughBanner, sitePage, testSites } from "./support/test-site";
import type { CaughtMessage } from "../../lib/mail-catcher/server";

const SCHOOL_40 = lkoOf("org-mag-school-40");
const SCHOOL_33 = lkoOf("org-mag-school-33");
const CITIZEN = "lipatova.citizen@mail.demo.test";
const TEXT = "На остановке у школы нет освещения, дети по утрам ждут автобус в темноте.";

// МОУ «СОШ № 40»'s official site: a port clear of the portal's own four and widget.spec.ts's sites.
const SITE = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3100) + 12}`;
const sites = testSites();

test.describe.configure({ mode: "serial" });
test.beforeAll(() => sites.serve(SITE));
test.afterAll(async () => {
  await sites.close();
});
test.setTimeout(240_000);

async function as(page: Page, who: DemoPersonKey) {
  await page.context().clearCookies();
  await signInThroughEsia(page, who);
}

/** Opens the message's card from the cabinet's inbox (search by its number). */
async function openCard(page: Page, lko: number, number: string) {
  await page.goto(`/admin/cabinets/${lko}/messages?view=all&q=${number}`);
  await page.getByRole("link", { name: `№ ${number}`, exact: true }).click();
  await expect(page.getByRole("heading", { name: `Сообщение № ${number}` })).toBeVisible();
}

/** Presses a form's button and waits for the server action's answer (a reload before it could show the old state). */
async function act(page: Page, button: string) {
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/admin/cabinets/"));
  await page.getByRole("button", { name: button, exact: true }).click();
  await answered;
}

async function expectStatus(page: Page, status: string) {
  await expect.poll(async () => {
    await page.reload();
    return page.getByRole("article").innerText();
  }, { timeout: 20_000 }).toContain(status);
}

async function mailsTo(to: string): Promise<CaughtMessage[]> {
  return (await (await fetch(`${MAIL_CATCHER_URL}/api/messages?to=${encodeURIComponent(to)}`)).json()) as CaughtMessage[];
}

let number = "";

test("сообщение проходит модерацию, перенаправление вверх и вниз, исполнение, возврат и утверждение; гражданин оценивает «Не решено», ответ дан повторно", async ({ page, browser }) => {
  // The school's administrator gives its site's address (the test site) and hands the widget code,
  // generated when the cabinet got ready, to the site's editor, who pastes it into the main page.
  await signInWithLogin(page, personById.get("person-mag-school-40-head")!.email);
  await page.goto(`/admin/cabinets/${SCHOOL_40}/functioning`);
  await page.getByLabel("Адрес официального сайта, на котором будет размещен виджет").fill(`${SITE}/`);
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByText("Изменения сохранены")).toBeVisible();
  const code = await page.getByLabel("3. Код виджета для технической поддержки сайта").inputValue();
  expect(code).toContain(`${SCHOOL_40})</script>`);
  sites.put(`${SITE}/`, sitePage("МОУ «СОШ № 40» — официальный сайт", code));

  // The citizen writes through the widget on the school's site.
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto(`${SITE}/`);
  const form = await sendThroughBanner(citizen, citizen.getByRole("button", { name: "Написать о проблеме" }), { category: "Безопасность", text: TEXT, name: "Липатова Анна", contact: CITIZEN });
  number = (await form.locator("dt:has-text('Номер сообщения') + dd").innerText()).trim();
  expect(number).toMatch(/^\d+$/);
  await expect(form.locator("dt:has-text('Планируемая дата ответа') + dd")).toHaveText(/^не позднее \d{2}\.\d{2}\.\d{4}$/);

  // МОУ «СОШ № 40»: the coordinator accepts it and passes it up to the Управление образования.
  await as(page, "siblingCoordinator");
  await openCard(page, SCHOOL_40, number);
  await expect(page.getByText(`виджет на сайте ${SITE}`)).toBeVisible();
  await act(page, "Принять");
  await expectStatus(page, "Принято модератором");
  const up = await page.locator('#targetCabinetId optgroup[label="В вышестоящую организацию"] option').first().getAttribute("value");
  await page.getByLabel("Куда направить").selectOption(up!);
  await page.getByLabel("Причина", { exact: true }).fill("Освещение остановок — вопрос города, не школы.");
  await page.getByRole("button", { name: "Перенаправить" }).click();
  await expect(page.getByText("Сообщение перенаправлено: теперь оно в кабинете другой организации.")).toBeVisible();

  // The Управление образования sends it down to МОУ «СОШ № 33», whose road it is.
  await as(page, "organCoordinator");
  await openCard(page, EDU_DEPARTMENT_LKO, number);
  await expect(page.getByRole("article")).toContainText("Передано в вышестоящую организацию");
  const down = await page.locator("#targetCabinetId option", { hasText: "№ 33" }).first().getAttribute("value");
  await page.getByLabel("Куда направить").selectOption(down!);
  await page.getByLabel("Причина", { exact: true }).fill("Остановка у МОУ «СОШ № 33»: школа согласует освещение с подрядчиком.");
  await page.getByRole("button", { name: "Перенаправить" }).click();
  await expect(page.getByText("Сообщение перенаправлено: теперь оно в кабинете другой организации.")).toBeVisible();

  // МОУ «СОШ № 33»: the coordinator assigns it; the history came with it.
  await as(page, "messageCoordinator");
  await openCard(page, SCHOOL_33, number);
  await expect(page.getByRole("article")).toContainText("Направлено в подведомственную организацию");
  await expect(page.getByRole("article")).toContainText("МОУ «СОШ № 40»");
  await page.getByLabel("Исполнитель").selectOption({ index: 1 });
  await act(page, "Назначить исполнителя");
  await expectStatus(page, "Назначен исполнитель");

  // The executor answers; Руководитель returns it once, then approves the corrected answer.
  await as(page, "messageExecutor");
  await openCard(page, SCHOOL_33, number);
  await page.getByLabel("Ответ заявителю").fill("Здравствуйте! Освещение на остановке будет восстановлено.");
  await page.getByLabel("Тип решения").selectOption({ label: "Решено" });
  await act(page, "Отправить на согласование");
  await expectStatus(page, "На согласовании");

  await as(page, "messageSupervisor");
  await openCard(page, SCHOOL_33, number);
  await page.getByLabel("Что исправить").fill("Укажите срок: когда восстановят освещение.");
  await act(page, "Вернуть на доработку");
  await expectStatus(page, "Возвращено на доработку");

  const ANSWER = "Здравствуйте! Подрядчик восстановит освещение на остановке у школы до конца недели.";
  await as(page, "messageExecutor");
  await openCard(page, SCHOOL_33, number);
  await expect(page.getByText("Укажите срок: когда восстановят освещение.")).toBeVisible();
  await page.getByLabel("Ответ заявителю").fill(ANSWER);
  await act(page, "Отправить на согласование");
  await expectStatus(page, "На согласовании");

  await as(page, "messageSupervisor");
  await openCard(page, SCHOOL_33, number);
  await act(page, "Утвердить и направить заявителю");
  await expectStatus(page, "Ответ направлен заявителю");

  // The answer reaches the citizen with its rating link; «Не решено» without JavaScript.
  const answer = await waitForMail(CITIZEN, `Ответ на ваше сообщение № ${number}`);
  expect(answer.text).toContain(ANSWER);
  const rateLink = linksIn(answer).find((l) => l.includes("/rate/"))!;
  expect(rateLink).toBeTruthy();
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const rate = await noJs.newPage();
  await rate.goto(new URL(rateLink).pathname);
  await expect(rate.getByRole("heading", { name: `Оценка ответа на сообщение № ${number}` })).toBeVisible();
  await rate.getByRole("button", { name: "Отправить оценку" }).click();
  await expect(rate.getByText("Выберите оценку от 1 до 5.")).toBeVisible();
  await rate.getByLabel("2 — плохо").check();
  await rate.getByLabel("Не решено — рассмотреть повторно").check();
  await rate.getByRole("button", { name: "Отправить оценку" }).click();
  await expect(rate.getByText("Сообщение направлено на повторное рассмотрение")).toBeVisible();
  await rate.goto(new URL(rateLink).pathname);
  await expect(rate.getByText("Этот ответ уже оценён. Спасибо!")).toBeVisible();
  await noJs.close();

  // Re-review: the executor answers again, Руководитель approves, a second answer goes out.
  await as(page, "messageExecutor");
  await openCard(page, SCHOOL_33, number);
  await expect(page.getByRole("article")).toContainText("Повторное рассмотрение");
  await expect(page.getByRole("article")).toContainText("2 из 5, «Не решено»");
  await page.getByLabel("Ответ заявителю").fill("Здравствуйте! Освещение на остановке восстановлено 3 декабря, фонари проверены вечером.");
  await act(page, "Отправить на согласование");
  await expectStatus(page, "На согласовании");
  await as(page, "messageSupervisor");
  await openCard(page, SCHOOL_33, number);
  await act(page, "Утвердить и направить заявителю");
  await expectStatus(page, "Ответ направлен заявителю");
  await expect.poll(async () => (await mailsTo(CITIZEN)).filter((m) => m.subject === `Ответ на ваше сообщение № ${number}`).length, { timeout: 20_000 }).toBe(2);
});

test("с тестовыми часами сообщение становится «Просрочено», напоминание уходит один раз", async ({ page, browser }) => {
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto(`/form?opaId=${SCHOOL_33}`);
  await citizen.getByLabel("Тема сообщения").selectOption({ label: "Питание" });
  await citizen.getByLabel("Опишите проблему").fill("В школьной столовой не работает раковина для мытья рук.");
  await citizen.getByLabel("Как к вам обращаться").fill("Кедров Олег");
  await citizen.getByLabel("Электронная почта или телефон для ответа").fill("kedrov.citizen@mail.demo.test");
  await citizen.getByLabel("Я даю согласие на обработку моих персональных данных").check();
  await citizen.getByRole("button", { name: "Отправить сообщение" }).click();
  const late = (await citizen.locator("dt:has-text('Номер сообщения') + dd").innerText()).trim();

  await as(page, "messageCoordinator");
  await openCard(page, SCHOOL_33, late);
  // The cabinet's auto-rule «Питание → исполнитель» assigns it on acceptance.
  await act(page, "Принять");
  await expectStatus(page, "Назначен исполнитель");
  await expect(page.getByRole("article")).not.toContainText("Просрочено");

  try {
    setClockDays(30);
    await expect.poll(async () => {
      await page.reload();
      return page.getByRole("article").getByText("Просрочено", { exact: true }).count();
    }, { timeout: 20_000 }).toBe(1);
    await page.goto(`/admin/cabinets/${SCHOOL_33}/messages?view=overdue&q=${late}`);
    await expect(page.getByRole("row").filter({ hasText: `№ ${late}` })).toContainText("Просрочено");

    const subject = `Срок ответа прошёл: сообщение № ${late}`;
    const overdueMails = async () => {
      const res = await fetch(`${MAIL_CATCHER_URL}/api/messages`);
      return ((await res.json()) as CaughtMessage[]).filter((m) => m.subject === subject);
    };
    // One to the executor, one to the cabinet's Руководитель: the outbox sends them one by one, so
    // wait for both before counting (a count taken after the first would see the second as a repeat).
    await expect.poll(async () => (await overdueMails()).length, { timeout: 30_000 }).toBe(2);
    const first = (await overdueMails()).length;
    // The job looks every 2 s: three more rounds send nothing new.
    await page.waitForTimeout(7_000);
    const again = await overdueMails();
    expect(again.length).toBe(first);
    expect(new Set(again.map((m) => m.to.join(","))).size).toBe(again.length);
  } finally {
    setClockDays(0);
  }
});
