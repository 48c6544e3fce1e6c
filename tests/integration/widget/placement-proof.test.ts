// Issue 17, finding 1: one unauthenticated POST /widget/seen with a forged Origin turned «Виджет
// размещен: нет» into «да» in the cabinet, «Не размещён» into «Размещён» in the monitoring and its
// exports and `widgetPlaced` into true in /api/status; an Origin of `http://=1+2` put a formula at the
// start of a CSV cell. Now «Размещён» comes only from the server's own check of the official site,
// the loader's reports are hints, an Origin is stored only as scheme://host[:port], and the exports
// neutralize cells that a spreadsheet would run.
import { beforeEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { POST as seen } from "@/app/widget/seen/route";
import { GET as apiStatus } from "@/app/api/status/route";
import { GET as exportView } from "@/app/monitoring/export/[format]/route";
import { loadFunctioning } from "@/lib/functioning/queries";
import { ensureFreshStatus } from "@/lib/status/dashboard";
import { widgetStatusText } from "@/lib/widget/placement";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/client-address";
import { signInAs } from "../../helpers/session";

const CABINET = "cab-work-mag-school-16";
const ORGANIZATION = "org-mag-school-16";
const SITE = "https://mag-school16.demo.test";
let lko = 0;
let address = 0;

beforeEach(async () => {
  lko = (await db.cabinet.update({ where: { id: CABINET }, data: { officialSite: SITE, noSite: false }, select: { lkoId: true } })).lkoId;
  await db.widgetPlacement.deleteMany({ where: { cabinetId: CABINET } });
  await db.siteCheck.deleteMany({ where: { cabinetId: CABINET } });
  await ensureFreshStatus();
});

/** A loader's report as anyone can send it (curl): no browser, any Origin. */
async function forgedReport(origin: string) {
  const res = await seen(new Request(`http://portal.test/widget/seen?opaId=${lko}`, { method: "POST", headers: { origin, [CLIENT_ADDRESS_HEADER]: `198.51.100.${++address % 250}` } }));
  expect(res.status).toBe(200);
}

async function csvRows(): Promise<string[][]> {
  await signInAs("cityIt");
  const res = await exportView(new Request("http://portal.test/monitoring/export/csv?organ=org-omsu-mag-uo"), { params: Promise.resolve({ format: "csv" }) });
  const lines = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer())).replace(/^\uFEFF/, "").trim().split("\r\n");
  // csv-stringify quotes cells with «;», quotes or line breaks; none of the checked cells has them.
  return lines.map((l) => l.split(";"));
}

async function school16Cell(header: string): Promise<string> {
  const rows = await csvRows();
  const row = rows.find((r) => r.includes("МОУ «СОШ № 16»") || r.some((c) => c.includes("СОШ № 16")))!;
  return row[rows[0].indexOf(header)];
}

async function publicPlaced(): Promise<boolean | null> {
  const body = await (await apiStatus(new Request("http://portal.test/api/status?oktmo=75738000&q=%D0%A1%D0%9E%D0%A8%20%E2%84%96%2016"))).json();
  const found = body.institutions.filter((i: { name: string }) => i.name.includes("СОШ № 16"));
  expect(found).toHaveLength(1);
  return found[0].widgetPlaced;
}

describe("размещение виджета доказывает проверка сайта, а не отчёт загрузчика", () => {
  it("поддельный отчёт с Origin официального сайта не делает виджет размещённым — ни в кабинете, ни в мониторинге, ни в выгрузке, ни в /api/status", async () => {
    for (let i = 0; i < 3; i++) await forgedReport(SITE);
    const functioning = await loadFunctioning(CABINET);
    expect(functioning.widgetStatus.state).not.toBe("placed");
    expect(widgetStatusText(functioning.widgetStatus)).toMatch(/^Виджет размещен: нет/);
    await ensureFreshStatus();
    expect((await db.connectionStatus.findUniqueOrThrow({ where: { organizationId: ORGANIZATION } })).widget).toBe("MISSING");
    expect(await publicPlaced()).toBe(false);
    expect(await school16Cell("Виджет")).toBe("Не размещён");
  });

  it("отчёт с другого сайта тоже ничего не меняет: это подсказка «замечен на …»", async () => {
    await forgedReport("https://copy.demo.test");
    const functioning = await loadFunctioning(CABINET);
    expect(functioning.widgetStatus.state).toBe("missing");
    await ensureFreshStatus();
    expect((await db.connectionStatus.findUniqueOrThrow({ where: { organizationId: ORGANIZATION } })).widget).toBe("MISSING");
  });
});

describe("Origin отчёта хранится, только если это scheme://host[:port]", () => {
  it.each(["http://=1+2", "https://=HYPERLINK(\"x\")", "http://a b.ru", "http://school.ru/path", "http://user@school.ru", "null", "https://school.ru:99999", "javascript://x", "http://", "HTTP://SCHOOL.RU", "http://school_18.ru"])(
    "%s — не записан",
    async (origin) => {
      await forgedReport(origin);
      expect(await db.widgetPlacement.count({ where: { cabinetId: CABINET } })).toBe(0);
    },
  );

  it("обычные адреса записываются (как подсказка)", async () => {
    for (const origin of ["https://copy.demo.test", "http://127.0.0.1:8090", "https://xn--80aaa.xn--p1ai"]) await forgedReport(origin);
    expect((await db.widgetPlacement.findMany({ where: { cabinetId: CABINET }, orderBy: { origin: "asc" } })).map((p) => p.origin)).toEqual([
      "http://127.0.0.1:8090", "https://copy.demo.test", "https://xn--80aaa.xn--p1ai",
    ]);
  });
});

describe("выгрузки обезвреживают ячейки-формулы", () => {
  const HOSTILE = ["=1+2", "+7 900 000-00-00", "-2+3", "@SUM(A1)", "\tТаб", "\rВозврат"];

  beforeEach(async () => {
    await db.organization.update({ where: { id: ORGANIZATION }, data: { fullName: HOSTILE.join(" | ") } });
  });

  it("CSV: ячейка, которая начинается с =, +, -, @, табуляции или CR, начинается с апострофа", async () => {
    await db.organization.update({ where: { id: ORGANIZATION }, data: { fullName: "=1+2 школа" } });
    await ensureFreshStatus();
    const rows = await csvRows();
    const row = rows.find((r) => r.includes("'=1+2 школа"));
    expect(row, "строка школы с обезвреженным названием").toBeTruthy();
    for (const r of rows.slice(1)) for (const cell of r) expect(cell, "ни одна ячейка не начинается с формулы").not.toMatch(/^["]?[=+\-@\t\r]/);
  });

  it("XLSX: то же для каждой строки", async () => {
    for (const value of HOSTILE) {
      await db.organization.update({ where: { id: ORGANIZATION }, data: { fullName: `${value} школа` } });
      await ensureFreshStatus();
      await signInAs("cityIt");
      const res = await exportView(new Request("http://portal.test/monitoring/export/xlsx?organ=org-omsu-mag-uo"), { params: Promise.resolve({ format: "xlsx" }) });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const cells: unknown[] = [];
      workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
      // XML keeps no bare CR: a reader gets it back as LF (after the apostrophe all the same).
      expect(cells).toContain(`'${value.replace("\r", "\n")} школа`);
      for (const cell of cells) if (typeof cell === "string") expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
