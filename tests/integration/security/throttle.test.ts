// Sign-in throttling lives in the database, so that several app instances count together.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { countAttempt, lockedFor } from "@/lib/security/throttle";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/client-address";
import { GET as authorize } from "@/app/api/esia/authorize/route";

const rule = { limit: 3, windowMs: 60_000, lockMs: 300_000 };

describe("ограничение попыток входа", () => {
  it("пропускает limit попыток, затем запирает ключ на lockMs", async () => {
    const t0 = new Date("2026-01-01T10:00:00Z");
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    for (let i = 0; i < 3; i++) expect((await countAttempt("k1", rule, at(i))).allowed).toBe(true);
    const fourth = await countAttempt("k1", rule, at(3));
    expect(fourth).toEqual({ allowed: false, retryAfterMs: 300_000 });
    // Still locked after the window, open again after the lock.
    expect((await countAttempt("k1", rule, at(120))).allowed).toBe(false);
    expect(await lockedFor("k1", at(120))).toBe(300_000 - 117_000);
    expect((await countAttempt("k1", rule, at(400))).allowed).toBe(true);
  });

  it("окно обнуляет счёт", async () => {
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < 3; i++) await countAttempt("k2", rule, t0);
    expect((await countAttempt("k2", rule, new Date(t0.getTime() + 61_000))).allowed).toBe(true);
  });

  it("одновременные попытки считаются точно", async () => {
    const now = new Date();
    const verdicts = await Promise.all(Array.from({ length: 12 }, () => countAttempt("k3", rule, now)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(3);
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: "k3" } })).failures).toBe(12);
  });

  it("начало входа с запертого адреса ведёт на понятную страницу", async () => {
    await db.loginThrottle.create({ data: { key: "sign-in:failed:198.51.100.9", failures: 101, lockedUntil: new Date(Date.now() + 20 * 60_000) } });
    const res = await authorize(new NextRequest("http://portal.test/api/esia/authorize?state=abc", { headers: { [CLIENT_ADDRESS_HEADER]: "198.51.100.9" } }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://portal.test/signin/error?reason=throttled&minutes=20&by=address");
  });
});
