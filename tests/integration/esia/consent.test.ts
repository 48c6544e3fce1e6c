// Consent as the real ЕСИА keeps it: asked once per person × system × scopes (× organization for
// scope_org), not again until the person revokes it on «Выданные разрешения».
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_INSTITUTION, demoPerson, organizationById } from "@/lib/demo-world/esia-world";
import { REDIRECT_URI, TestBrowser, startTestEsia, txOf, walkSignIn, type TestEsia } from "../../helpers/esia";

let esia: TestEsia;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pos-esia-grants-"));
const grantsFile = path.join(dir, "grants.json");
beforeAll(async () => {
  esia = await startTestEsia({ grantsFile });
});
afterAll(async () => {
  await esia?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const signInUrl = () => esia.client.authorizationUrl(randomUUID());
const orgUrl = (orgOid: string) => esia.client.authorizationUrl(randomUUID(), "online", esia.client.organizationRequest(orgOid));
const SETTINGS = () => `${esia.baseUrl}/settings/agreements`;

/** Ends the browser's ЕСИА session, as «Выйти» does. */
async function logout(browser: TestBrowser) {
  await browser.get(esia.client.logoutUrl());
}

describe("согласие запоминается", () => {
  it("впервые — спрашивает; после выхода и нового входа — нет; отказ не запоминается", async () => {
    const login = demoPerson("cityIt").email;
    const browser = new TestBrowser();
    const denied = await walkSignIn(esia, browser, await signInUrl(), login, { decision: "deny" });
    expect(denied.searchParams.get("error_description")).toMatch(/^ESIA-007004/);
    const first = await walkSignIn(esia, browser, await signInUrl(), login, { consent: "asked" });
    expect(first.searchParams.get("code")).toBeTruthy();
    await logout(browser);
    const again = await walkSignIn(esia, browser, await signInUrl(), login, { consent: "remembered" });
    expect(again.origin + again.pathname).toBe(REDIRECT_URI);
    expect(again.searchParams.get("code")).toBeTruthy();
    // Another person in the same browser is asked for their own consent.
    await logout(browser);
    await walkSignIn(esia, browser, await signInUrl(), demoPerson("otherOrganAdmin").email, { consent: "asked" });
  });

  it("права организации — для каждой организации отдельно", async () => {
    const multi = demoPerson("multiOrg");
    const filing = organizationById.get(DEMO_INSTITUTION.filing)!;
    const second = organizationById.get(DEMO_INSTITUTION.multiSecond)!;
    const browser = new TestBrowser();
    await walkSignIn(esia, browser, await signInUrl(), multi.email, { consent: "asked" });
    await walkSignIn(esia, browser, await orgUrl(filing.esiaOid), multi.email, { consent: "asked" });
    await walkSignIn(esia, browser, await orgUrl(filing.esiaOid), multi.email, { consent: "remembered" });
    const other = await (await browser.get(await orgUrl(second.esiaOid))).text();
    expect(other).toContain(`в организации <strong>${second.shortName.replace(/"/g, "&quot;")}</strong>`);
  });

  it("новые права сверх выданных — спрашивает снова, перечисляя всё, что выдаст", async () => {
    const login = demoPerson("institutionHead").email;
    const browser = new TestBrowser();
    await walkSignIn(esia, browser, await signInUrl(), login, { consent: "asked" });
    const wider = await esia.client.authorizationUrl(randomUUID(), "online", { scope: `${esia.config.scope} snils`, redirectUri: REDIRECT_URI });
    const html = await (await browser.get(wider)).text();
    expect(html).toContain("Просмотр вашего СНИЛС");
    expect(html).toContain("Просмотр вашей фамилии, имени и отчества");
  });

  it("переживает перезапуск эмулятора (файл согласий)", async () => {
    const login = demoPerson("cityIt").email;
    const restarted = await startTestEsia({ grantsFile });
    try {
      // Same person, same system name: the new emulator reads the consents the first one wrote.
      await walkSignIn(restarted, new TestBrowser(), await restarted.client.authorizationUrl(randomUUID()), login, { consent: "remembered" });
    } finally {
      await restarted.close();
    }
    expect(JSON.parse(fs.readFileSync(grantsFile, "utf8")).some((g: { personOid: string }) => g.personOid === demoPerson("cityIt").esiaOid)).toBe(true);
  });
});

describe("«Выданные разрешения»", () => {
  it("без сеанса ЕСИА — форма входа; после входа — список с правами словами и организацией", async () => {
    const browser = new TestBrowser();
    const form = await (await browser.get(SETTINGS())).text();
    expect(form).toContain("Телефон / Email / СНИЛС");
    expect(form).toContain('action="/settings/login"');
    const multi = demoPerson("multiOrg");
    const res = await browser.post(`${esia.baseUrl}/settings/login`, { login: multi.email, password: "Demo-2026" });
    expect(res.headers.get("location")).toBe("/settings/agreements");
    const page = await (await browser.get(SETTINGS())).text();
    expect(page).toContain("Выданные разрешения");
    expect(page).toContain("Платформа обратной связи");
    expect(page).toContain("Просмотр списка организаций пользователя");
    expect(page).toContain(`в организации ${organizationById.get(DEMO_INSTITUTION.filing)!.shortName.replace(/"/g, "&quot;")}`);
    expect(page).toContain("Отозвать");
    const wrong = await new TestBrowser().post(`${esia.baseUrl}/settings/login`, { login: multi.email, password: "не тот" });
    expect(await wrong.text()).toContain("Неверные логин или пароль");
  });

  it("«Отозвать» — и при следующем входе ЕСИА спрашивает снова; чужое разрешение так не отозвать", async () => {
    const login = demoPerson("agapovoAdmin").email;
    const browser = new TestBrowser();
    await walkSignIn(esia, browser, await signInUrl(), login, { consent: "asked" });
    const page = await (await browser.get(SETTINGS())).text();
    const grantId = /name="grant" value="([^"]+)"/.exec(page)![1];
    // Someone else, signed in to ЕСИА in another browser, cannot revoke it.
    const stranger = new TestBrowser();
    await walkSignIn(esia, stranger, await signInUrl(), demoPerson("operator").email);
    await stranger.post(`${SETTINGS()}/revoke`, { grant: grantId });
    await walkSignIn(esia, browser, await signInUrl(), login, { consent: "remembered" });
    // The person does.
    const revoked = await browser.post(`${SETTINGS()}/revoke`, { grant: grantId });
    expect(revoked.headers.get("location")).toBe("/settings/agreements?revoked=1");
    const after = await (await browser.get(SETTINGS() + "?revoked=1")).text();
    expect(after).toContain("Разрешение отозвано");
    expect(after).toContain("Вы не выдавали разрешений информационным системам.");
    const asked = await (await browser.get(await signInUrl())).text();
    expect(asked).toContain("Предоставление прав доступа");
    expect(txOf(asked)).toBeTruthy();
  });
});
