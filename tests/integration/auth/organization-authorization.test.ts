// The portal's second ЕСИА authorization: after sign-in (person scopes only) the chosen
// organization's rights are asked with scope_org; its groups are written, then it is chosen.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { ORG_HANDSHAKE_COOKIE } from "@/lib/auth/esia-handshake";
import { completeOrganizationAuthorization, startOrganizationAuthorization } from "@/lib/auth/organization-authorization";
import { signInFromEsia } from "@/lib/auth/profile-sync";
import { getPortalSession, type PortalSession } from "@/lib/auth/session";
import { DEMO_INSTITUTION, demoPerson, organizationById } from "@/lib/demo-world/esia-world";
import { GOSPUBLIC_CABINET_GROUP } from "@/lib/demo-world/reference";
import { GET as organizationCallback } from "@/app/api/esia/organization/callback/route";
import { testDb } from "../../helpers/db";
import { ORG_REDIRECT_URI, TestBrowser, startTestEsia, walkSignIn, type TestEsia } from "../../helpers/esia";
import { withTemporaryEsiaKeys } from "../../helpers/esia-keys";
import { requestContext } from "../../helpers/request-context";
import { sessionCookieFor } from "../../helpers/session";

const db = testDb();
const SECRET = process.env.NEXTAUTH_SECRET!;
const multi = demoPerson("multiOrg");
const second = organizationById.get(DEMO_INSTITUTION.multiSecond)!;
withTemporaryEsiaKeys();

let esia: TestEsia;
beforeAll(async () => {
  esia = await startTestEsia();
});
afterAll(async () => esia?.close());
beforeEach(() => {
  requestContext.clear();
  // Refusals are logged as warnings by design; not this test's output.
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

/** Signs in through the emulator as the portal does: person scopes, the profile stored, a portal session. */
async function signInThroughEsia(login = multi.email) {
  const browser = new TestBrowser();
  const back = await walkSignIn(esia, browser, await esia.client.authorizationUrl(randomUUID()), login);
  const tokens = await esia.client.exchangeCode(back.searchParams.get("code")!);
  const profile = await esia.client.loadProfile(tokens);
  const { personId, sessionId } = await signInFromEsia(profile, tokens.sid);
  requestContext.setCookie("next-auth.session-token", await sessionCookieFor(sessionId, personId));
  const session = (await getPortalSession())!;
  return { browser, personId, sessionId, session };
}

async function startFor(session: PortalSession, organizationId = second.id) {
  return startOrganizationAuthorization(session, organizationId, { esia: esia.client, secret: SECRET, secure: false });
}

const groupsOf = async (personId: string) =>
  Object.fromEntries(
    (await db.membership.findMany({ where: { personId }, include: { groups: { include: { group: true } } } })).map((m) => [m.organizationId, m.groups.map((g) => g.group.mnemonic)]),
  );

describe("авторизация организации в ЕСИА (scope_org)", () => {
  it("после входа организация не выбрана, а вход не запрашивал прав организаций", async () => {
    const { sessionId, session } = await signInThroughEsia(demoPerson("institutionAdmin").email);
    expect(session.organization).toBeNull();
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).selectedOrganizationId).toBeNull();
  });

  it("запрос идёт с scope_org выбранной организации и её областями, на свой адрес возврата", async () => {
    const { session } = await signInThroughEsia();
    const start = await startFor(session);
    const url = new URL(start.url);
    expect(url.searchParams.get("scope_org")).toBe(second.esiaOid);
    expect(url.searchParams.get("scope")?.split(" ")).toContain("org_grps");
    expect(url.searchParams.get("scope")?.split(" ")).not.toContain("fullname");
    expect(url.searchParams.get("redirect_uri")).toBe(ORG_REDIRECT_URI);
    expect(start.cookie).toMatchObject({ name: ORG_HANDSHAKE_COOKIE, options: { httpOnly: true, sameSite: "lax", path: "/api/esia/organization" } });
  });

  it("записывает группы доступа только этой организации и лишь затем выбирает её", async () => {
    const { browser, personId, sessionId, session } = await signInThroughEsia();
    // Groups of another time: the grant replaces this organization's and leaves the other's alone.
    await db.membershipGroup.deleteMany({ where: { membership: { personId } } });
    const start = await startFor(session);
    const back = await walkSignIn(esia, browser, start.url, multi.email);
    expect(back.origin + back.pathname).toBe(ORG_REDIRECT_URI);
    const result = await completeOrganizationAuthorization({ params: back.searchParams, cookieValue: start.cookie.value, session, esia: esia.client, secret: SECRET });
    expect(result).toEqual({ ok: true, organizationId: second.id });
    expect(await groupsOf(personId)).toEqual({ [DEMO_INSTITUTION.multiSecond]: [GOSPUBLIC_CABINET_GROUP], [DEMO_INSTITUTION.filing]: [] });
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).selectedOrganizationId).toBe(second.id);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "session.organization_chosen", entityId: sessionId } });
    expect(event).toMatchObject({ organizationId: second.id, data: { groups: [GOSPUBLIC_CABINET_GROUP] } });
  });

  it("отвергает чужой state, cookie другого сеанса и ответ без cookie — ничего не записывая", async () => {
    const { browser, sessionId, session } = await signInThroughEsia();
    const start = await startFor(session);
    const back = await walkSignIn(esia, browser, start.url, multi.email);
    const forged = new URLSearchParams({ code: back.searchParams.get("code")!, state: randomUUID() });
    // Another portal session of the same person (signed out and in since).
    const other = await signInThroughEsia();
    const before = await db.auditEvent.count();
    expect(await completeOrganizationAuthorization({ params: forged, cookieValue: start.cookie.value, session, esia: esia.client, secret: SECRET })).toEqual({ ok: false, reason: "forged-state" });
    expect(await completeOrganizationAuthorization({ params: back.searchParams, cookieValue: undefined, session, esia: esia.client, secret: SECRET })).toEqual({ ok: false, reason: "expired" });
    expect(await completeOrganizationAuthorization({ params: back.searchParams, cookieValue: start.cookie.value, session: other.session, esia: esia.client, secret: SECRET })).toEqual({ ok: false, reason: "expired" });
    expect(await completeOrganizationAuthorization({ params: back.searchParams, cookieValue: start.cookie.value, session: null, esia: esia.client, secret: SECRET })).toEqual({ ok: false, reason: "signed-out" });
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).selectedOrganizationId).toBeNull();
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("«Отказать»: сеанс остаётся, организации в нём нет", async () => {
    const { browser, sessionId, session } = await signInThroughEsia();
    await db.authSession.update({ where: { id: sessionId }, data: { selectedOrganizationId: DEMO_INSTITUTION.multiSecond } });
    // The person's other organization: ЕСИА remembers the rights granted for the first one and would not ask.
    const start = await startFor(session, DEMO_INSTITUTION.filing);
    const back = await walkSignIn(esia, browser, start.url, multi.email, { decision: "deny" });
    const result = await completeOrganizationAuthorization({ params: back.searchParams, cookieValue: start.cookie.value, session, esia: esia.client, secret: SECRET });
    expect(result).toMatchObject({ ok: false, reason: "denied" });
    const row = await db.authSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row).toMatchObject({ selectedOrganizationId: null, revokedAt: null });
  });

  it("права, предоставленные в ЕСИА другим человеком, не принимаются", async () => {
    const { browser, sessionId, session } = await signInThroughEsia();
    const start = await startFor(session);
    // Someone else signs in to ЕСИА in this browser («Войти под другой учётной записью») — an employee of the same organization.
    await browser.get(esia.client.logoutUrl());
    const colleague = "person-mag-kindergarten-3-head";
    const { personById } = await import("@/lib/demo-world/esia-world");
    const back = await walkSignIn(esia, browser, start.url, personById.get(colleague)!.email);
    const result = await completeOrganizationAuthorization({ params: back.searchParams, cookieValue: start.cookie.value, session, esia: esia.client, secret: SECRET });
    expect(result).toEqual({ ok: false, reason: "other-person" });
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).selectedOrganizationId).toBeNull();
  });

  it("маршрут /api/esia/organization/callback отправляет подделку на выбор организации с сообщением и стирает cookie", async () => {
    const { session } = await signInThroughEsia();
    const start = await startFor(session);
    const req = new NextRequest(`http://portal.test/api/esia/organization/callback?code=stolen&state=${randomUUID()}`, {
      headers: { cookie: `${ORG_HANDSHAKE_COOKIE}=${start.cookie.value}` },
    });
    const res = await organizationCallback(req);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://portal.test/select-organization?error=forged-state");
    expect(res.headers.get("set-cookie")).toMatch(new RegExp(`${ORG_HANDSHAKE_COOKIE}=;.*Max-Age=0`));
  });

  it("не начинает авторизацию для организации, где человек не работает", async () => {
    const { session } = await signInThroughEsia();
    await expect(startFor(session, "org-roiv-mincifry")).rejects.toThrow("Вы не числитесь сотрудником этой организации в ЕСИА.");
  });
});
