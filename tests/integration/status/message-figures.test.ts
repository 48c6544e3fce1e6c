// For city IT staff: each institution's messages on the dashboard and in its exports — how many,
// answered in time, overdue now, the average rating — counted from messages seeded in known states.
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db";
import { GET } from "@/app/monitoring/export/[format]/route";
import { loadDashboard, type TDashboardRow } from "@/lib/status/dashboard";
import { parseDashboardQuery } from "@/lib/status/query";
import { loadActor } from "@/lib/access/actor";
import { monitoringRoots } from "@/lib/access/policies";
import { regionToday } from "@/lib/messages/deadlines";
import { addDays } from "@/lib/messages/calendar";
import { answeredInTimeShare } from "@/lib/messages/figures";
import { ORG } from "@/lib/demo-world/esia-world";
import { forgetPublicStatus, publicStatus } from "@/lib/status/public";
import { loadProgress } from "@/lib/status/deadline";
import { signInAs } from "../../helpers/session";

const scope = async () => monitoringRoots(await loadActor("person-city-it"));
const rowsOf = async (params: Record<string, string>) =>
  (await loadDashboard(await scope(), parseDashboardQuery(new URLSearchParams({ organ: ORG.eduDepartment, size: "100", ...params })))).rows;
const download = (format: string, search: string) =>
  GET(new Request(`http://portal.test/monitoring/export/${format}${search}`), { params: Promise.resolve({ format }) });

let institution: TDashboardRow;
let quiet: TDashboardRow;

beforeAll(async () => {
  // Two institutions of the Управление образования with a cabinet and no messages yet.
  const candidates = (await rowsOf({ cabinet: "APPROVED" })).filter((r) => r.messagesReceived === 0);
  [institution, quiet] = candidates;
  const [{ cabinetId }] = await db.$queryRaw<Array<{ cabinetId: string }>>`SELECT "cabinetId" FROM "ConnectionStatus" WHERE "organizationId" = ${institution.organizationId}`;
  const today = regionToday();
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const base = {
    cabinetId, receivedCabinetId: cabinetId, category: "safety", text: "Во дворе не убран снег", authorName: "Гражданин", contact: "citizen@mail.demo.test",
    consentAt: new Date("2026-11-02T08:00:00Z"), createdAt: new Date("2026-11-02T08:00:00Z"),
  };
  const answered = { stage: "CLOSED", status: "ANSWERED", plannedOn: day("2026-11-10") } as const;
  await db.citizenMessage.createMany({
    data: [
      { ...base, stage: "EXECUTION", status: "EXECUTOR_ASSIGNED", plannedOn: day(addDays(today, -3)) }, // overdue now
      { ...base, stage: "COORDINATION", status: "ACCEPTED", plannedOn: day(addDays(today, 5)) }, // open, in time
      { ...answered, ...base, closedAt: new Date("2026-11-09T06:00:00Z"), rating: 5, resolvedByCitizen: true }, // in time
      { ...answered, ...base, closedAt: new Date("2026-11-10T18:30:00Z") }, // 23:30 of the planned day in the region: in time
      { ...answered, ...base, closedAt: new Date("2026-11-10T19:30:00Z"), rating: 2, resolvedByCitizen: false }, // 00:30 the next day: late
      { ...answered, ...base, closedAt: new Date("2026-11-20T06:00:00Z") }, // late
      // Rejected at moderation (spam): not a message to answer, and not counted.
      { ...base, stage: "CLOSED", status: "REJECTED", rejection: "SPAM", plannedOn: day(addDays(today, -20)), closedAt: new Date("2026-11-03T06:00:00Z") },
    ],
  });
});

describe("сообщения граждан на панели мониторинга", () => {
  it("по учреждению: сообщений, отвечено в срок, просрочено сейчас, средняя оценка", async () => {
    const row = (await rowsOf({})).find((r) => r.organizationId === institution.organizationId)!;
    expect({ received: row.messagesReceived, answered: row.messagesAnswered, inTime: row.messagesInTime, overdue: row.messagesOverdue, rating: row.ratingAverage })
      .toEqual({ received: 6, answered: 4, inTime: 2, overdue: 1, rating: 3.5 });
    // In time: 2 of the 5 whose term is settled (4 answered, 1 overdue and still open).
    expect(answeredInTimeShare(row)).toBe(40);
    const other = (await rowsOf({})).find((r) => r.organizationId === quiet.organizationId)!;
    expect({ received: other.messagesReceived, overdue: other.messagesOverdue, rating: other.ratingAverage }).toEqual({ received: 0, overdue: 0, rating: null });
    expect(answeredInTimeShare(other)).toBeNull();
  });

  it("отбор «Есть просроченные» и «Просроченных нет»", async () => {
    const overdue = (await rowsOf({ messages: "overdue" })).map((r) => r.organizationId);
    expect(overdue).toContain(institution.organizationId);
    expect(overdue).not.toContain(quiet.organizationId);
    const clean = (await rowsOf({ messages: "none-overdue" })).map((r) => r.organizationId);
    expect(clean).toContain(quiet.organizationId);
    expect(clean).not.toContain(institution.organizationId);
    expect((await rowsOf({ messages: "overdue" })).every((r) => r.messagesOverdue > 0)).toBe(true);
  });

  it("CSV и XLSX несут те же цифры в колонках «Сообщений», «Отвечено в срок», «Просрочено сейчас», «Средняя оценка»", async () => {
    await signInAs("cityIt");
    const search = `?q=${institution.ogrn}`;
    const csv = parse(await (await download("csv", search)).text(), { delimiter: ";", bom: true }) as string[][];
    expect(csv).toHaveLength(2);
    const headers = ["Сообщений", "Отвечено в срок", "Просрочено сейчас", "Средняя оценка"];
    const csvAt = headers.map((h) => csv[0].indexOf(h));
    expect(csvAt.every((i) => i >= 0)).toBe(true);
    expect(csvAt.map((i) => csv[1][i])).toEqual(["6", "2", "1", "3,5"]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await download("xlsx", search)).arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const xlsxHeaders = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.map((h) => sheet.getRow(2).getCell(xlsxHeaders.indexOf(h) + 1).value)).toEqual([6, 2, 1, "3,5"]);
  });
});

describe("доля ответов в срок на публичной странице", () => {
  it("по управлению и по городу — из тех же цифр, что у ИТ-специалиста, и без персональных данных", async () => {
    forgetPublicStatus();
    const status = (await publicStatus("75738000", 1, null))!;
    const sum = (rows: TDashboardRow[]) => ({
      messagesAnswered: rows.reduce((a, r) => a + r.messagesAnswered, 0),
      messagesInTime: rows.reduce((a, r) => a + r.messagesInTime, 0),
      messagesOverdue: rows.reduce((a, r) => a + r.messagesOverdue, 0),
    });
    const education = sum(await rowsOf({}));
    expect(education.messagesAnswered).toBeGreaterThanOrEqual(4);
    const organ = status.organs.find((o) => o.name === "Управление образования")!;
    expect(organ.answeredInTime).toBe(answeredInTimeShare(education));
    expect(organ.answeredInTime).not.toBeNull();
    // Other управления have no messages of their institutions: no share, not «0 %».
    expect(status.organs.filter((o) => o !== organ).every((o) => o.answeredInTime === null)).toBe(true);
    expect(status.answeredInTime).toBe(organ.answeredInTime);
    // Only counts and shares: no message, number, author or contact.
    expect(JSON.stringify(status)).not.toMatch(/citizen@|Гражданин|снег/);
  });
});

describe("сводка по управлениям («Сроки и прогресс»)", () => {
  it("у управления — суммы строк его учреждений, во «Всего» — сумма управлений, оценка взвешена по оценкам", async () => {
    const rows = await rowsOf({});
    const progress = await loadProgress(await scope());
    const education = progress.organs.find((o) => o.organId === ORG.eduDepartment)!;
    const sum = (key: "messagesReceived" | "messagesAnswered" | "messagesInTime" | "messagesOverdue") => rows.reduce((a, r) => a + r[key], 0);
    expect(education.messages).toMatchObject({
      messagesReceived: sum("messagesReceived"), messagesAnswered: sum("messagesAnswered"), messagesInTime: sum("messagesInTime"), messagesOverdue: sum("messagesOverdue"),
    });
    expect(education.messages.messagesReceived).toBeGreaterThanOrEqual(6);
    // The ratings of the management's cabinets, counted here from the rows themselves.
    const rated = await db.citizenMessage.findMany({
      where: { rating: { not: null }, status: { not: "REJECTED" }, cabinet: { organization: { parentId: ORG.eduDepartment } } }, select: { rating: true },
    });
    expect(education.messages.ratingAverage).toBe(Math.round((rated.reduce((a, m) => a + m.rating!, 0) / rated.length) * 10) / 10);
    expect(progress.overall.messages.messagesReceived).toBe(progress.organs.reduce((a, o) => a + o.messages.messagesReceived, 0));
    expect(progress.overall.messages.ratingAverage).toBe(education.messages.ratingAverage);
  });
});
