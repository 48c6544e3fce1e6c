import { describe, expect, it, vi } from "vitest";
import {
  countOf, firstAndMiddleName, formatDate, formatDateTime, formatDay, formatLongDate, formatNumber, fullName, lastAndFirstName, plural, regionDayOf, regionDayStart, sentence,
} from "@/lib/ui/format";
import { WORDS } from "@/lib/ui/strings";

describe("русские числа и даты (Intl, ru-RU)", () => {
  it("согласует слово с числом", () => {
    expect([1, 2, 5, 11, 21, 22, 25, 101, 111].map((n) => countOf(n, WORDS.request))).toEqual([
      "1 заявка", "2 заявки", "5 заявок", "11 заявок", "21 заявка", "22 заявки", "25 заявок", "101 заявка", "111 заявок",
    ]);
    expect(plural(0, WORDS.institution)).toBe("учреждений");
    expect(plural(3, WORDS.account)).toBe("учётные записи");
  });

  it("делит разряды по-русски", () => {
    expect(formatNumber(100000).replace(/\s/g, " ")).toBe("100 000");
    expect(countOf(100000, WORDS.institution).replace(/\s/g, " ")).toBe("100 000 учреждений");
  });

  it("пишет даты в часовом поясе региона", () => {
    // 30.06.2022 19:30 UTC is already 1 July in Челябинск (UTC+5).
    const at = new Date("2022-06-30T19:30:00Z");
    expect(formatDate(at)).toBe("01.07.2022");
    expect(formatDateTime(at)).toBe("01.07.2022, 00:30");
    expect(formatLongDate(new Date("2022-06-30T10:00:00Z"))).toBe("30 июня 2022 г.");
  });

  it("календарный день (срок подключения) не сдвигается часовым поясом", () => {
    // A deadline is stored as midnight UTC of its day; a zone west of UTC must not show the day before.
    const deadline = new Date("2022-06-30T00:00:00Z");
    expect(formatDay(deadline)).toBe("30.06.2022");
    expect(formatDay(null)).toBe("");
    expect(formatDate(undefined)).toBe("");
    vi.stubEnv("PORTAL_TIME_ZONE", "America/New_York");
    try {
      expect(formatDay(deadline)).toBe("30.06.2022");
      expect(formatDate(deadline)).toBe("29.06.2022");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("запомненный текст минуты — свой у каждого пояса и у каждой минуты", () => {
    const at = new Date("2022-06-30T19:30:59Z");
    expect(formatDateTime(at)).toBe("01.07.2022, 00:30");
    expect(formatDateTime(new Date("2022-06-30T19:30:00Z"))).toBe("01.07.2022, 00:30");
    expect(formatDateTime(new Date("2022-06-30T19:31:00Z"))).toBe("01.07.2022, 00:31");
    vi.stubEnv("PORTAL_TIME_ZONE", "America/New_York");
    try {
      expect(formatDateTime(at)).toBe("30.06.2022, 15:30");
      expect(formatDate(at)).toBe("30.06.2022");
    } finally {
      vi.unstubAllEnvs();
    }
    expect(formatDate(at)).toBe("01.07.2022");
  });

  it("день региона для мгновения: граница — полночь региона, запомненный день свой у каждого пояса", () => {
    expect(regionDayOf(new Date("2022-06-30T18:59:59Z"))).toBe("2022-06-30");
    expect(regionDayOf(new Date("2022-06-30T19:00:00Z"))).toBe("2022-07-01");
    vi.stubEnv("PORTAL_TIME_ZONE", "America/New_York");
    try {
      expect(regionDayOf(new Date("2022-06-30T19:00:00Z"))).toBe("2022-06-30");
    } finally {
      vi.unstubAllEnvs();
    }
    expect(regionDayOf(new Date("2022-06-30T19:00:30Z"))).toBe("2022-07-01");
  });

  it("день фильтра начинается в полночь региона", () => {
    // Челябинск is UTC+5: its 1 July begins at 19:00 UTC on 30 June.
    expect(regionDayStart("2022-07-01").toISOString()).toBe("2022-06-30T19:00:00.000Z");
  });

  it("ФИО, «Фамилия Имя» и «Имя Отчество» пишутся одним способом", () => {
    const anna = { lastName: "Иванова", firstName: "Анна", middleName: "Сергеевна" };
    expect(fullName(anna)).toBe("Иванова Анна Сергеевна");
    expect(fullName({ ...anna, middleName: null })).toBe("Иванова Анна");
    expect(lastAndFirstName(anna)).toBe("Иванова Анна");
    expect(firstAndMiddleName(anna)).toBe("Анна Сергеевна");
    expect(firstAndMiddleName({ ...anna, middleName: undefined })).toBe("Анна");
  });
});

describe("одна точка в конце предложения", () => {
  it("после даты «… г.», сокращения или введённого с точкой текста вторая точка не ставится", () => {
    const submitted = `Заявка подана ${formatLongDate(new Date("2026-12-06T10:00:00Z"))}`;
    expect(`${sentence(submitted)} Результат рассмотрения придёт на почту.`).toBe("Заявка подана 6 декабря 2026 г. Результат рассмотрения придёт на почту.");
    expect(sentence("Должность: учитель нач. кл.")).toBe("Должность: учитель нач. кл.");
    expect(sentence("Должность: учитель  ")).toBe("Должность: учитель.");
    expect(sentence("Заявка подана 6 декабря 2026 г. (редакция 2)")).toBe("Заявка подана 6 декабря 2026 г. (редакция 2).");
    expect(sentence("Готово!")).toBe("Готово!");
  });
});
