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
const placed = (otherDomains: string[]): TWidgetStatus => ({ state: "placed", domain: "school18.ru", origin: "https://school18.ru", lastSeenAt: at, otherDomains });

describe("«также на» в тексте о виджете", () => {
  it("до трех доменов, дальше — «и ещё N»; без других доменов — как раньше", () => {
    expect(alsoOnText([])).toBe("");
    expect(widgetSeenText(placed([]))).toBe("school18.ru, 05.12.2026, 14:00");
    expect(widgetSeenText(placed(["copy.ru"]))).toBe("school18.ru, 05.12.2026, 14:00; также на: copy.ru");
    expect(widgetSeenText(placed(["a.ru", "b.ru", "c.ru"]))).toBe("school18.ru, 05.12.2026, 14:00; также на: a.ru, b.ru, c.ru");
    expect(widgetSeenText(placed(["a.ru", "b.ru", "c.ru", "d.ru", "e.ru"]))).toBe("school18.ru, 05.12.2026, 14:00; также на: a.ru, b.ru, c.ru и ещё 2");
    expect(widgetStatusText(placed(["a.ru", "b.ru", "c.ru", "d.ru"]))).toBe("Виджет размещен: да, school18.ru, последний раз 05.12.2026, 14:00; также на: a.ru, b.ru, c.ru и ещё 1");
    // Only a placed widget has «other» domains; the wrong-domain text names its own.
    expect(widgetSeenText({ state: "wrongDomain", domain: "old.ru", origin: "https://old.ru", lastSeenAt: at, expectedDomain: "school18.ru" })).toBe("old.ru, 05.12.2026, 14:00");
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
    expect(widgetSeenText(row.widgetDetail)).toMatch(/^mag-school-32\.demo\.test, \d\d\.\d\d\.\d{4}, \d\d:\d\d; также на: copy1\.demo\.test, copy2\.demo\.test, copy3\.demo\.test и ещё 1$/);
  });
});
