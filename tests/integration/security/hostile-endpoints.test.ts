// Every route handler of the matrix — the citizen form, the widget's reports, the registration's
// editorial options, sign-in and sign-out, «Запросить новое приглашение», ping — fed random and
// malicious requests (fast-check): hostile query strings and path parameters, bodies of every
// shape, forged Origin and cookies. Never a 5xx or a logged failure, a refusal is worded in Russian
// and writes nothing, and what came in is never echoed into a page unescaped.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { testDb } from "../../helpers/db";
import { withTemporaryEsiaKeys } from "../../helpers/esia-keys";
import { loadRouteHandlers } from "../../helpers/app-surface";
import { rowCounts } from "../../helpers/fingerprint";
import { HTML_PAYLOADS, asFormData, hostileString, hostileValue, isRussian, runs } from "../../helpers/hostile";
import "../../helpers/next-headers-cjs";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { PORTAL_ORIGIN, ROUTE_MATRIX, SCHOOL_18, type RouteCall } from "./matrix";

const routes = await loadRouteHandlers();
const tried = { requests: 0 };
let lkoId = 0;
let organCookies: Record<string, string> = {};
withTemporaryEsiaKeys();

beforeAll(async () => {
  // CSP reports are logged as warnings by design (lib/security/csp-report.ts): not this test's output.
  vi.spyOn(console, "warn").mockImplementation(() => {});
  lkoId = (await testDb().cabinet.update({ where: { id: SCHOOL_18.cabinetId }, data: { officialSite: SCHOOL_18.site, noSite: false }, select: { lkoId: true } })).lkoId;
  await signInAs("organAdmin");
  organCookies = requestContext.cookies();
  requestContext.clear();
});
afterAll(() => console.log(`Враждебные запросы к маршрутам: ${tried.requests}`));

/** What a browser or a forger can put in a header (no line breaks, no NUL, Latin-1). */
const headerValue = fc
  .oneof(
    fc.constantFrom("null", "https://evil.demo.test", PORTAL_ORIGIN, SCHOOL_18.site, "http://portal.test.evil.demo.test", "file://", "https://school18.demo.test/", " ", "*"),
    fc.string({ unit: "binary-ascii", maxLength: 60 }),
    hostileString,
  )
  .filter((v) => {
    try {
      new Headers({ x: v });
      return true;
    } catch {
      return false;
    }
  });

/** Strings a URL can carry to a handler (decoded percent-escapes are well-formed text, NUL included). */
const urlText = hostileString.filter((s) => !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "")));

const body: fc.Arbitrary<{ body: BodyInit | undefined; type?: string }> = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom("category", "text", "authorName", "contact", "consent", "idempotencyKey", "embeddedBy", "csrfToken", "callbackUrl"), urlText), urlText, { maxKeys: 8 })
    .map((d) => ({ body: new URLSearchParams(d).toString(), type: "application/x-www-form-urlencoded" })),
  fc.dictionary(fc.constantFrom("category", "text", "authorName", "contact", "consent", "__proto__"), hostileValue, { maxKeys: 6 }).map((d) => ({ body: asFormData(d) })),
  fc.tuple(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain")).map(([v, type]) => ({ body: JSON.stringify(v), type })),
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => ({ body: new Blob([bytes]), type: "multipart/form-data; boundary=xyz" })),
  fc.constant({ body: "x".repeat(40_000), type: "application/x-www-form-urlencoded" }),
  fc.constant({ body: undefined }),
);

interface Variant {
  query: Array<[string, string | null]>;
  params: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: { body: BodyInit | undefined; type?: string };
  signedIn: boolean;
}

function hostileVariant(base: RouteCall): fc.Arbitrary<Variant> {
  const url = new URL(base.path, PORTAL_ORIGIN);
  const keys = [...url.searchParams.keys(), "opaId", "sent", "state", "code", "error", "regionId", "callbackUrl"];
  return fc.record({
    query: fc.array(fc.tuple(fc.constantFrom(...keys), fc.option(urlText, { nil: null })), { maxLength: 4 }),
    // A catch-all segment ([...x]) arrives as a list of non-empty path segments.
    params: fc.record(
      Object.fromEntries(Object.entries(base.params ?? {}).map(([k, v]) => [k, Array.isArray(v) ? fc.array(urlText.filter(Boolean), { minLength: 1, maxLength: 3 }) : urlText])) as Record<string, fc.Arbitrary<string | string[]>>,
    ),
    headers: fc.record(
      {
        origin: headerValue, referer: headerValue, "sec-fetch-dest": fc.constantFrom("iframe", "document", "empty"), "if-none-match": headerValue,
        "x-forwarded-for": headerValue, "content-length": fc.constantFrom("0", "-1", "99999999", "abc"),
        cookie: fc.constantFrom(
          "next-auth.session-token=forged", "pos.esia-handshake=eyJhbGciOiJub25lIn0.e30.", "next-auth.session-token.0=a; next-auth.session-token.1=b", "=; ;==",
          "next-auth.callback-url=javascript:alert(1)", "next-auth.callback-url=%00", "next-auth.csrf-token=x%7Cy",
        ),
      },
      { requiredKeys: [] },
    ),
    body: base.init?.method === "POST" ? fc.option(body, { nil: undefined }) : fc.constant(undefined),
    signedIn: fc.boolean(),
  });
}

function buildRequest(base: RouteCall, v: Variant): { request: NextRequest; cookies: Record<string, string> } {
  const url = new URL(base.path, PORTAL_ORIGIN);
  for (const [k, value] of v.query) {
    if (value === null) url.searchParams.delete(k);
    else url.searchParams.set(k, value);
  }
  const headers = new Headers(base.init?.headers);
  for (const [k, value] of Object.entries(v.headers)) headers.set(k, value);
  if (v.signedIn && !v.headers.cookie) headers.set("cookie", Object.entries(organCookies).map(([k, c]) => `${k}=${c}`).join("; "));
  // What the handler reads through next/headers is what the request carries.
  const cookies = Object.fromEntries(
    (headers.get("cookie") ?? "").split(";").map((pair) => pair.trim().split("=")).filter(([k]) => k).map(([k, ...rest]) => [k, rest.join("=")]),
  );
  let bodyInit = base.init?.body as BodyInit | undefined;
  if (v.body) {
    bodyInit = v.body.body;
    if (v.body.type) headers.set("content-type", v.body.type);
    else headers.delete("content-type");
  }
  const method = base.init?.method ?? "GET";
  const request = new NextRequest(url, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : bodyInit } as ConstructorParameters<typeof NextRequest>[1]);
  return { request, cookies };
}

const text = async (response: Response) => {
  const type = response.headers.get("content-type") ?? "";
  return /text|json/.test(type) ? response.text() : "";
};

describe("враждебные запросы к маршрутам", () => {
  for (const [key, row] of Object.entries(ROUTE_MATRIX)) {
    // next-auth's own error answers are not ours to word.
    const thirdParty = key.includes("[...nextauth]");
    it(key, async () => {
      const route = routes.find((r) => r.key === key)!;
      const base = await row.call({ identity: "organ", personId: null, lkoId, freshSession: async () => organCookies });
      await fc.assert(
        fc.asyncProperty(hostileVariant(base), async (variant) => {
          tried.requests += 1;
          const { request, cookies } = buildRequest(base, variant);
          const errorsBefore = vi.mocked(console.error).mock.calls.length;
          const before = await rowCounts();
          const response = await requestContext.runWithCookies(cookies, async () => route.handler(request, { params: Promise.resolve(variant.params) }));
          expect(vi.mocked(console.error).mock.calls.length, "маршрут записал сбой в журнал").toBe(errorsBefore);
          expect(response.status, `ответ ${response.status}`).toBeLessThan(500);
          const shown = await text(response);
          if (response.status >= 400) {
            if (!thirdParty) expect(isRussian(shown), `отказ без объяснения по-русски: ${shown.slice(0, 200)}`).toBe(true);
            const after = await rowCounts();
            // Failed sign-in attempts are counted on purpose (lib/security/throttle.ts).
            expect({ ...after, LoginThrottle: 0 }, "отказ ничего не записал").toEqual({ ...before, LoginThrottle: 0 });
          }
          // Whatever was sent comes back escaped, never as markup.
          for (const payload of HTML_PAYLOADS.filter((p) => /[<"]/.test(p))) expect(shown.includes(payload), `в ответе неэкранированный ввод: ${payload}`).toBe(false);
        }),
        { numRuns: runs(40), seed: process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : 20261210, endOnFailure: true },
      );
      requestContext.clear();
    }, 120_000);
  }
});

describe("найденные перебором случаи (закреплены)", () => {
  const call = async (key: string, path: string, init: RequestInit = {}, params: Record<string, string | string[]> = {}, jar: Record<string, string> = {}) => {
    const route = routes.find((r) => r.key === key)!;
    const headers = new Headers(init.headers);
    if (Object.keys(jar).length) headers.set("cookie", Object.entries(jar).map(([k, v]) => `${k}=${v}`).join("; "));
    const request = new NextRequest(new URL(path, PORTAL_ORIGIN), { ...init, headers } as ConstructorParameters<typeof NextRequest>[1]);
    return requestContext.runWithCookies(jar, async () => route.handler(request, { params: Promise.resolve(params) }));
  };

  it("NUL в regionId — пустой список, а не сбой базы", async () => {
    // A session of its own: the sign-out route above ended the shared one.
    await signInAs("organAdmin");
    const res = await call("GET /registration/editorial-options", "/registration/editorial-options?regionId=region-74%00", {}, {}, requestContext.cookies());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
  });

  it("next-auth: не адрес в callbackUrl (запрос, тело, cookie) — не 500, человек остаётся на портале", async () => {
    const providers = await call("GET /api/auth/[...nextauth]", "/api/auth/providers?callbackUrl=cab-work-mag-school-18", {}, { nextauth: ["providers"] });
    expect(providers.status).toBe(200);
    const signIn = await call("POST /api/auth/[...nextauth]", "/api/auth/signin/esia", {
      method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "callbackUrl=%E1%8A%B5%E3%83%A6",
    }, { nextauth: ["signin", "esia"] });
    expect(signIn.status).toBe(302);
    expect(new URL(signIn.headers.get("location")!).origin).toBe(PORTAL_ORIGIN);
    const cookie = await call("GET /api/auth/[...nextauth]", "/api/auth/session", {}, { nextauth: ["session"] }, { "next-auth.callback-url": "javascript:alert(1)" });
    expect(cookie.status).toBe(303);
    expect(cookie.headers.get("location")).toBe(`${PORTAL_ORIGIN}/signin`);
    expect(cookie.headers.get("set-cookie")).toMatch(/next-auth\.callback-url=;.*Max-Age=0/);
  });
});
