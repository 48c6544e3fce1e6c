import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, PERSONS, demoPerson, organizationById, type DemoPersonKey, type WorldPerson } from "../../../lib/demo-world/esia-world";

/** The person of the ЕСИА world behind a login (email, phone or СНИЛС, written any usual way). */
export function personByLogin(login: string): WorldPerson {
  const digits = login.replace(/\D/g, "");
  const phone = (p: WorldPerson) => p.mobile.replace(/\D/g, "").slice(-10);
  const found = login.includes("@")
    ? PERSONS.find((p) => p.email.toLowerCase() === login.trim().toLowerCase())
    : (PERSONS.find((p) => p.snils === digits) ?? PERSONS.find((p) => digits.length >= 10 && phone(p) === digits.slice(-10)));
  if (!found) throw new Error(`Нет человека ЕСИА с логином ${login}`);
  return found;
}

/**
 * ЕСИА's consent for an organization's rights (the portal's second authorization, scope_org): it
 * names the organization; «Предоставить» brings the person to the portal's start page.
 */
export async function grantOrganizationRights(page: Page, organizationId: string) {
  const org = organizationById.get(organizationId)!;
  await expect(page.getByRole("heading", { name: "Предоставление прав доступа" })).toBeVisible();
  await expect(page.getByText(`запрашивает следующие права в организации ${org.shortName} (ОГРН ${org.ogrn})`)).toBeVisible();
  await page.getByRole("button", { name: "Предоставить" }).click();
  await page.waitForURL((url) => url.hostname === "127.0.0.1" && url.pathname === "/start");
}

/** From the portal's sign-in page through ЕСИА's screens and back. */
export async function signInThroughEsia(page: Page, who: DemoPersonKey, opts: { expectLoginForm?: boolean; login?: string } = {}) {
  const person = demoPerson(who);
  await signInWithLogin(page, opts.login ?? person.email, opts);
  return person;
}

/**
 * The same for any person of the ЕСИА world, by their login (email, phone or СНИЛС). After the
 * sign-in's consent: a person with one organization grants its rights at once and lands on /start;
 * one with several lands on «Выберите организацию:» (or, given `organization`, chooses it and
 * grants its rights); one with none sees why they cannot continue.
 */
export async function signInWithLogin(page: Page, login: string, opts: { expectLoginForm?: boolean; organization?: string } = {}) {
  const person = personByLogin(login);
  await page.goto("/signin");
  await page.getByRole("button", { name: "Войти через ЕСИА" }).click();
  if (opts.expectLoginForm !== false) {
    await expect(page.getByLabel("Телефон / Email / СНИЛС")).toBeVisible();
    await page.getByLabel("Телефон / Email / СНИЛС").fill(login);
    await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти", exact: true }).click();
  }
  await expect(page.getByRole("heading", { name: "Предоставление прав доступа" })).toBeVisible();
  await expect(page.getByText("запрашивает следующие права:")).toBeVisible();
  await page.getByRole("button", { name: "Предоставить" }).click();
  if (person.memberships.length === 1) {
    await grantOrganizationRights(page, person.memberships[0].organizationId);
  } else if (person.memberships.length > 1) {
    await expect(page.getByText("Выберите организацию:")).toBeVisible();
    if (opts.organization) await chooseOrganization(page, opts.organization);
  } else {
    await expect(page.getByRole("heading", { level: 1, name: "Нет организаций для работы" })).toBeVisible();
  }
  return person;
}

/** «Выберите организацию:» → «Далее» → ЕСИА's consent for its rights → /start. */
export async function chooseOrganization(page: Page, organizationId: string) {
  const org = organizationById.get(organizationId)!;
  await page.getByRole("radio", { name: new RegExp(escapeRegExp(org.shortName)) }).check();
  await page.getByRole("button", { name: "Далее" }).click();
  await grantOrganizationRights(page, organizationId);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
