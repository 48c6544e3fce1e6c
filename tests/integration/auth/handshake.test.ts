// The portal's callback from ЕСИА: only the state this browser was sent with goes on to next-auth.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { HANDSHAKE_COOKIE, completeHandshake, startHandshake } from "@/lib/auth/esia-handshake";
import { GET as callback } from "@/app/api/esia/callback/route";

const SECRET = process.env.NEXTAUTH_SECRET!;

describe("возврат из ЕСИА", () => {
  it("пропускает к next-auth ответ с тем же state и подставляет state next-auth", async () => {
    const start = await startHandshake("next-auth-state", SECRET);
    const outcome = await completeHandshake(new URLSearchParams({ code: "c0de", state: start.esiaState }), start.cookieValue, SECRET);
    expect(outcome).toEqual({ kind: "continue", nextAuthCallback: "/api/auth/callback/esia?code=c0de&state=next-auth-state" });
  });

  it("отвергает подделанный state, чужую или испорченную cookie и пустой ответ", async () => {
    const start = await startHandshake("ns", SECRET);
    const other = await startHandshake("ns", SECRET);
    expect(await completeHandshake(new URLSearchParams({ code: "c", state: other.esiaState }), start.cookieValue, SECRET)).toMatchObject({ reason: "forged-state" });
    expect(await completeHandshake(new URLSearchParams({ code: "c", state: start.esiaState }), undefined, SECRET)).toMatchObject({ reason: "expired" });
    expect(await completeHandshake(new URLSearchParams({ code: "c", state: start.esiaState }), start.cookieValue + "x", SECRET)).toMatchObject({ reason: "expired" });
    expect(await completeHandshake(new URLSearchParams({ code: "c", state: start.esiaState }), start.cookieValue, "другой-секрет")).toMatchObject({ reason: "expired" });
    expect(await completeHandshake(new URLSearchParams({ state: start.esiaState }), start.cookieValue, SECRET)).toMatchObject({ reason: "missing-code" });
  });

  it("передаёт отказ пользователя с кодом ЕСИА", async () => {
    const start = await startHandshake("ns", SECRET);
    const outcome = await completeHandshake(
      new URLSearchParams({ error: "access_denied", error_description: "ESIA-007004: Пользователь отказал в доступе", state: start.esiaState }),
      start.cookieValue,
      SECRET,
    );
    expect(outcome).toEqual({ kind: "error", reason: "esia-error", esiaError: "access_denied", esiaDescription: "ESIA-007004: Пользователь отказал в доступе" });
  });

  it("маршрут /api/esia/callback отправляет подделку на страницу ошибки и стирает cookie", async () => {
    const start = await startHandshake("ns", SECRET);
    const req = new NextRequest("http://portal.test/api/esia/callback?code=stolen&state=00000000-0000-4000-8000-000000000000", {
      headers: { cookie: `${HANDSHAKE_COOKIE}=${start.cookieValue}` },
    });
    const res = await callback(req);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://portal.test/signin/error?reason=forged-state");
    expect(res.headers.get("set-cookie")).toMatch(new RegExp(`${HANDSHAKE_COOKIE}=;.*Max-Age=0`));
    const ok = await callback(new NextRequest(`http://portal.test/api/esia/callback?code=good&state=${start.esiaState}`, { headers: { cookie: `${HANDSHAKE_COOKIE}=${start.cookieValue}` } }));
    expect(ok.headers.get("location")).toBe("http://portal.test/api/auth/callback/esia?code=good&state=ns");
  });
});
