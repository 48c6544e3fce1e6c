import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoPerson, type DemoPersonKey } from "../../../lib/demo-world/esia-world";

/** From the portal's sign-in page through ЕСИА's screens and back. */
export async function signInThroughEsia(page: Page, who: DemoPersonKey, opts: { expectLoginForm?: boolean; login?: string } = {}) {
  const person = demoPerson(who);
  await signInWithLogin(page, opts.login ?? person.email, opts);
  return person;
}

/** The same for any person of the ЕСИА world, by their login (email, phone or СНИЛС). */
export async function signInWithLogin(page: Page, login: string, opts: { expectLoginForm?: boolean } = {}) {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Войти через ЕСИА" }).click();
  if (opts.expectLoginForm !== false) {
    await expect(page.getByLabel("Телефон / Email / СНИЛС")).toBeVisible();
    await page.getByLabel("Телефон / Email / СНИЛС").fill(login);
    await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти", exact: true }).click();
  }
  await expect(page.getByRole("heading", { name: "Предоставление прав доступа" })).toBeVisible();
  await page.getByRole("button", { name: "Предоставить" }).click();
  // Back on the portal (its own host name), past its callback routes.
  await page.waitForURL((url) => url.hostname === "127.0.0.1" && !url.pathname.startsWith("/api/"));
}
