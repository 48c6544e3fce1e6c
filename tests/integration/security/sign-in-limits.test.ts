// Issue 17, finding 4. The sign-in limits were keyed on the last X-Forwarded-For value even with no
// proxy in front (a client chose its own key), and one address's failures locked every sign-in from
// it — a city administration behind one NAT address was locked out by one person's typos. Now:
// - the address is the socket's, unless the operator lists the proxy in TRUST_PROXY
//   (lib/security/client-address.ts, stamped on every request before Next.js sees it);
// - the limits are per (address, sign-in client) — the client is this browser's sign-in cookie, or
//   the person once known — with growing pauses, plus a much looser ceiling per address.
import { beforeEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, parseTrustedProxies } from "@/lib/security/client-address";
import { SIGN_IN_CLIENT_COOKIE } from "@/lib/security/sign-in-limits";
import { countAttempt } from "@/lib/security/throttle";
import { GET as authorize } from "@/app/api/esia/authorize/route";
import { GET as callback } from "@/app/api/esia/callback/route";
import { withTemporaryEsiaKeys } from "../../helpers/esia-keys";

withTemporaryEsiaKeys();
const OFFICE = "203.0.113.7";

/** A request as the portal's server sees it: the socket's address stamped, the browser's cookies, whatever X-Forwarded-For the client chose. */
function request(path: string, opts: { address?: string; client?: string; forwardedFor?: string } = {}) {
  const headers = new Headers();
  headers.set(CLIENT_ADDRESS_HEADER, opts.address ?? OFFICE);
  if (opts.forwardedFor) headers.set("x-forwarded-for", opts.forwardedFor);
  if (opts.client) headers.set("cookie", `${SIGN_IN_CLIENT_COOKIE}=${opts.client}`);
  return new NextRequest(`http://portal.test${path}`, { headers });
}

const start = (opts: Parameters<typeof request>[1]) => authorize(request(`/api/esia/authorize?state=s-${Math.random()}`, opts));
const forgedReturn = (opts: Parameters<typeof request>[1]) => callback(request(`/api/esia/callback?code=x&state=${crypto.randomUUID()}`, opts));
const throttled = (res: Response) => (res.headers.get("location") ?? "").includes("reason=throttled");

beforeEach(async () => {
  await db.loginThrottle.deleteMany();
});

describe("адрес клиента", () => {
  it("без доверенных прокси — адрес сокета; X-Forwarded-For клиента не читается", () => {
    expect(clientAddressOf("203.0.113.7", "198.51.100.1, 10.0.0.1", parseTrustedProxies(undefined))).toBe("203.0.113.7");
    expect(clientAddressOf("::ffff:203.0.113.7", "198.51.100.1", parseTrustedProxies(""))).toBe("203.0.113.7");
  });

  it("за доверенным прокси — первый недоверенный адрес справа в X-Forwarded-For", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 127.0.0.1");
    expect(clientAddressOf("10.0.0.5", "6.6.6.6, 198.51.100.1, 10.0.0.9", trusted)).toBe("198.51.100.1");
    expect(clientAddressOf("127.0.0.1", "198.51.100.1", trusted)).toBe("198.51.100.1");
    // A request that did not come through the proxy: its own header means nothing.
    expect(clientAddressOf("203.0.113.7", "198.51.100.1", trusted)).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.5", undefined, trusted)).toBe("10.0.0.5");
    expect(() => parseTrustedProxies("не адрес")).toThrow(/TRUST_PROXY/);
  });

  it("подделанный X-Forwarded-For не уводит от ограничения: ключ — адрес, который видит сервер", async () => {
    for (let i = 0; i < 120; i++) await forgedReturn({ address: OFFICE, forwardedFor: `198.51.100.${i}` });
    expect(throttled(await start({ address: OFFICE, forwardedFor: "192.0.2.1", client: "fresh-browser-1" }))).toBe(true);
  });
});

describe("ограничения входа для офиса за одним адресом", () => {
  it("ошибки одного сотрудника не запирают коллегу за тем же адресом", async () => {
    for (let i = 0; i < 30; i++) await forgedReturn({ client: "typo-browser" });
    expect(throttled(await start({ client: "typo-browser" })), "тот, кто ошибался, ждёт").toBe(true);
    const colleague = await start({ client: "colleague-browser" });
    expect(throttled(colleague), "коллега входит").toBe(false);
    expect(colleague.status).toBe(302);
  });

  it("много входов офиса (разные браузеры) не запирают адрес; потолок адреса всё же есть", async () => {
    for (let i = 0; i < 60; i++) expect(throttled(await start({ client: `office-pc-${i}` })), `компьютер ${i}`).toBe(false);
    // Brute force from one address with a new cookie every time meets the address's ceiling.
    for (let i = 0; i < 200; i++) await forgedReturn({ client: `attacker-${i}` });
    expect(throttled(await start({ client: "someone-else" }))).toBe(true);
  });

  it("первые входы многих браузеров (ещё без cookie) не запирают друг друга; потолок адреса — тот же", async () => {
    for (let i = 0; i < 60; i++) expect(throttled(await start({})), `первый вход ${i}`).toBe(false);
    for (let i = 0; i < 200; i++) await forgedReturn({});
    expect(throttled(await start({}))).toBe(true);
  });

  it("паузы растут: каждая новая блокировка того же ключа вдвое длиннее", async () => {
    const rule = { limit: 2, windowMs: 60_000, lockMs: 60_000, growth: 2, maxLockMs: 3_600_000 };
    let t = new Date("2026-12-01T09:00:00Z").getTime();
    const pauses: number[] = [];
    for (let round = 0; round < 4; round++) {
      let verdict = await countAttempt("grow", rule, new Date(t));
      while (verdict.allowed) verdict = await countAttempt("grow", rule, new Date((t += 1_000)));
      pauses.push(verdict.retryAfterMs);
      t += verdict.retryAfterMs + 1_000;
    }
    expect(pauses).toEqual([60_000, 120_000, 240_000, 480_000]);
  });

  it("начало входа выдаёт браузеру свой ключ ограничений (cookie) и помнит его", async () => {
    const first = await start({});
    const cookie = first.headers.getSetCookie().find((c) => c.startsWith(`${SIGN_IN_CLIENT_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/api\/esia/);
    const again = await start({ client: "known-browser" });
    expect(again.headers.getSetCookie().some((c) => c.startsWith(`${SIGN_IN_CLIENT_COOKIE}=`))).toBe(false);
  });
});
