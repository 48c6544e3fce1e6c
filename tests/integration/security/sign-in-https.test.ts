// The whole sign-in as a production deployment runs it — the portal on https, next-auth, the
// portal's own ЕСИА routes and the ЕСИА emulator over HTTP — with each handler called as Next would:
// every cookie on the way is Secure, HttpOnly and SameSite; a session cookie planted beforehand is
// replaced, not upgraded (session fixation); a replayed ЕСИА answer signs nobody in.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { demoPerson } from "@/lib/demo-world/esia-world";
import { ensureDemoKeys } from "@/lib/esia/demo-keys";
import { createEsiaEmulator } from "@/lib/esia-emulator/server";
import { tokenKeys } from "@/lib/esia-emulator/tokens";
import { createEmulatorWorld } from "@/lib/esia-emulator/world";
import { testDb } from "../../helpers/db";
import { TestBrowser, walkSignIn } from "../../helpers/esia";
import "../../helpers/next-headers-cjs";
import { requestContext } from "../../helpers/request-context";
import { profileOf } from "../../helpers/session";

const PORTAL = "https://pos.example.test";
const SESSION_COOKIE = "__Secure-next-auth.session-token";
const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), "pos-esia-https-"));
let esiaBaseUrl = "";
let closeEsia: () => Promise<void> = async () => {};

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
let nextAuth: Handler;
let authorize: (request: NextRequest) => Promise<Response>;
let callback: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  const files = await ensureDemoKeys(keysDir);
  const emulator = createEsiaEmulator({
    get publicUrl() {
      return esiaBaseUrl;
    },
    clients: [{
      id: "POS_HTTPS", name: "Платформа обратной связи", redirectUris: [`${PORTAL}/api/esia/callback`], logoutRedirectPrefixes: [`${PORTAL}/`],
      certificatePem: fs.readFileSync(files.clientCertPath, "utf8"),
    }],
    tokenKeys: tokenKeys(fs.readFileSync(files.esiaKeyPath, "utf8"), fs.readFileSync(files.esiaCertPath, "utf8")),
    world: createEmulatorWorld(),
  });
  const server = await emulator.listen(0, "127.0.0.1");
  esiaBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeEsia = () => new Promise((resolve) => server.close(() => resolve()));
  // As in production: an https portal, its own ЕСИА client id, its keys. Read when the modules load.
  Object.assign(process.env, { PORTAL_URL: PORTAL, NEXTAUTH_URL: PORTAL, ESIA_BASE_URL: esiaBaseUrl, ESIA_CLIENT_ID: "POS_HTTPS", ESIA_DEMO_KEYS_DIR: keysDir });
  nextAuth = (await import("@/app/api/auth/[...nextauth]/route")).GET as unknown as Handler;
  authorize = (await import("@/app/api/esia/authorize/route")).GET;
  callback = (await import("@/app/api/esia/callback/route")).GET;
});
afterAll(async () => {
  await closeEsia();
  fs.rmSync(keysDir, { recursive: true, force: true });
});

function safeDecode(value: string) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The browser's side towards the portal: a cookie jar and the Set-Cookie lines it received. */
class PortalBrowser {
  jar = new Map<string, string>();
  setCookies: string[] = [];

  async call(handler: (r: NextRequest, c: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>, url: string, init: RequestInit = {}, params: Record<string, string[]> = {}) {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set("cookie", [...this.jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const request = new NextRequest(new URL(url, PORTAL), { ...init, headers } as ConstructorParameters<typeof NextRequest>[1]);
    // Next hands handlers cookie values percent-decoded (request.cookies and next/headers alike).
    const decoded = Object.fromEntries([...this.jar].map(([k, v]) => [k, safeDecode(v)]));
    const response = await requestContext.runWithCookies(decoded, () => handler(request, { params: Promise.resolve(params) }));
    for (const line of response.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair, ...attrs] = line.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      if (value === "" || attrs.some((a) => /max-age=0$/i.test(a.trim()))) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }

  cookieLine(name: string) {
    return this.setCookies.findLast((l) => l.startsWith(`${name}=`) && !/Max-Age=0/i.test(l));
  }
}

/** From «Войти через ЕСИА» to the moment ЕСИА sends the browser back with a code. */
async function startSignIn(portal: PortalBrowser, login: string) {
  const csrf = await portal.call(nextAuth, "/api/auth/csrf", {}, { nextauth: ["csrf"] });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await portal.call(nextAuth, "/api/auth/signin/esia", {
    method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, callbackUrl: `${PORTAL}/start` }).toString(),
  }, { nextauth: ["signin", "esia"] });
  expect(signIn.status).toBe(302);
  const toEsia = await portal.call(authorize, signIn.headers.get("location")!);
  expect(toEsia.status).toBe(302);
  const back = await walkSignIn({ baseUrl: esiaBaseUrl } as Parameters<typeof walkSignIn>[0], new TestBrowser(), toEsia.headers.get("location")!, login);
  expect(back.origin + back.pathname).toBe(`${PORTAL}/api/esia/callback`);
  const toNextAuth = await portal.call(callback, back.toString());
  expect(toNextAuth.status).toBe(303);
  return toNextAuth.headers.get("location")!;
}

/** next-auth's callback: exchanges the code with ЕСИА, stores the person, sets the session cookie. */
function finishSignIn(portal: PortalBrowser, nextAuthCallback: string) {
  return portal.call(nextAuth, nextAuthCallback, {}, { nextauth: ["callback", "esia"] });
}

/** next-auth logs a failed callback with console.error; here that failure is the point. */
async function expectingNextAuthError<T>(fn: () => Promise<T>): Promise<{ result: T; logged: string }> {
  const spy = vi.mocked(console.error);
  const previous = spy.getMockImplementation();
  const logged: string[] = [];
  spy.mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  try {
    return { result: await fn(), logged: logged.join("\n") };
  } finally {
    spy.mockImplementation(previous ?? (() => {}));
  }
}

const secureFlags = (line: string | undefined) => {
  expect(line).toBeDefined();
  expect(line).toMatch(/;\s*Secure/i);
  expect(line).toMatch(/;\s*HttpOnly/i);
  expect(line).toMatch(/;\s*SameSite=Lax/i);
};

describe("вход на https, как в продуктиве", () => {
  it("все cookie входа — Secure, HttpOnly, SameSite=Lax; сеансовая — __Secure-, служебная CSRF — __Host-", async () => {
    const portal = new PortalBrowser();
    const nextAuthCallback = await startSignIn(portal, demoPerson("operator").email);
    const done = await finishSignIn(portal, nextAuthCallback);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`${PORTAL}/start`);

    secureFlags(portal.cookieLine("__Host-next-auth.csrf-token"));
    expect(portal.cookieLine("__Host-next-auth.csrf-token")).toMatch(/Path=\//);
    secureFlags(portal.cookieLine("__Secure-next-auth.state"));
    secureFlags(portal.cookieLine("pos.esia-handshake"));
    expect(portal.cookieLine("pos.esia-handshake")).toMatch(/Path=\/api\/esia/);
    secureFlags(portal.cookieLine(SESSION_COOKIE));
    expect(portal.setCookies.filter((l) => !/Max-Age=0/i.test(l)).every((l) => /;\s*Secure/i.test(l)), portal.setCookies.join("\n")).toBe(true);
    const token = await decode({ token: portal.jar.get(SESSION_COOKIE)!, secret: process.env.NEXTAUTH_SECRET! });
    expect(token?.sub).toBe("person-operator");
  });

  it("подброшенная cookie сеанса заменяется новым сеансом; сеанс злоумышленника остаётся его", async () => {
    const db = testDb();
    const { signInFromEsia } = await import("@/lib/auth/profile-sync");
    const attacker = await signInFromEsia(profileOf(demoPerson("noOrg")), "attacker-sid");
    const planted = await encode({ token: { sub: attacker.personId, sid: attacker.sessionId }, secret: process.env.NEXTAUTH_SECRET! });

    const portal = new PortalBrowser();
    portal.jar.set(SESSION_COOKIE, planted);
    const nextAuthCallback = await startSignIn(portal, demoPerson("organAdmin").email);
    await finishSignIn(portal, nextAuthCallback);
    const cookie = portal.jar.get(SESSION_COOKIE)!;
    expect(cookie).not.toBe(planted);
    const token = await decode({ token: cookie, secret: process.env.NEXTAUTH_SECRET! });
    expect(token).toMatchObject({ sub: "person-organ-admin" });
    expect(token?.sid).not.toBe(attacker.sessionId);
    const victimSession = await db.authSession.findUniqueOrThrow({ where: { id: String(token!.sid) } });
    expect(victimSession.personId).toBe("person-organ-admin");
    // The attacker's session is still the attacker's, and nothing else.
    expect(await db.authSession.findUniqueOrThrow({ where: { id: attacker.sessionId } })).toMatchObject({ personId: attacker.personId, revokedAt: null });
  });

  it("повтор ответа ЕСИА: тот же код не даёт второго сеанса ни в том же браузере, ни в чужом", async () => {
    const db = testDb();
    const portal = new PortalBrowser();
    const nextAuthCallback = await startSignIn(portal, demoPerson("cityIt").email);
    // The attacker copies the browser's cookies (next-auth's state included) before it finishes.
    const copy = new PortalBrowser();
    copy.jar = new Map(portal.jar);
    await finishSignIn(portal, nextAuthCallback);
    const sessions = await db.authSession.count();

    const replay = await expectingNextAuthError(() => finishSignIn(copy, nextAuthCallback));
    expect(replay.result.status).toBe(302);
    // next-auth's error address, which sends the browser on to «Вход не выполнен» (/signin/error).
    expect(replay.result.headers.get("location")).toBe(`${PORTAL}/api/auth/error?error=OAuthCallback`);
    expect(replay.logged).toMatch(/ESIA-007002|invalid_grant|использован/);
    expect(copy.jar.has(SESSION_COOKIE)).toBe(false);
    // Again in the first browser: its state cookie is spent.
    const again = await expectingNextAuthError(() => finishSignIn(portal, nextAuthCallback));
    expect(again.result.headers.get("location")).toBe(`${PORTAL}/api/auth/error?error=OAuthCallback`);
    expect(again.logged).toMatch(/State cookie was missing/);
    expect(await db.authSession.count()).toBe(sessions);
  });
});

describe("заголовки продуктива на https", () => {
  it("HSTS и upgrade-insecure-requests — только когда NODE_ENV=production и адрес портала https", async () => {
    const { proxy } = await import("@/proxy");
    const env = process.env as Record<string, string | undefined>;
    const before = env.NODE_ENV;
    try {
      env.NODE_ENV = "production";
      const production = await proxy(new NextRequest(`${PORTAL}/start`));
      expect(production.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      expect(production.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
      env.NODE_ENV = "development";
      const development = await proxy(new NextRequest(`${PORTAL}/start`));
      expect(development.headers.get("strict-transport-security")).toBeNull();
      expect(development.headers.get("content-security-policy")).toContain("'unsafe-eval'");
    } finally {
      env.NODE_ENV = before;
    }
  });
});
