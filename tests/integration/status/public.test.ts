// The public status page: the same counts as the city IT dashboard, and no personal data at all.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as json } from "@/app/api/status/route";
import { GET as embed } from "@/app/status/[oktmo]/embed/route";
import { loadDashboard } from "@/lib/status/dashboard";
import { parseDashboardQuery } from "@/lib/status/query";
import { loadActor } from "@/lib/access/actor";
import { monitoringRoots } from "@/lib/access/policies";
import { PUBLIC_PAGE_SIZE, publicStatus } from "@/lib/status/public";
import { GET as cachedPage } from "@/app/status/cached/[generation]/[oktmo]/[page]/[view]/route";
import { GET as page } from "@/app/status/[oktmo]/route";
import { publicGeneration } from "@/lib/status/public-routes";
import { securityHeaders } from "@/lib/security/headers";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { CACHED_RENDER_HEADER } from "@/lib/ui/cached-renders";

const monitoringScopeOf = async (personId: string) => monitoringRoots(await loadActor(personId));

describe("публичная страница статуса", () => {
  it("показывает те же числа, что и мониторинг ИТ-специалиста города", async () => {
    const status = (await publicStatus("75738000", 1, null))!;
    const dashboard = await loadDashboard(await monitoringScopeOf("person-city-it"), parseDashboardQuery(new URLSearchParams("")));
    expect(status.counts.total).toBe(dashboard.total);
    expect(status.counts.ready).toBe(dashboard.counts.CONNECTED);
    expect(status.counts.cabinetConnected).toBe(dashboard.counts.IN_PROGRESS + dashboard.counts.CONNECTED);
    expect(status.institutions).toHaveLength(Math.min(dashboard.total, PUBLIC_PAGE_SIZE));
    expect(status.pages).toBe(Math.ceil(dashboard.total / PUBLIC_PAGE_SIZE));
    const rest = (await publicStatus("75738000", 2, null))!;
    expect(new Set([...status.institutions, ...rest.institutions].map((i) => i.name)).size).toBe(dashboard.total);
    // Per управление: the dashboard's own counts of each organ.
    for (const organ of dashboard.organs.filter((o) => status.organs.some((p) => p.name === o.name))) {
      const view = await loadDashboard(await monitoringScopeOf("person-city-it"), parseDashboardQuery(new URLSearchParams(`organ=${organ.id}`)));
      expect(status.organs.find((p) => p.name === organ.name)).toMatchObject({ total: view.total, ready: view.counts.CONNECTED });
    }
    expect(status.organs.reduce((a, o) => a + o.total, 0)).toBe(status.counts.total);
    // The list of municipalities says the same.
    const { municipalities } = await (await json(new Request("http://portal.test/api/status"))).json();
    expect(municipalities.find((m: { oktmo: string }) => m.oktmo === "75738000").counts).toEqual(status.counts);
  });

  it("JSON и встраиваемая версия: только публичные факты, с кэшированием", async () => {
    const response = await json(new Request("http://portal.test/api/status?oktmo=75738000"));
    expect(response.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    const body = await response.json();
    expect(Object.keys(body.institutions[0]).sort()).toEqual(["cabinetConnected", "organ", "name", "ready", "widgetPlaced"].sort());
    const html = await (await embed(new Request("http://portal.test/status/75738000/embed"), { params: Promise.resolve({ oktmo: "75738000" }) })).text();
    const people = await db.person.findMany({ select: { lastName: true, email: true, mobile: true, snils: true } });
    const accounts = await db.account.findMany({ select: { email: true, phone: true } });
    for (const text of [JSON.stringify(body), html]) {
      expect(text).not.toMatch(/@/);
      expect(text).not.toMatch(/\+7 \(/);
      for (const p of people) {
        expect(text).not.toContain(p.lastName);
        if (p.snils) expect(text).not.toContain(p.snils);
      }
      for (const a of accounts) expect(text).not.toContain(a.email);
    }
    expect(html).toContain("<!DOCTYPE html>");
    // Its policy comes from proxy.ts (lib/security/headers.ts), for the public address and the cached one.
    for (const path of ["/status/75738000/embed", "/status/cached/0/75738000/1/embed"]) {
      const policy = securityHeaders(path, { nonce: "n", esiaOrigin: "http://esia.test", portalUrl: "", development: false, production: true })["Content-Security-Policy"];
      expect(policy).toContain("frame-ancestors *");
      expect(policy).toContain("default-src 'none'");
    }
    expect(html).toContain("Подключение завершено");
    const list = await (await json(new Request("http://portal.test/api/status"))).json();
    expect(list.municipalities.map((m: { oktmo: string }) => m.oktmo)).toContain("75738000");
  });

  it("страница для кэша Next: HTML без единого скрипта, с теми же числами; версия для слабовидящих — отдельная", async () => {
    const params = (view: string) => ({ params: Promise.resolve({ generation: "0", oktmo: "75738000", page: "1", view }) });
    const response = await cachedPage(new Request("http://portal.test/status/cached/0/75738000/1/normal"), params("normal"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    expect(response.headers.get("vary")).toBe("Cookie");
    const html = await response.text();
    const status = (await publicStatus("75738000", 1, null))!;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/ on[a-z]+=/i);
    expect(html).toContain(`data-testid="public-total">${status.counts.total}<`);
    expect(html.match(/data-testid="public-row"/g)).toHaveLength(status.institutions.length);
    expect(html).toContain('<a href="/signin"');
    expect(html).not.toContain('data-vision="low"');
    const low = await (await cachedPage(new Request("http://portal.test/status/cached/0/75738000/1/low"), params("low"))).text();
    expect(low).toMatch(/<html lang="ru" data-vision="low">/);
    expect(low).toContain("Обычная версия");
    // A search is answered for its request, from the same markup.
    const found = await (await page(new Request("http://portal.test/status/75738000?q=%D0%A1%D0%9E%D0%A8%20%E2%84%96%2033"), { params: Promise.resolve({ oktmo: "75738000" }) })).text();
    expect(found).toContain("Найдено: 1.");
    expect(found).toContain('value="СОШ № 33"');
    expect((await cachedPage(new Request("http://portal.test/status/cached/0/99999999/1/normal"), { params: Promise.resolve({ generation: "0", oktmo: "99999999", page: "1", view: "normal" }) })).status).toBe(404);
  });

  it("кэш: повтор не идёт в базу, изменение статуса в этом процессе его сбрасывает и начинает новое поколение страниц", async () => {
    const before = (await publicStatus("75738000", 1, null))!;
    const generation = publicGeneration();
    expect(await publicStatus("75738000", 1, null)).toBe(before);
    // The check that proved the placement is gone: the widget is no longer «размещён».
    await db.siteCheck.deleteMany({ where: { cabinet: { organizationId: "org-mag-school-32" } } });
    // Any reader brings the rows up to date (here the dashboard); the public cache is dropped.
    await loadDashboard(await monitoringScopeOf("person-city-it"), parseDashboardQuery(new URLSearchParams("")));
    const after = (await publicStatus("75738000", 1, null))!;
    expect(after).not.toBe(before);
    expect(after.counts.widgetPlaced).toBe(before.counts.widgetPlaced - 1);
    expect(after.counts.ready).toBe(before.counts.ready - 1);
    // The next request of a public page goes to a new cached address: rendered with the change.
    expect(publicGeneration()).toBeGreaterThan(generation);
  });

  it("proxy.ts: страница без поиска — на отрисовку из кэша (вид по cookie), поиск и действия — как были; заголовки — по публичному адресу", async () => {
    const rewritten = async (path: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) => {
      const response = await proxy(new NextRequest(new URL(path, "http://portal.test"), init));
      const target = response.headers.get(`x-middleware-request-${CACHED_RENDER_HEADER}`);
      return { target, csp: response.headers.get("content-security-policy") ?? "" };
    };
    const g = publicGeneration();
    expect(await rewritten("/status/75738000?page=2")).toEqual({ target: `/status/cached/${g}/75738000/2/normal`, csp: expect.stringContaining("script-src 'none'") });
    expect((await rewritten("/status/75738000", { headers: { cookie: "pos_vision=low" } })).target).toBe(`/status/cached/${g}/75738000/1/low`);
    expect((await rewritten("/status/75738000/embed")).csp).toContain("frame-ancestors *");
    expect((await rewritten("/api/status?oktmo=75738000")).target).toBe(`/api/status/cached/${g}/75738000/1`);
    expect((await rewritten("/status/75738000?q=%D0%A1%D0%9E%D0%A8")).target).toBeNull();
    expect((await rewritten("/status", { method: "POST" })).target).toBeNull();
    expect((await rewritten("/monitoring")).target).toBeNull();
    // The render is named by the proxy alone: one a client sends is dropped.
    expect((await rewritten("/monitoring", { headers: { [CACHED_RENDER_HEADER]: `/status/cached/${g}/list/normal` } })).target).toBeNull();
  });

  it("неизвестное муниципальное образование — 404", async () => {
    expect((await json(new Request("http://portal.test/api/status?oktmo=99999999"))).status).toBe(404);
    expect((await embed(new Request("http://portal.test/status/x/embed"), { params: Promise.resolve({ oktmo: "x" }) })).status).toBe(404);
  });
});
