// The loader script and the placement reports it sends.
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as loader } from "@/app/widget/script.min.js/route";
import { POST as seen, OPTIONS } from "@/app/widget/seen/route";
import { loadFunctioning } from "@/lib/functioning/queries";
import { placementSelect, widgetStatusOf, widgetStatusText } from "@/lib/widget/placement";
import { BANNER_TEXTS, DIALOG_CSS, bannerCss, variantById } from "@/lib/widget/banner";

const CABINET = "cab-work-mag-school-18";
const SITE = "https://school18.demo.test";
let lko = 0;

beforeAll(async () => {
  lko = (await db.cabinet.update({ where: { id: CABINET }, data: { officialSite: SITE, noSite: false }, select: { lkoId: true } })).lkoId;
});

function report(origin: string | null, id: number = lko, query = "") {
  return seen(new Request(`http://portal.test/widget/seen?opaId=${id}${query}`, { method: "POST", headers: origin ? { origin } : {} }));
}

describe("загрузчик", () => {
  it("маленький, кэшируемый, с ETag, без фреймворков", async () => {
    const res = loader(new Request("http://portal.test/widget/script.min.js"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toMatch(/public, max-age=86400/);
    const etag = res.headers.get("etag")!;
    const code = await res.text();
    expect(() => new Function(code)).not.toThrow();
    expect(code).not.toMatch(/^\s*\/\//m);
    expect(code).toContain("js-show-iframe-wrapper");
    // The goal for the loader with the code without inline script: under 2.5 KB in gzip (npm run bench -- widget-loader).
    expect(gzipSync(code, { level: 9 }).length).toBeLessThan(2.5 * 1024);
    const again = loader(new Request("http://portal.test/widget/script.min.js", { headers: { "if-none-match": etag } }));
    expect(again.status).toBe(304);
  });
});

describe("отчеты о показе виджета", () => {
  it("на официальном сайте: баннер показывается, показ записан как подсказка (размещение доказывает только проверка сайта)", async () => {
    const res = await report(SITE);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    // With «show»: the dialog's style, applied by the loader through the CSSOM.
    expect(await res.json()).toEqual({ show: true, css: DIALOG_CSS });
    await report(SITE);
    const row = await db.widgetPlacement.findUniqueOrThrow({ where: { cabinetId_origin: { cabinetId: CABINET, origin: SITE } } });
    expect(row.hits).toBe(2);
    expect(await db.auditEvent.count({ where: { entityId: CABINET, action: "widget.first_seen" } })).toBe(1);
    await db.siteCheck.deleteMany({ where: { cabinetId: CABINET } });
    const { widgetStatus: status } = await loadFunctioning(CABINET);
    expect(status).toMatchObject({ state: "missing", check: null, seenOn: { domain: "school18.demo.test" }, alsoOn: [] });
    expect(widgetStatusText(status)).toMatch(/^Виджет размещен: нет \(сайт ещё не проверялся\); загрузчик замечен на school18\.demo\.test \d\d\.\d\d\.\d{4}, \d\d:\d\d$/);
  });

  it("код без встроенных скриптов (?v=вариант): стиль варианта и дерево баннера без комментариев", async () => {
    const answer = await (await report(SITE, lko, "&v=87")).json();
    expect(answer.css).toBe(`${bannerCss(variantById(87)!)}\n${DIALOG_CSS}`);
    expect(answer.banner[0]).toBe("div");
    expect(answer.banner[1]).toEqual({ class: "pos-banner-fluid bf-87" });
    const flat = JSON.stringify(answer.banner);
    expect(flat).toContain(BANNER_TEXTS[0].text);
    expect(flat).toContain('["button",{"class":"pos-banner-btn_2","type":"button"},"Написать о проблеме"]');
    expect(flat).not.toContain("comment");
    // An unknown design: the first one, never an error.
    expect((await (await report(SITE, lko, "&v=<x>")).json()).banner[1]).toEqual({ class: "pos-banner-fluid bf-2" });
    // Not shown: nothing but the refusal.
    expect(await (await report("https://copy.demo.test", lko, "&v=87")).json()).toEqual({ show: false });
  });

  it("на чужом домене: баннер не показывается, домен отмечен", async () => {
    expect(await (await report("https://copy.demo.test")).json()).toEqual({ show: false });
    expect(await db.widgetPlacement.count({ where: { cabinetId: CABINET, origin: "https://copy.demo.test" } })).toBe(1);
    expect((await loadFunctioning(CABINET)).widgetStatus).toMatchObject({ alsoOn: ["copy.demo.test"] });
  });

  it("архивный кабинет и неизвестный номер: ничего не показывается и не записывается", async () => {
    await db.cabinet.update({ where: { id: CABINET }, data: { status: "ARCHIVED" } });
    try {
      const before = await db.widgetPlacement.count();
      expect(await (await report(SITE)).json()).toEqual({ show: false });
      expect(await (await report(SITE, 999_999)).json()).toEqual({ show: false });
      expect(await (await report(SITE, Number.NaN)).json()).toEqual({ show: false });
      expect(await db.widgetPlacement.count()).toBe(before);
    } finally {
      await db.cabinet.update({ where: { id: CABINET }, data: { status: "ACTIVE" } });
    }
  });

  it("без Origin отчет не записывается", async () => {
    const before = await db.widgetPlacement.count();
    expect(await (await report(null)).json()).toEqual({ show: false });
    expect(await (await report("null")).json()).toEqual({ show: false });
    expect(await db.widgetPlacement.count()).toBe(before);
    expect(OPTIONS().status).toBe(204);
  });
});

describe("правило «виджет размещен»", () => {
  const now = new Date("2026-12-05T09:00:00Z");
  const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const check = (outcome: "CORRECT" | "WRONG_ID" | "MISSING", at: Date, url = `${SITE}/`) => [{ url, outcome, checkedAt: at }];
  it("решает свежая проверка официального сайта; отчёты загрузчика — только подсказки", () => {
    const cabinet = { officialSite: SITE, noSite: false };
    expect(widgetStatusOf({ ...cabinet, siteChecks: check("CORRECT", days(1)), placements: [] }, now)).toMatchObject({ state: "placed", check: { outcome: "CORRECT", domain: "school18.demo.test" } });
    expect(widgetStatusOf({ ...cabinet, siteChecks: check("WRONG_ID", days(1)), placements: [] }, now)).toMatchObject({ state: "notWorking" });
    expect(widgetStatusOf({ ...cabinet, siteChecks: check("MISSING", days(1)), placements: [] }, now)).toMatchObject({ state: "missing" });
    // A report from the official site and one from elsewhere, no check: not placed, only hints.
    const hinted = widgetStatusOf({ ...cabinet, siteChecks: [], placements: [{ origin: SITE, lastSeenAt: days(1) }, { origin: "https://old.demo.test", lastSeenAt: days(2) }] }, now);
    expect(hinted).toEqual({ state: "missing", check: null, seenOn: { domain: "school18.demo.test", at: days(1) }, alsoOn: ["old.demo.test"] });
    expect(widgetStatusText(hinted)).toBe("Виджет размещен: нет (сайт ещё не проверялся); загрузчик замечен на school18.demo.test 04.12.2026, 14:00; также на: old.demo.test");
    // A stale check (older than two weeks) proves nothing.
    expect(widgetStatusOf({ ...cabinet, siteChecks: check("CORRECT", days(15)), placements: [] }, now)).toMatchObject({ state: "missing", check: null });
    expect(widgetStatusText(widgetStatusOf({ ...cabinet, siteChecks: check("CORRECT", now), placements: [] }, now))).toBe(
      "Виджет размещен: да (проверка сайта school18.demo.test 05.12.2026, 14:00: Виджет размещен правильно)",
    );
  });

  it("демо-данные: размещённые и неработающие кабинеты различаются", async () => {
    const cabinets = await db.cabinet.findMany({ where: { siteChecks: { some: {} } }, select: placementSelect });
    const states = cabinets.map((c) => widgetStatusOf(c).state);
    expect(states).toContain("placed");
    expect(states).toContain("notWorking");
  });
});
