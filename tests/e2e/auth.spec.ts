import { expect, test } from "./support/test";
import { DEMO_INSTITUTION, DEMO_PASSWORD, DEMO_PERSONS, demoPerson, organizationById, type DemoPersonKey } from "../../lib/demo-world/esia-world";
import { ESIA_URL, chooseOrganization, grantOrganizationRights, revokeEsiaConsents, signInThroughEsia, signInWithLogin } from "./support/esia";

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
      // The portal's session is gone, ЕСИА's is not: the login form is skipped, and so is the consent
      // (granted a moment ago, or earlier in the run).
      await context.clearCookies({ domain: "127.0.0.1" });
      await signInThroughEsia(page, key, { expectLoginForm: false, consent: "remembered" });
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
    await revokeEsiaConsents(page, "k.vetrova.1@mincifry74.demo.test");
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

  test("сотрудник двух организаций выбирает одну, подтверждает её права в ЕСИА, затем меняет её", async ({ page }) => {
    await revokeEsiaConsents(page, demoPerson("multiOrg").email);
    await signInThroughEsia(page, "multiOrg", { consent: "asked" });
    const first = organizationById.get(DEMO_INSTITUTION.multiSecond)!;
    const second = organizationById.get(DEMO_INSTITUTION.filing)!;
    await page.getByRole("button", { name: "Далее" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Выберите организацию.");
    // «Далее» asks ЕСИА for the organization's rights (scope_org): no login form, the organization named, its rights in words.
    await page.getByRole("radio", { name: new RegExp(first.shortName) }).check();
    const choosing = page.url();
    await page.getByRole("button", { name: "Далее" }).click();
    await expect(page.getByLabel("Телефон / Email / СНИЛС")).toHaveCount(0);
    for (const right of ["Просмотр групп доступа сотрудника в организации", "Просмотр ИНН организации"]) await expect(page.getByText(right)).toBeVisible();
    await grantOrganizationRights(page, DEMO_INSTITUTION.multiSecond, { leaving: choosing, consent: "asked" });
    await expect(page.getByRole("heading", { level: 1, name: first.shortName })).toBeVisible();
    // Changing the organization repeats ЕСИА's consent for the new one.
    await page.getByRole("main").getByRole("link", { name: "Сменить организацию" }).click();
    await expect(page.getByRole("radio", { name: new RegExp(first.shortName) })).toBeChecked();
    await chooseOrganization(page, DEMO_INSTITUTION.filing, "asked");
    await expect(page.getByRole("heading", { level: 1, name: second.shortName })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(second.shortName);
    // Back to the first: ЕСИА remembers its rights, no consent this time.
    await page.getByRole("main").getByRole("link", { name: "Сменить организацию" }).click();
    await chooseOrganization(page, DEMO_INSTITUTION.multiSecond, "remembered");
    await expect(page.getByRole("heading", { level: 1, name: first.shortName })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(first.shortName);
  });

  test("«Отказать» на правах организации: понятное сообщение, сеанс без организации, можно повторить", async ({ page }) => {
    const person = demoPerson("institutionAdmin");
    const org = organizationById.get(person.memberships[0].organizationId)!;
    // Everything revoked on «Выданные разрешения»: ЕСИА asks for the sign-in's rights, then the organization's.
    await revokeEsiaConsents(page, person.email);
    await page.goto("/signin");
    await page.getByRole("button", { name: "Войти через ЕСИА" }).click();
    await page.getByLabel("Телефон / Email / СНИЛС").fill(person.email);
    await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти", exact: true }).click();
    await page.getByRole("button", { name: "Предоставить" }).click();
    // The only organization: its rights are asked at once.
    await expect(page.getByText(`запрашивает следующие права в организации ${org.shortName} (ОГРН ${org.ogrn})`)).toBeVisible();
    await page.getByRole("button", { name: "Отказать" }).click();
    await expect(page).toHaveURL(/\/select-organization\?error=denied&/);
    const alert = page.getByRole("alert").filter({ hasText: "Организация не выбрана" });
    await expect(alert).toContainText("Вы не предоставили порталу права в организации");
    await expect(alert).toContainText("ESIA-007004");
    // Still signed in (the header names the person), with no organization; «Далее» tries again.
    await expect(page.getByRole("banner")).toContainText(person.lastName);
    await expect(page.getByRole("banner")).not.toContainText(org.shortName);
    await expect(page.getByRole("radio", { name: new RegExp(org.shortName) })).toBeChecked();
    const choosing = page.url();
    await page.getByRole("button", { name: "Далее" }).click();
    // A refusal is not remembered: ЕСИА asks again.
    await grantOrganizationRights(page, org.id, { leaving: choosing, consent: "asked" });
    await expect(page.getByRole("heading", { level: 1, name: org.shortName })).toBeVisible();
  });

  test("подделанный ответ ЕСИА на правах организации не выбирает её", async ({ page }) => {
    // ЕСИА's consent must be on screen: the rights of that organization not granted yet.
    await revokeEsiaConsents(page, demoPerson("multiOrg").email);
    await signInThroughEsia(page, "multiOrg");
    // The authorization started («Далее»), ЕСИА's consent on screen; an answer with another state arrives.
    await page.getByRole("radio", { name: new RegExp(organizationById.get(DEMO_INSTITUTION.filing)!.shortName) }).check();
    await page.getByRole("button", { name: "Далее" }).click();
    await expect(page.getByRole("heading", { name: "Предоставление прав доступа" })).toBeVisible();
    await page.goto("/api/esia/organization/callback?code=stolen-code&state=3f2a9c1e-8b7d-4e6f-a5c4-2b1d0e9f8a7c");
    await expect(page).toHaveURL(/\/select-organization\?error=forged-state$/);
    await expect(page.getByRole("alert").filter({ hasText: "Организация не выбрана" })).toContainText("не прошёл проверку");
    await page.goto("/start");
    await expect(page).toHaveURL(/\/select-organization$/);
    await expect(page.getByText("Выберите организацию:")).toBeVisible();
  });

  test("согласие ЕСИА спрашивается один раз; отозванное на «Выданных разрешениях» — спрашивается снова", async ({ page }) => {
    const person = demoPerson("institutionAdmin");
    const org = organizationById.get(person.memberships[0].organizationId)!;
    await revokeEsiaConsents(page, person.email);
    // First time: the sign-in's rights, then the organization's.
    await signInWithLogin(page, person.email, { consent: "asked" });
    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Вы вышли из системы" })).toBeVisible();
    // Returning: ЕСИА's login form (its session ended with the portal's), and no consent at all.
    await signInWithLogin(page, person.email, { consent: "remembered" });
    await expect(page.getByRole("heading", { level: 1, name: org.shortName })).toBeVisible();
    // ЕСИА's «Выданные разрешения» (its session is open): revoke the organization's rights only.
    await page.goto(`${ESIA_URL}/settings/agreements`);
    await expect(page.getByRole("heading", { level: 1, name: "Выданные разрешения" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Отозвать/ })).toHaveCount(2);
    await page.getByRole("button", { name: `Отозвать разрешение для Платформа обратной связи в организации ${org.shortName}` }).click();
    await expect(page.getByRole("status")).toHaveText(/Разрешение отозвано/);
    await expect(page.getByRole("button", { name: /^Отозвать/ })).toHaveCount(1);
    await page.goto("/start");
    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Вы вышли из системы" })).toBeVisible();
    await signInWithLogin(page, person.email, { consent: { signIn: "remembered", organization: "asked" } });
    await expect(page.getByRole("heading", { level: 1, name: org.shortName })).toBeVisible();
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
