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

/** The emulator's origin in e2e (tests/e2e/serve.ts: the portal's port + 1, another host name). */
export const ESIA_URL = `http://localhost:${Number(process.env.E2E_PORT || 3100) + 1}`;

/**
 * ЕСИА asks for consent only until the person has granted these rights to the portal (the sign-in's,
 * and each organization's): "asked" and "remembered" make a walk assert which; "either" fits a
 * test that is not about consent and may run after another that already granted.
 */
export type ConsentExpectation = "asked" | "remembered" | "either";
type EsiaStep = "sign-in" | "organization" | "portal" | "pending";

async function esiaStep(page: Page): Promise<EsiaStep> {
  const url = new URL(page.url());
  if (url.hostname === "127.0.0.1" && !url.pathname.startsWith("/api/")) return "portal";
  if (await page.getByText("запрашивает следующие права:").isVisible()) return "sign-in";
  if (await page.getByText(/запрашивает следующие права в организации/).isVisible()) return "organization";
  return "pending";
}

/**
 * Follows ЕСИА back to the portal, pressing «Предоставить» on each consent ЕСИА shows (the
 * sign-in's, then the organization's); returns the consents it was asked. `leaving`: the portal
 * page the last action is navigating away from. `organizationId`: the organization a consent for
 * an organization's rights must name.
 */
export async function passEsiaConsents(page: Page, opts: { leaving?: string; organizationId?: string } = {}): Promise<EsiaStep[]> {
  if (opts.leaving) await page.waitForURL((url) => url.href !== opts.leaving);
  const asked: EsiaStep[] = [];
  for (;;) {
    await expect.poll(() => esiaStep(page), { timeout: 20_000 }).not.toBe("pending");
    const step = await esiaStep(page);
    if (step === "portal") return asked;
    if (step === "organization" && opts.organizationId) {
      const org = organizationById.get(opts.organizationId)!;
      await expect(page.getByText(`запрашивает следующие права в организации ${org.shortName} (ОГРН ${org.ogrn})`)).toBeVisible();
    }
    expect(asked, "ЕСИА спросила одно и то же дважды").not.toContain(step);
    asked.push(step);
    const before = page.url();
    await page.getByRole("button", { name: "Предоставить" }).click();
    await page.waitForURL((url) => url.href !== before);
  }
}

function expectConsents(asked: EsiaStep[], step: EsiaStep, expectation: ConsentExpectation) {
  if (expectation === "asked") expect(asked, `ЕСИА должна была спросить согласие (${step})`).toContain(step);
  if (expectation === "remembered") expect(asked, `согласие уже выдано, ЕСИА не должна спрашивать (${step})`).not.toContain(step);
}

/**
 * ЕСИА's step for an organization's rights (the portal's second authorization, scope_org): the
 * consent naming the organization if ЕСИА asks, then the portal's start page.
 */
export async function grantOrganizationRights(page: Page, organizationId: string, opts: { leaving?: string; consent?: ConsentExpectation } = {}) {
  const asked = await passEsiaConsents(page, { leaving: opts.leaving, organizationId });
  expectConsents(asked, "organization", opts.consent ?? "either");
  await page.waitForURL((url) => url.hostname === "127.0.0.1" && url.pathname === "/start");
}

/** From the portal's sign-in page through ЕСИА's screens and back. */
export async function signInThroughEsia(page: Page, who: DemoPersonKey, opts: SignInOptions & { login?: string } = {}) {
  const person = demoPerson(who);
  await signInWithLogin(page, opts.login ?? person.email, opts);
  return person;
}

export interface SignInOptions {
  /** false: ЕСИА's session is open, its login form must not show. */
  expectLoginForm?: boolean;
  /** Which consents ЕСИА must ask this time: the sign-in's and (one organization) its rights, or each apart. */
  consent?: ConsentExpectation | { signIn: ConsentExpectation; organization: ConsentExpectation };
  /** For a person with several organizations: choose this one and grant its rights. */
  organization?: string;
}

/**
 * The same for any person of the ЕСИА world, by their login (email, phone or СНИЛС). A person with
 * one organization passes its rights at once and lands on /start; one with several lands on
 * «Выберите организацию:» (or, given `organization`, chooses it); one with none sees why they
 * cannot continue.
 */
export async function signInWithLogin(page: Page, login: string, opts: SignInOptions = {}) {
  const person = personByLogin(login);
  await page.goto("/signin");
  const signInPage = page.url();
  await page.getByRole("button", { name: "Войти через ЕСИА" }).click();
  if (opts.expectLoginForm !== false) {
    await expect(page.getByLabel("Телефон / Email / СНИЛС")).toBeVisible();
    await page.getByLabel("Телефон / Email / СНИЛС").fill(login);
    await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти", exact: true }).click();
  }
  const only = person.memberships.length === 1 ? person.memberships[0].organizationId : undefined;
  const asked = await passEsiaConsents(page, { leaving: signInPage, organizationId: only });
  const consent = typeof opts.consent === "object" ? opts.consent : { signIn: opts.consent ?? "either", organization: opts.consent ?? "either" };
  expectConsents(asked, "sign-in", consent.signIn);
  if (only) {
    expectConsents(asked, "organization", consent.organization);
    await page.waitForURL((url) => url.hostname === "127.0.0.1" && url.pathname === "/start");
  } else if (person.memberships.length > 1) {
    await expect(page.getByText("Выберите организацию:")).toBeVisible();
    if (opts.organization) await chooseOrganization(page, opts.organization);
  } else {
    await expect(page.getByRole("heading", { level: 1, name: "Нет организаций для работы" })).toBeVisible();
  }
  return person;
}

/** «Выберите организацию:» → «Далее» → ЕСИА's consent for its rights (the first time) → /start. */
export async function chooseOrganization(page: Page, organizationId: string, consent: ConsentExpectation = "either") {
  const org = organizationById.get(organizationId)!;
  await page.getByRole("radio", { name: new RegExp(escapeRegExp(org.shortName)) }).check();
  const leaving = page.url();
  await page.getByRole("button", { name: "Далее" }).click();
  await grantOrganizationRights(page, organizationId, { leaving, consent });
}

/**
 * Revokes, on ЕСИА's «Выданные разрешения», every consent this person gave, in a browser of its
 * own (the test's cookies stay as they were): a test that must see ЕСИА's consent screens starts so.
 */
export async function revokeEsiaConsents(page: Page, login: string) {
  const context = await page.context().browser()!.newContext({ locale: "ru-RU" });
  try {
    const esia = await context.newPage();
    await esia.goto(`${ESIA_URL}/settings/agreements`);
    await esia.getByLabel("Телефон / Email / СНИЛС").fill(login);
    await esia.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await esia.getByRole("button", { name: "Войти", exact: true }).click();
    await expect(esia.getByRole("heading", { level: 1, name: "Выданные разрешения" })).toBeVisible();
    const revoke = esia.getByRole("button", { name: /^Отозвать/ });
    for (let left = await revoke.count(); left > 0; left--) {
      await revoke.first().click();
      await expect(revoke).toHaveCount(left - 1);
    }
    await expect(esia.getByText("Вы не выдавали разрешений информационным системам.")).toBeVisible();
  } finally {
    await context.close();
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
