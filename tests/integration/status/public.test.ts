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
    const framed = await embed(new Request("http://portal.test/status/75738000/embed"), { params: Promise.resolve({ oktmo: "75738000" }) });
    expect(framed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(framed.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html).toContain("Подключение завершено");
    const list = await (await json(new Request("http://portal.test/api/status"))).json();
    expect(list.municipalities.map((m: { oktmo: string }) => m.oktmo)).toContain("75738000");
  });

  it("кэш: повтор не идёт в базу, изменение статуса в этом процессе его сбрасывает", async () => {
    const before = (await publicStatus("75738000", 1, null))!;
    expect(await publicStatus("75738000", 1, null)).toBe(before);
    // The check that proved the placement is gone: the widget is no longer «размещён».
    await db.siteCheck.deleteMany({ where: { cabinet: { organizationId: "org-mag-school-32" } } });
    // Any reader brings the rows up to date (here the dashboard); the public cache is dropped.
    await loadDashboard(await monitoringScopeOf("person-city-it"), parseDashboardQuery(new URLSearchParams("")));
    const after = (await publicStatus("75738000", 1, null))!;
    expect(after).not.toBe(before);
    expect(after.counts.widgetPlaced).toBe(before.counts.widgetPlaced - 1);
    expect(after.counts.ready).toBe(before.counts.ready - 1);
  });

  it("неизвестное муниципальное образование — 404", async () => {
    expect((await json(new Request("http://portal.test/api/status?oktmo=99999999"))).status).toBe(404);
    expect((await embed(new Request("http://portal.test/status/x/embed"), { params: Promise.resolve({ oktmo: "x" }) })).status).toBe(404);
  });
});
