// The placement checker on local pages: its outcomes, the site's CSP header read with the page, the
// fences around the fetch, and the action that records a check (the verdict's cases: site-verdict.test.ts).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runSiteCheck } from "@/lib/widget/actions";
import { bannerTextOf, variantById, widgetCode } from "@/lib/widget/banner";
import { checkSite, siteCheckConfig } from "@/lib/widget/site-check";
import { signInAs } from "../../helpers/session";

const LKO = 300_123;
const code = (id = LKO) => widgetCode({ portalOrigin: "http://portal.test", lkoId: id, variant: variantById(17)!, banner: bannerTextOf(null) });
const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;

const PAGES: Record<string, { status?: number; body: string; headers?: Record<string, string> }> = {
  "/correct": { body: page(`<h1>Школа</h1>${code()}`) },
  "/two": { body: page(`${code()}<aside>${code()}</aside>`) },
  "/wrong-id": { body: page(code(220_820)) },
  "/missing": { body: page("<h1>Сайт без виджета</h1><pre>&lt;script&gt;Widget(\"http://portal.test/form\", 300123)&lt;/script&gt;</pre><!-- <script>Widget('http://portal.test/form', 300123)</script> -->") },
  "/too-many": { body: page(`${code()}${code()}${code()}`) },
  "/error": { status: 500, body: "Internal Server Error" },
  "/redirect": { status: 302, body: "", headers: { Location: "/correct" } },
  "/gzip": { body: page(code()), headers: { "Content-Encoding": "gzip" } },
  "/csp": { body: page(code()), headers: { "Content-Security-Policy": "default-src 'self'" } },
};

let server: http.Server;
let base = "";
let closedPortUrl = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const p = PAGES[req.url ?? ""];
    if (!p) return void res.writeHead(404).end();
    const body = p.headers?.["Content-Encoding"] === "gzip" ? gzipSync(p.body) : p.body;
    res.writeHead(p.status ?? 200, { "Content-Type": "text/html; charset=utf-8", ...p.headers });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was just free: nothing listens there.
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  closedPortUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/`;
  await new Promise((r) => probe.close(r));
});
afterAll(() => new Promise((r) => server.close(r)));

const local = { allowPrivateHosts: true, timeoutMs: 5000 };

describe("проверка размещения: исходы", () => {
  it("правильно (один и два виджета, после перенаправления, в gzip)", async () => {
    for (const path of ["/correct", "/two", "/redirect", "/gzip"]) {
      expect(await checkSite(`${base}${path}`, LKO, local), path).toMatchObject({ outcome: "CORRECT" });
    }
    expect((await checkSite(`${base}/two`, LKO, local)).details).toContain("Найдено виджетов: 2");
  });

  it("неверный номер ЛКО", async () => {
    expect(await checkSite(`${base}/wrong-id`, LKO, local)).toMatchObject({ outcome: "WRONG_ID", details: expect.stringContaining("220820") });
  });

  it("виджета нет (код в тексте страницы или в комментарии не считается)", async () => {
    expect(await checkSite(`${base}/missing`, LKO, local)).toMatchObject({ outcome: "MISSING" });
  });

  it("больше двух виджетов", async () => {
    expect(await checkSite(`${base}/too-many`, LKO, local)).toMatchObject({ outcome: "TOO_MANY", details: expect.stringContaining("3") });
  });

  it("сайт недоступен: ошибка сервера, закрытый порт, несуществующий домен", async () => {
    expect(await checkSite(`${base}/error`, LKO, local)).toMatchObject({ outcome: "UNREACHABLE", details: "Сайт ответил ошибкой 500." });
    expect(await checkSite(closedPortUrl, LKO, local)).toMatchObject({ outcome: "UNREACHABLE", details: "Сайт не принимает соединения." });
    expect(await checkSite("http://no-such-host.invalid/", LKO, local)).toMatchObject({ outcome: "UNREACHABLE" });
  });

  it("адреса внутренней сети не проверяются, если портал не локальный", async () => {
    expect(siteCheckConfig({ PORTAL_URL: "https://pos.example.ru" } as unknown as NodeJS.ProcessEnv)).toEqual({ allowPrivateHosts: false });
    expect(siteCheckConfig({ PORTAL_URL: "http://127.0.0.1:3000" } as unknown as NodeJS.ProcessEnv)).toEqual({ allowPrivateHosts: true });
    const refused = await checkSite(`${base}/correct`, LKO, { allowPrivateHosts: false });
    expect(refused).toMatchObject({ outcome: "UNREACHABLE", details: "Адрес сайта указывает во внутреннюю сеть: проверка запрещена." });
  });

  it("заголовок Content-Security-Policy сайта читается с его страницей: код не сработает, причина названа", async () => {
    const result = await checkSite(`${base}/csp`, LKO, local);
    expect(result).toMatchObject({ outcome: "NOT_WORKING", causes: [{ code: "csp" }] });
    expect(result.details).toMatch(/^Политика безопасности сайта \(CSP\) блокирует виджет: добавьте в default-src http:\/\/portal\.test 'sha256-[^']+' 'sha256-[^']+'\./);
  });
});

describe("действие «Проверить сайт»", () => {
  it("записывает проверку и событие; посторонним — отказ", async () => {
    const cabinet = await db.cabinet.update({ where: { id: "cab-work-mag-school-18" }, data: { officialSite: base, noSite: false }, select: { lkoId: true } });
    PAGES["/"] = { body: page(code(cabinet.lkoId)) };
    process.env.SITE_CHECK_ALLOW_PRIVATE = "true";
    try {
      await signInAs("otherOrganAdmin");
      expect(await runSiteCheck({ cabinetId: "cab-work-mag-school-18" })).toEqual({ ok: false, error: "Недостаточно прав для этого действия." });
      expect(await db.siteCheck.count({ where: { cabinetId: "cab-work-mag-school-18" } })).toBe(0);

      await signInAs({ personId: "person-mag-school-18-head" });
      const result = await runSiteCheck({ cabinetId: "cab-work-mag-school-18" });
      expect(result).toMatchObject({ ok: true, data: { outcome: "CORRECT" } });
      const row = await db.siteCheck.findFirstOrThrow({ where: { cabinetId: "cab-work-mag-school-18" } });
      expect(row).toMatchObject({ url: `${base}/`, outcome: "CORRECT" });
      expect(await db.auditEvent.count({ where: { entityId: row.id, action: "widget.site_checked" } })).toBe(1);
      // Not again within half a minute.
      expect(await runSiteCheck({ cabinetId: "cab-work-mag-school-18" })).toMatchObject({ ok: false, error: expect.stringContaining("только что") });
    } finally {
      delete process.env.SITE_CHECK_ALLOW_PRIVATE;
    }
  });
});
