// Exports of the current view: the same rows as the page, the same authorization as the page.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { GET } from "@/app/monitoring/export/[format]/route";
import { loadDashboard } from "@/lib/status/dashboard";
import { viewBatches } from "@/lib/status/export";
import { parseDashboardQuery } from "@/lib/status/query";
import { loadActor } from "@/lib/access/actor";
import { monitoringRoots } from "@/lib/access/policies";
import { signInAs, signOutOfContext } from "../../helpers/session";

const monitoringScopeOf = async (personId: string) => monitoringRoots(await loadActor(personId));

const download = (format: string, search = "") =>
  GET(new Request(`http://portal.test/monitoring/export/${format}${search}`), { params: Promise.resolve({ format }) });

describe("выгрузки", () => {
  it("CSV текущего вида: те же учреждения в том же порядке", async () => {
    await signInAs("cityIt");
    const search = "?organ=org-omsu-mag-uo&sort=status&dir=desc";
    const response = await download("csv", search);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte order mark, so that Excel reads the Russian text as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0].split(";").slice(0, 4)).toEqual(["Организация", "Краткое наименование", "ОГРН", "Учредитель / управление"]);
    const view = await loadDashboard(await monitoringScopeOf("person-city-it"), parseDashboardQuery(new URLSearchParams(`${search.slice(1)}&size=100`)));
    expect(lines.length - 1).toBe(view.total);
    expect(lines.slice(1).map((l) => l.split(";")[2])).toEqual(view.rows.map((r) => r.ogrn));
  });

  it("XLSX открывается и содержит строки вида", async () => {
    await signInAs("cityIt");
    const response = await download("xlsx", "?status=CONNECTED");
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const view = await loadDashboard(await monitoringScopeOf("person-city-it"), parseDashboardQuery(new URLSearchParams("status=CONNECTED&size=100")));
    expect(sheet.rowCount - 1).toBe(view.total);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const status = headers.indexOf("Статус") + 1;
    const seen = headers.indexOf("Виджет: подтверждение и показы") + 1;
    expect(status).toBeGreaterThan(0);
    for (let i = 2; i <= sheet.rowCount; i++) {
      expect(sheet.getRow(i).getCell(status).value).toBe("Подключено");
      // Connected with a site: the site check found the widget there (lib/widget's rule); without one — nothing.
      const widget = sheet.getRow(i).getCell(headers.indexOf("Виджет") + 1).value;
      if (widget === "Размещён") expect(String(sheet.getRow(i).getCell(seen).value)).toMatch(/^проверка сайта [a-z0-9.-]+\.demo\.test \d\d\.\d\d\.\d{4}, \d\d:\d\d: Виджет размещен правильно/);
      else expect(widget).toBe("Не нужен (нет сайта)");
    }
  });

  it("без роли ИТ-специалиста и без входа выгрузки не отдаются", async () => {
    await signInAs("organAdmin");
    expect((await download("csv")).status).toBe(404);
    expect((await download("xlsx")).status).toBe(404);
    signOutOfContext();
    expect((await download("csv")).status).toBe(404);
    await signInAs("cityIt");
    expect((await download("pdf")).status).toBe(404);
  });

  it("выгрузка идёт пачками по ключу: при любой сортировке без пропусков и повторов", async () => {
    const scope = await monitoringScopeOf("person-operator");
    for (const params of ["sort=reminded", "sort=status&dir=desc", "sort=lko", "sort=organ&dir=desc", "sort=widget"]) {
      const query = parseDashboardQuery(new URLSearchParams(params));
      const batches: string[][] = [];
      for await (const batch of viewBatches(scope, query, 7)) batches.push(batch.map((r) => r.organizationId));
      const whole = (await loadDashboard(scope, parseDashboardQuery(new URLSearchParams(`${params}&size=100`)))).rows.map((r) => r.organizationId);
      expect(batches.length).toBeGreaterThan(5);
      expect(batches.flat()).toEqual(whole);
    }
  });
});
