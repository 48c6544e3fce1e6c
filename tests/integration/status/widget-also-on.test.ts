// A widget placed on the official site and also elsewhere: the other domains are not dropped, on the
// status dashboard (and its exports) as in «Функционирование ЛКО».
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadDashboard } from "@/lib/status/dashboard";
import { parseDashboardQuery } from "@/lib/status/query";
import { loadActor } from "@/lib/access/actor";
import { monitoringRoots } from "@/lib/access/policies";
import { widgetSeenText } from "@/lib/status/model";
import { alsoOnText, widgetStatusText, type TWidgetStatus } from "@/lib/widget/placement";

const monitoringScopeOf = async (personId: string) => monitoringRoots(await loadActor(personId));

const at = new Date("2026-12-05T09:00:00Z");
const placed = (alsoOn: string[]): TWidgetStatus => ({ state: "placed", check: { outcome: "CORRECT", checkedAt: at, domain: "school18.ru" }, seenOn: { domain: "school18.ru", at }, alsoOn });
const CHECKED = "проверка сайта school18.ru 05.12.2026, 14:00: Виджет размещен правильно";
const SEEN = "загрузчик замечен на school18.ru 05.12.2026, 14:00";

describe("«также на» в тексте о виджете", () => {
  it("до трех доменов, дальше — «и ещё N»; без других доменов — как раньше", () => {
    expect(alsoOnText([])).toBe("");
    expect(widgetSeenText(placed([]))).toBe(`${CHECKED}; ${SEEN}`);
    expect(widgetSeenText(placed(["copy.ru"]))).toBe(`${CHECKED}; ${SEEN}; также на: copy.ru`);
    expect(widgetSeenText(placed(["a.ru", "b.ru", "c.ru"]))).toBe(`${CHECKED}; ${SEEN}; также на: a.ru, b.ru, c.ru`);
    expect(widgetSeenText(placed(["a.ru", "b.ru", "c.ru", "d.ru", "e.ru"]))).toBe(`${CHECKED}; ${SEEN}; также на: a.ru, b.ru, c.ru и ещё 2`);
    expect(widgetStatusText(placed(["a.ru", "b.ru", "c.ru", "d.ru"]))).toBe(`Виджет размещен: да (${CHECKED}); ${SEEN}; также на: a.ru, b.ru, c.ru и ещё 1`);
    // Reports only from other sites, no check: not placed, the other sites are still named.
    expect(widgetSeenText({ state: "missing", check: null, seenOn: null, alsoOn: ["old.ru"] })).toBe("сайт ещё не проверялся; загрузчик замечен на: old.ru");
  });

  it("строка учреждения в мониторинге показывает и другие домены", async () => {
    const cabinet = await db.cabinet.findFirstOrThrow({ where: { organizationId: "org-mag-school-32", kind: "WORK" }, select: { id: true, officialSite: true } });
    const now = new Date();
    await db.widgetPlacement.createMany({
      data: ["https://copy1.demo.test", "https://copy2.demo.test", "https://copy3.demo.test", "https://copy4.demo.test"].map((origin, i) => ({
        cabinetId: cabinet.id, origin, firstSeenAt: now, lastSeenAt: new Date(now.getTime() - i * 60_000),
      })),
    });
    await db.widgetPlacement.update({ where: { cabinetId_origin: { cabinetId: cabinet.id, origin: cabinet.officialSite! } }, data: { lastSeenAt: now } });
    const scope = await monitoringScopeOf("person-city-it");
    const { rows } = await loadDashboard(scope, parseDashboardQuery(new URLSearchParams({ q: "СОШ № 32" })));
    const row = rows.find((r) => r.organizationId === "org-mag-school-32")!;
    expect(row.widget).toBe("PLACED");
    expect(widgetSeenText(row.widgetDetail)).toMatch(/^проверка сайта mag-school-32\.demo\.test \d\d\.\d\d\.\d{4}, \d\d:\d\d: Виджет размещен правильно; загрузчик замечен на mag-school-32\.demo\.test \d\d\.\d\d\.\d{4}, \d\d:\d\d; также на: copy1\.demo\.test, copy2\.demo\.test, copy3\.demo\.test и ещё 1$/);
  });
});
