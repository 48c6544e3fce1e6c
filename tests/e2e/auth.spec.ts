import { expect, test } from "@playwright/test";
import { DEMO_INSTITUTION, DEMO_PERSONS, organizationById, type DemoPersonKey } from "../../lib/demo-world/esia-world";
import { signInThroughEsia } from "./support/esia";

test.describe("вход через эмулятор ЕСИА", () => {
  for (const person of DEMO_PERSONS) {
    const key = person.demo!.key as DemoPersonKey;
    test(`${person.demo!.label}: вход, затем повторный вход при открытом сеансе ЕСИА`, async ({ page, context }) => {
      await signInThroughEsia(page, key);
      const orgs = person.memberships.length;
      const expectLanding = async () => {
        if (orgs === 0) {
          await expect(page.getByRole("heading", { level: 1, name: "Нет организаций для работы" })).toBeVisible();
        } else if (orgs === 1) {
          await expect(page).toHaveURL(/\/start$/);
          await expect(page.getByRole("heading", { level: 1, name: organizationById.get(person.memberships[0].organizationId)!.shortName })).toBeVisible();
        } else {
          await expect(page.getByText("Выберите организацию:")).toBeVisible();
          for (const m of person.memberships) await expect(page.getByText(`ОГРН: ${organizationById.get(m.organizationId)!.ogrn}`)).toBeVisible();
        }
      };
      await expectLanding();
      // The portal's session is gone, ЕСИА's is not: the login form is skipped.
      await context.clearCookies({ domain: "127.0.0.1" });
      await signInThroughEsia(page, key, { expectLoginForm: false });
      await expectLanding();
    });
  }

  test("вход по телефону и по СНИЛС", async ({ page, context }) => {
    const p = await signInThroughEsia(page, "organAdmin", { login: "+7 (900) 000-00-02" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(organizationById.get(p.memberships[0].organizationId)!.shortName);
    await context.clearCookies();
    await signInThroughEsia(page, "organAdmin", { login: "190-000-026 91" });
    await expect(page).toHaveURL(/\/start$/);
  });

  test("неверный пароль — сообщение ЕСИА, вход не выполнен", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Войти через ЕСИА" }).click();
    await page.getByLabel("Телефон / Email / СНИЛС").fill("a.lesnikov.2@uo-mgn.demo.test");
    await page.getByLabel("Пароль").fill("не-тот-пароль");
    await page.getByRole("button", { name: "Войти", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Неверные логин или пароль");
    await expect(page.getByLabel("Телефон / Email / СНИЛС")).toHaveValue("a.lesnikov.2@uo-mgn.demo.test");
  });

  test("«Отказать» возвращает на портал с понятным сообщением и предложением войти снова", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Войти через ЕСИА" }).click();
    await page.getByLabel("Телефон / Email / СНИЛС").fill("k.vetrova.1@mincifry74.demo.test");
    await page.getByLabel("Пароль").fill("Demo-2026");
    await page.getByRole("button", { name: "Войти", exact: true }).click();
    await page.getByRole("button", { name: "Отказать" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Вы не предоставили доступ" })).toBeVisible();
    await expect(page.getByText("ESIA-007004")).toBeVisible();
    await page.getByRole("link", { name: "Попробовать снова" }).click();
    await expect(page).toHaveURL(/\/signin$/);
  });

  test("сотрудник двух организаций выбирает одну, затем меняет её", async ({ page }) => {
    await signInThroughEsia(page, "multiOrg");
    const first = organizationById.get(DEMO_INSTITUTION.multiSecond)!;
    const second = organizationById.get(DEMO_INSTITUTION.filing)!;
    await page.getByRole("button", { name: "Далее" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Выберите организацию.");
    await page.getByRole("radio", { name: new RegExp(first.shortName) }).check();
    await page.getByRole("button", { name: "Далее" }).click();
    await expect(page.getByRole("heading", { level: 1, name: first.shortName })).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "Сменить организацию" }).click();
    await expect(page.getByRole("radio", { name: new RegExp(first.shortName) })).toBeChecked();
    await page.getByRole("radio", { name: new RegExp(second.shortName) }).check();
    await page.getByRole("button", { name: "Далее" }).click();
    await expect(page.getByRole("heading", { level: 1, name: second.shortName })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(second.shortName);
  });

  test("выход завершает и сеанс портала, и сеанс ЕСИА", async ({ page }) => {
    await signInThroughEsia(page, "operator");
    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Вы вышли из системы" })).toBeVisible();
    await page.goto("/start");
    await expect(page).toHaveURL(/\/signin$/);
    await page.getByRole("button", { name: "Войти через ЕСИА" }).click();
    await expect(page.getByLabel("Телефон / Email / СНИЛС")).toBeVisible();
  });

  test("подделанный ответ ЕСИА (чужой state) не впускает", async ({ page }) => {
    await page.goto("/api/esia/callback?code=stolen-code&state=3f2a9c1e-8b7d-4e6f-a5c4-2b1d0e9f8a7c");
    await expect(page.getByRole("heading", { level: 1, name: "Вход не выполнен" })).toBeVisible();
    await page.goto("/start");
    await expect(page).toHaveURL(/\/signin$/);
  });
});
