// Working-day arithmetic on the seeded production calendar (decision 075), and the seeded calendar
// held against the Russian public holidays that the maintained date-holidays library knows.
import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay, previousWorkingDay, workingDaysBetween } from "@/lib/messages/calendar";
import { PRODUCTION_CALENDAR } from "@/lib/messages/production-calendar";
import { formulaSafe } from "@/lib/messages/export-cells";

const calendar = new Map(PRODUCTION_CALENDAR.map((d) => [d.day, d.working]));

describe("производственный календарь", () => {
  it("не считает рабочими праздники России, которые знает date-holidays (2026–2027)", () => {
    const holidays = new Holidays("RU");
    for (const year of [2026, 2027]) {
      for (const h of holidays.getHolidays(year).filter((x) => x.type === "public")) {
        expect(isWorkingDay(calendar, h.date.slice(0, 10)), `${h.date} ${h.name}`).toBe(false);
      }
    }
  });

  it("новогодние каникулы 2026 года: с 1 по 11 января нет рабочих дней, 12 января — рабочий", () => {
    for (let d = 1; d <= 11; d++) expect(isWorkingDay(calendar, `2026-01-${String(d).padStart(2, "0")}`)).toBe(false);
    expect(isWorkingDay(calendar, "2026-01-12")).toBe(true);
  });

  it("10 рабочих дней от 31 декабря 2025 года — 23 января 2026 года", () => {
    expect(addWorkingDays(calendar, "2025-12-31", 10)).toBe("2026-01-23");
    expect(workingDaysBetween(calendar, "2025-12-31", "2026-01-23")).toBe(10);
  });

  it("майские праздники: 3 рабочих дня от 30 апреля 2026 года — 6 мая; перенос 9 мая на 11 мая", () => {
    expect(addWorkingDays(calendar, "2026-04-30", 3)).toBe("2026-05-06");
    expect(isWorkingDay(calendar, "2026-05-11")).toBe(false);
    expect(addWorkingDays(calendar, "2026-05-08", 1)).toBe("2026-05-12");
  });

  it("рабочий день перед сроком 12 мая 2026 года — 8 мая (9–11 мая не рабочие)", () => {
    expect(previousWorkingDay(calendar, "2026-05-12")).toBe("2026-05-08");
  });

  it("рабочая суббота из таблицы считается рабочим днём", () => {
    const withSaturday = new Map([...calendar, ["2027-11-13", true]]);
    expect(isWorkingDay(withSaturday, "2027-11-13")).toBe(true);
    expect(addWorkingDays(withSaturday, "2027-11-12", 1)).toBe("2027-11-13");
  });
});

describe("выгрузка сообщений: ячейки без формул", () => {
  it("текст, который табличный редактор принял бы за формулу, пишется как текст", () => {
    expect(formulaSafe("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(formulaSafe("+7 900")).toBe("'+7 900");
    expect(formulaSafe("-1")).toBe("'-1");
    expect(formulaSafe("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(formulaSafe("Ремонт")).toBe("Ремонт");
    expect(formulaSafe(5)).toBe(5);
  });
});
