// The ЕСИА emulator and the portal's ЕСИА client, talking over HTTP as in production.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import { formatTimestamp, secretMessage } from "@/lib/esia/protocol";
import { demoPerson, organizationById, personById, DEMO_INSTITUTION } from "@/lib/demo-world/esia-world";
import { GOSPUBLIC_CABINET_GROUP } from "@/lib/demo-world/reference";
import { PORTAL, REDIRECT_URI, TestBrowser, startTestEsia, walkSignIn, txOf, type TestEsia } from "../../helpers/esia";

let esia: TestEsia;
beforeAll(async () => {
  esia = await startTestEsia();
});
afterAll(async () => esia?.close());

async function signIn(login = demoPerson("institutionAdmin").email, browser = new TestBrowser()) {
  const state = randomUUID();
  const back = await walkSignIn(esia, browser, await esia.client.authorizationUrl(state), login);
  return { back, state, browser };
}

/** Rebuilds a signed authorization URL with some fields changed after signing. */
async function tamperedAuthorizeUrl(change: (p: URLSearchParams) => void) {
  const url = new URL(await esia.client.authorizationUrl(randomUUID()));
  change(url.searchParams);
  return url.toString();
}

describe("вход через эмулятор ЕСИА", () => {
  it("показывает форму входа, затем согласие, и возвращает код с тем же state", async () => {
    const browser = new TestBrowser();
    const state = randomUUID();
    const res = await browser.get(await esia.client.authorizationUrl(state));
    const html = await res.text();
    expect(html).toContain("Телефон / Email / СНИЛС");
    expect(html).toContain("Демо-пользователи эмулятора");
    const back = await walkSignIn(esia, browser, await esia.client.authorizationUrl(state), demoPerson("institutionAdmin").email, { consent: "asked" });
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    expect(back.searchParams.get("state")).toBe(state);
    expect(back.searchParams.get("code")).toBeTruthy();
  });

  it("называет в списке демо-пользователей всех, к кому README отправляет новичка, а остальных — по организациям", async () => {
    const browser = new TestBrowser();
    const html = await (await browser.get(await esia.client.authorizationUrl(randomUUID()))).text();
    const tx = txOf(html);
    for (const key of ["uninvitedTeacher", "widgetHead", "organAdmin", "cityIt"] as const) expect(html).toContain(demoPerson(key).email);
    const link = /href="(\/demo\/people\?tx=[^"]+)"/.exec(html)?.[1];
    expect(link).toBe(`/demo/people?tx=${tx}`);
    const directory = await (await browser.get(`${esia.baseUrl}${link!.replace(/&amp;/g, "&")}`)).text();
    const summary = (orgId: string) => `<summary>${organizationById.get(orgId)!.shortName} (`;
    expect(directory).toContain(summary("org-mag-school-16"));
    // Everyone of the world is there (e.g. an ИКТ specialist of a school), with a one-press sign-in.
    const it33 = personById.get("person-mag-school-33-it")!;
    expect(directory).toContain(it33.email);
    expect(directory).toContain(`name="tx" value="${tx}"`);
    // Natural order: «СОШ № 5» before «СОШ № 10».
    expect(directory.indexOf(summary("org-mag-school-5"))).toBeLessThan(directory.indexOf(summary("org-mag-school-10")));
    const back = await walkSignIn(esia, browser, await esia.client.authorizationUrl(randomUUID()), it33.email);
    expect(back.searchParams.get("code")).toBeTruthy();
  });

  it("перечисляет запрошенные права словами и спрашивает «Предоставить» / «Отказать»", async () => {
    const browser = new TestBrowser();
    const first = await browser.get(await esia.client.authorizationUrl(randomUUID()));
    const login = await browser.post(`${esia.baseUrl}/aas/oauth2/login`, { tx: txOf(await first.text()), login: demoPerson("operator").mobile, password: "Demo-2026" });
    const consent = await (await browser.get(new URL(login.headers.get("location")!, esia.baseUrl).toString())).text();
    for (const right of ["Просмотр списка организаций пользователя", "Проведение входа в систему", "Просмотр вашей фамилии, имени и отчества", "Просмотр вашего адреса электронной почты", "Просмотр номера вашего мобильного телефона"]) {
      expect(consent).toContain(right);
    }
    expect(consent).toContain("Платформа обратной связи");
    expect(consent).toContain("запрашивает следующие права:");
    expect(consent).toContain("Предоставить");
    expect(consent).toContain("Отказать");
  });

  it("входит по телефону, почте и СНИЛС; неверный пароль — сообщение об ошибке", async () => {
    const p = demoPerson("organAdmin");
    for (const login of [p.mobile, p.email.toUpperCase(), p.snils, `${p.snils.slice(0, 3)}-${p.snils.slice(3, 6)}-${p.snils.slice(6, 9)} ${p.snils.slice(9)}`]) {
      const { back } = await signIn(login);
      expect(back.searchParams.get("code"), login).toBeTruthy();
    }
    const browser = new TestBrowser();
    const res = await browser.get(await esia.client.authorizationUrl(randomUUID()));
    const wrong = await browser.post(`${esia.baseUrl}/aas/oauth2/login`, { tx: txOf(await res.text()), login: p.email, password: "не тот" });
    expect(wrong.status).toBe(200);
    expect(await wrong.text()).toContain("Неверные логин или пароль");
    expect(browser.hasCookie("esia_sid")).toBe(false);
  });

  it("с открытым сеансом ЕСИА и выданным согласием сразу возвращает код: ни формы входа, ни согласия", async () => {
    const { browser } = await signIn();
    const state = randomUUID();
    const res = await browser.get(await esia.client.authorizationUrl(state));
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get("location")!);
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    expect(back.searchParams.get("state")).toBe(state);
    expect(back.searchParams.get("code")).toBeTruthy();
  });

  it("«Отказать» возвращает access_denied с кодом ESIA-007004", async () => {
    const state = randomUUID();
    const back = await walkSignIn(esia, new TestBrowser(), await esia.client.authorizationUrl(state), demoPerson("operator").email, { decision: "deny" });
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("error_description")).toMatch(/^ESIA-007004/);
    expect(back.searchParams.get("state")).toBe(state);
    expect(back.searchParams.get("code")).toBeNull();
  });

  it("выдаёт маркеры с настоящими утверждениями и данные человека в форме ЕСИА", async () => {
    const { back } = await signIn(demoPerson("multiOrg").email);
    const tokens = await esia.client.exchangeCode(back.searchParams.get("code")!);
    const access = decodeJwt(tokens.accessToken);
    const person = demoPerson("multiOrg");
    expect(access).toMatchObject({ iss: `${esia.baseUrl}/`, client_id: "POS_TEST", "urn:esia:sbj_id": Number(person.esiaOid) });
    expect(access.scope).toContain(`fullname?oid=${person.esiaOid}`);
    expect(access["urn:esia:sid"]).toBeTruthy();
    const id = decodeJwt(tokens.idToken);
    expect(id).toMatchObject({ sub: person.esiaOid, aud: "POS_TEST", amr: "PWD" });
    expect(id["urn:esia:sbj"]).toMatchObject({ "urn:esia:sbj:typ": "P", "urn:esia:sbj:nam": `OID.${person.esiaOid}` });

    const profile = await esia.client.loadProfile(tokens);
    expect(profile).toMatchObject({ oid: person.esiaOid, lastName: person.lastName, firstName: person.firstName, email: person.email, mobile: person.mobile });
    expect(profile.organizations.map((o) => o.ogrn).sort()).toEqual(
      [organizationById.get(DEMO_INSTITUTION.filing)!.ogrn, organizationById.get(DEMO_INSTITUTION.multiSecond)!.ogrn].sort(),
    );
    const second = profile.organizations.find((o) => o.ogrn === organizationById.get(DEMO_INSTITUTION.multiSecond)!.ogrn)!;
    expect(second).toMatchObject({ chief: true, admin: false });
    // The sign-in asks for no organization's scopes: no groups, no requisites beyond /roles.
    expect(second.groups).toBeUndefined();
    expect(second.inn).toBeUndefined();
  });

  it("отдаёт коллекции REST в форме ЕСИА и отказывает без нужной области", async () => {
    const { back } = await signIn();
    const tokens = await esia.client.exchangeCode(back.searchParams.get("code")!);
    const auth = { headers: { Authorization: `Bearer ${tokens.accessToken}` } };
    const ctts = await (await fetch(`${esia.baseUrl}/rs/prns/${tokens.oid}/ctts`, auth)).json();
    expect(ctts).toMatchObject({ stateFacts: ["hasSize"], size: 2 });
    expect(ctts.elements[0]).toMatch(new RegExp(`/rs/prns/${tokens.oid}/ctts/1$`));
    const item = await (await fetch(ctts.elements[0], auth)).json();
    expect(item).toMatchObject({ type: "EML", vrfStu: "VERIFIED" });
    // Another person's data, an organization the person does not work for.
    const other = demoPerson("operator");
    expect((await fetch(`${esia.baseUrl}/rs/prns/${other.esiaOid}`, auth)).status).toBe(403);
    const foreignOrg = organizationById.get("org-roiv-mincifry")!;
    const denied = await fetch(`${esia.baseUrl}/rs/orgs/${foreignOrg.esiaOid}/emps/${tokens.oid}/grps`, auth);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ code: "ESIA-005029", message: "scopeNotAllowed" });
    expect((await fetch(`${esia.baseUrl}/rs/prns/${tokens.oid}`)).status).toBe(401);
  });
});

describe("эмулятор ЕСИА отказывает", () => {
  it("при неверной подписи client_secret (ESIA-007053)", async () => {
    const url = await tamperedAuthorizeUrl((p) => p.set("scope", "openid fullname"));
    const res = await new TestBrowser().get(url);
    const back = new URL(res.headers.get("location")!);
    expect(back.searchParams.get("error")).toBe("invalid_client");
    expect(back.searchParams.get("error_description")).toMatch(/^ESIA-007053/);
  });

  it("при чужом сертификате (client_certificate_hash)", async () => {
    const url = await tamperedAuthorizeUrl((p) => p.set("client_certificate_hash", "0".repeat(64)));
    const back = new URL((await new TestBrowser().get(url)).headers.get("location")!);
    expect(back.searchParams.get("error_description")).toMatch(/^ESIA-007053/);
  });

  it("при незарегистрированном redirect_uri — не перенаправляя туда (ESIA-007023)", async () => {
    const url = await tamperedAuthorizeUrl((p) => p.set("redirect_uri", "https://attacker.test/cb"));
    const res = await new TestBrowser().get(url);
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).toContain("ESIA-007023");
  });

  it("при устаревшем timestamp (ESIA-007015)", async () => {
    esia.clock.offsetMs = 0;
    const url = new URL(await esia.client.authorizationUrl(randomUUID()));
    esia.clock.offsetMs = 60 * 60_000; // the emulator's clock is an hour ahead of the request
    try {
      const back = new URL((await new TestBrowser().get(url.toString())).headers.get("location")!);
      expect(back.searchParams.get("error_description")).toMatch(/^ESIA-007015/);
    } finally {
      esia.clock.offsetMs = 0;
    }
  });

  it("при state не в формате UUID и без обязательных параметров (ESIA-007014)", async () => {
    const url = await tamperedAuthorizeUrl((p) => p.set("state", "not-a-uuid"));
    const back = new URL((await new TestBrowser().get(url)).headers.get("location")!);
    expect(back.searchParams.get("error_description")).toMatch(/^ESIA-007014/);
    const missing = await tamperedAuthorizeUrl((p) => p.delete("timestamp"));
    const back2 = new URL((await new TestBrowser().get(missing)).headers.get("location")!);
    expect(back2.searchParams.get("error_description")).toMatch(/^ESIA-007014.*timestamp/);
  });

  it("при запросе маркера с устаревшим timestamp (ESIA-007015)", async () => {
    const { back } = await signIn();
    // A client whose clock is an hour behind: its token request is signed with an old timestamp.
    const stale = new (await import("@/lib/esia/client")).EsiaClient(esia.config, esia.crypto, fetch, () => new Date(Date.now() - 60 * 60_000));
    await expect(stale.exchangeCode(back.searchParams.get("code")!)).rejects.toThrow(/^ESIA-007015/);
    // The code was not spent by the refused request.
    expect((await esia.client.exchangeCode(back.searchParams.get("code")!)).oid).toBe(demoPerson("institutionAdmin").esiaOid);
  });

  it("при повторном использовании кода", async () => {
    const { back } = await signIn();
    const code = back.searchParams.get("code")!;
    await esia.client.exchangeCode(code);
    await expect(esia.client.exchangeCode(code)).rejects.toThrow(/ESIA-007002.*использован/);
  });

  it("при просроченном коде", async () => {
    const { back } = await signIn();
    esia.clock.offsetMs = 6 * 60_000;
    try {
      await expect(esia.client.exchangeCode(back.searchParams.get("code")!)).rejects.toThrow(/ESIA-007002.*истёк/);
    } finally {
      esia.clock.offsetMs = 0;
    }
  });

  it("при запросе маркера, где state или код не совпадают с подписанными", async () => {
    const { back } = await signIn();
    const code = back.searchParams.get("code")!;
    const timestamp = formatTimestamp(new Date());
    const signedState = randomUUID();
    const scope = esia.config.scope;
    const fields = { client_id: "POS_TEST", scope, timestamp, state: signedState, redirect_uri: REDIRECT_URI, code };
    const base = {
      client_id: "POS_TEST", scope, timestamp, redirect_uri: REDIRECT_URI, grant_type: "authorization_code", token_type: "Bearer",
      client_certificate_hash: esia.crypto.signer.certificateHash, client_secret: await esia.crypto.signer.sign(secretMessage(fields)),
    };
    const post = (body: Record<string, string>) => fetch(`${esia.baseUrl}/aas/oauth2/v3/te`, { method: "POST", body: new URLSearchParams(body) });
    const wrongState = await post({ ...base, state: randomUUID(), code });
    expect(wrongState.status).toBe(400);
    expect((await wrongState.json()).error_description).toMatch(/^ESIA-007053/);
    const wrongCode = await post({ ...base, state: signedState, code: "другой-код" });
    expect((await wrongCode.json()).error_description).toMatch(/^ESIA-007053/);
    // The signed request itself works, and echoes its state.
    const ok = await post({ ...base, state: signedState, code });
    expect(ok.status).toBe(200);
    expect((await ok.json()).state).toBe(signedState);
  });

  it("при коде, выданном для другого redirect_uri", async () => {
    const { back } = await signIn();
    const other = new (await import("@/lib/esia/client")).EsiaClient({ ...esia.config, redirectUri: "http://portal.test/other" }, esia.crypto);
    await expect(other.exchangeCode(back.searchParams.get("code")!)).rejects.toThrow(/ESIA-007023/);
  });

  it("при scope_org организации, где человек не работает (ESIA-007194)", async () => {
    const { browser } = await signIn();
    const foreign = organizationById.get("org-roiv-mincifry")!;
    const state = randomUUID();
    const timestamp = formatTimestamp(new Date());
    const scope = "openid org_grps";
    const secret = await esia.crypto.signer.sign(secretMessage({ client_id: "POS_TEST", scope, scope_org: foreign.esiaOid, timestamp, state, redirect_uri: REDIRECT_URI }));
    const url = new URL("/aas/oauth2/v2/ac", esia.baseUrl);
    for (const [k, v] of Object.entries({ client_id: "POS_TEST", scope, scope_org: foreign.esiaOid, timestamp, state, redirect_uri: REDIRECT_URI, response_type: "code", client_secret: secret, client_certificate_hash: esia.crypto.signer.certificateHash })) url.searchParams.set(k, v);
    const back = new URL((await browser.get(url.toString())).headers.get("location")!);
    expect(back.searchParams.get("error_description")).toMatch(/^ESIA-007194/);
  });

  it("выход (/idp/ext/Logout) завершает сеанс ЕСИА и возвращает только на зарегистрированный адрес", async () => {
    const { browser } = await signIn();
    const logout = await browser.get(esia.client.logoutUrl());
    expect(logout.headers.get("location")).toBe("http://portal.test/signed-out");
    const again = await (await browser.get(await esia.client.authorizationUrl(randomUUID()))).text();
    expect(again).toContain("Телефон / Email / СНИЛС");
    const evil = await browser.get(`${esia.baseUrl}/idp/ext/Logout?client_id=POS_TEST&redirect_url=${encodeURIComponent("https://attacker.test/")}`);
    expect(evil.status).toBe(200);
  });
});

describe("права организации (scope_org)", () => {
  const multi = demoPerson("multiOrg");
  const second = organizationById.get(DEMO_INSTITUTION.multiSecond)!;
  const filing = organizationById.get(DEMO_INSTITUTION.filing)!;
  const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

  /** Signs in (person scopes), then authorizes one organization in the same browser. */
  async function authorizeOrganization(org = second, login = multi.email) {
    const { browser, back } = await signIn(login);
    const signInTokens = await esia.client.exchangeCode(back.searchParams.get("code")!);
    const state = randomUUID();
    const request = esia.client.organizationRequest(org.esiaOid);
    const consent = await (await browser.get(await esia.client.authorizationUrl(state, "online", request))).text();
    const orgBack = await walkSignIn(esia, browser, await esia.client.authorizationUrl(state, "online", request), login);
    return { consent, orgBack, state, signInTokens, tokens: await esia.client.exchangeCode(orgBack.searchParams.get("code")!, request) };
  }

  it("вход не даёт прав организаций: /rs/orgs и группы — ESIA-005029", async () => {
    const { back } = await signIn(multi.email);
    const tokens = await esia.client.exchangeCode(back.searchParams.get("code")!);
    expect(tokens.scope.some((s) => s.startsWith("org_"))).toBe(false);
    for (const path of [`/rs/orgs/${second.esiaOid}`, `/rs/orgs/${second.esiaOid}/emps/${tokens.oid}/grps`]) {
      const res = await fetch(`${esia.baseUrl}${path}`, bearer(tokens.accessToken));
      expect(res.status, path).toBe(403);
      expect(await res.json()).toEqual({ code: "ESIA-005029", message: "scopeNotAllowed" });
    }
    await expect(esia.client.loadOrganization(tokens, second.esiaOid)).rejects.toThrow(/org_grps/);
  });

  it("области организации без scope_org не выдаются и не перечисляются на экране согласия", async () => {
    const browser = new TestBrowser();
    await signIn(multi.email, browser);
    // snils is new to this system: ЕСИА asks again, for everything it would grant.
    const request = { scope: "openid fullname snils org_grps org_inn", redirectUri: REDIRECT_URI };
    const url = await esia.client.authorizationUrl(randomUUID(), "online", request);
    const consent = await (await browser.get(url)).text();
    expect(consent).toContain("Просмотр вашей фамилии, имени и отчества");
    expect(consent).toContain("Просмотр вашего СНИЛС");
    expect(consent).not.toContain("Просмотр групп доступа");
    expect(consent).not.toContain("в организации");
    const back = await walkSignIn(esia, browser, url, multi.email, { consent: "asked" });
    const tokens = await esia.client.exchangeCode(back.searchParams.get("code")!, request);
    expect(tokens.scope).toEqual(["openid", `fullname?oid=${multi.esiaOid}`, `snils?oid=${multi.esiaOid}`]);
    expect((await fetch(`${esia.baseUrl}/rs/orgs/${second.esiaOid}/emps/${tokens.oid}/grps`, bearer(tokens.accessToken))).status).toBe(403);
  });

  it("с открытым сеансом — сразу согласие, с названием организации и правами словами", async () => {
    const { consent, orgBack, state } = await authorizeOrganization();
    expect(consent).toContain("Предоставление прав доступа");
    expect(consent).not.toContain("Телефон / Email / СНИЛС");
    expect(consent).toContain(`запрашивает следующие права в организации <strong>${second.shortName.replace(/"/g, "&quot;")}</strong> (ОГРН ${second.ogrn})`);
    for (const right of ["Просмотр групп доступа сотрудника в организации", "Просмотр ИНН организации", "Просмотр КПП организации", "Просмотр ОГРН организации", "Просмотр ОКТМО организации"]) {
      expect(consent).toContain(right);
    }
    expect(orgBack.origin + orgBack.pathname).toBe(`${PORTAL}/api/esia/organization/callback`);
    expect(orgBack.searchParams.get("state")).toBe(state);
  });

  it("выдаёт области только для организации из scope_org: её данные и группы, но не другой организации человека", async () => {
    const { tokens } = await authorizeOrganization();
    expect(tokens.scope.filter((s) => s.startsWith("org_")).every((s) => s.endsWith(`?org_oid=${second.esiaOid}`))).toBe(true);
    expect(tokens.scope).toContain(`org_grps?org_oid=${second.esiaOid}`);
    const grant = await esia.client.loadOrganization(tokens, second.esiaOid);
    expect(grant).toMatchObject({ oid: second.esiaOid, ogrn: second.ogrn, inn: second.inn, kpp: second.kpp });
    expect(grant.groups).toEqual([{ mnemonic: GOSPUBLIC_CABINET_GROUP, name: "ПОС. Госпаблики. Кабинет учреждения" }]);
    // Only the fields of the granted scopes: no full name without org_fullname.
    const details = await (await fetch(`${esia.baseUrl}/rs/orgs/${second.esiaOid}`, bearer(tokens.accessToken))).json();
    expect(details.fullName).toBeUndefined();
    // The person's other organization: not granted by this authorization.
    for (const path of [`/rs/orgs/${filing.esiaOid}`, `/rs/orgs/${filing.esiaOid}/emps/${tokens.oid}/grps`]) {
      const res = await fetch(`${esia.baseUrl}${path}`, bearer(tokens.accessToken));
      expect(res.status, path).toBe(403);
      expect((await res.json()).code).toBe("ESIA-005029");
    }
  });

  it("«Отказать» на правах организации — access_denied с ESIA-007004", async () => {
    const { browser } = await signIn(multi.email);
    const state = randomUUID();
    // The person's other organization: its rights were never granted, so ЕСИА asks.
    const back = await walkSignIn(esia, browser, await esia.client.authorizationUrl(state, "online", esia.client.organizationRequest(filing.esiaOid)), multi.email, { decision: "deny" });
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("error_description")).toMatch(/^ESIA-007004/);
    expect(back.searchParams.get("state")).toBe(state);
  });
});

describe("маркеры обновления (access_type=offline)", () => {
  it("обновляются по одному разу и отзываются все при повторе кода", async () => {
    const browser = new TestBrowser();
    const back = await walkSignIn(esia, browser, await esia.client.authorizationUrl(randomUUID(), "offline"), demoPerson("organAdmin").email);
    const code = back.searchParams.get("code")!;
    const tokens = await esia.client.exchangeCode(code);
    expect(tokens.refreshToken).toBeTruthy();
    const refresh = async (token: string) => {
      const state = randomUUID();
      const timestamp = formatTimestamp(new Date());
      const scope = esia.config.scope;
      return fetch(`${esia.baseUrl}/aas/oauth2/v3/te`, {
        method: "POST",
        body: new URLSearchParams({
          client_id: "POS_TEST", scope, timestamp, state, redirect_uri: REDIRECT_URI, grant_type: "refresh_token", token_type: "Bearer", refresh_token: token,
          client_certificate_hash: esia.crypto.signer.certificateHash,
          client_secret: await esia.crypto.signer.sign(secretMessage({ client_id: "POS_TEST", scope, timestamp, state, redirect_uri: REDIRECT_URI })),
        }),
      });
    };
    const first = await refresh(tokens.refreshToken!);
    expect(first.status).toBe(200);
    const next = (await first.json()).refresh_token as string;
    expect((await refresh(tokens.refreshToken!)).status).toBe(400);
    // Replaying the code revokes everything that descends from it.
    await expect(esia.client.exchangeCode(code)).rejects.toThrow();
    expect((await refresh(next)).status).toBe(400);
  });
});
