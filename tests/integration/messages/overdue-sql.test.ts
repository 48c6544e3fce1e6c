// «Просрочено» has one rule (lib/messages/deadlines.ts); the dashboard counts it in SQL. The SQL
// form must say what isOverdue says for every message — open or closed, closed late in the evening
// of the planned day in the region (still that day) or just after its midnight (the next day).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isOverdue, overdueSql } from "@/lib/messages/deadlines";

const SCHOOL_33 = "cab-work-mag-school-33";
const day = (d: string) => new Date(`${d}T00:00:00Z`);

async function message(plannedOn: string, extra: Record<string, unknown> = {}) {
  return db.citizenMessage.create({
    data: {
      cabinetId: SCHOOL_33, receivedCabinetId: SCHOOL_33, category: "safety", text: "Не горят фонари во дворе школы",
      authorName: "Гражданин", contact: "citizen@mail.demo.test", consentAt: new Date("2026-11-02T08:00:00Z"), createdAt: new Date("2026-11-02T08:00:00Z"),
      stage: "EXECUTION", status: "EXECUTOR_ASSIGNED", plannedOn: day(plannedOn), ...extra,
    },
    select: { id: true },
  });
}

describe("«Просрочено» в SQL и в коде — одно правило", () => {
  it("для каждого сообщения и разных «сегодня» SQL и isOverdue совпадают", async () => {
    // The portal's zone is UTC+5 (Asia/Yekaterinburg): 18:30 UTC is 23:30 of the same day there, 19:30 UTC is 00:30 of the next.
    const closed = { stage: "CLOSED", status: "ANSWERED" } as const;
    const edges = {
      openPast: await message("2026-11-10"),
      openToday: await message("2026-11-16"),
      openFuture: await message("2026-11-20"),
      closedInTime: await message("2026-11-10", { ...closed, closedAt: new Date("2026-11-09T06:00:00Z") }),
      closedLastEvening: await message("2026-11-10", { ...closed, closedAt: new Date("2026-11-10T18:30:00Z") }),
      closedAfterMidnight: await message("2026-11-10", { ...closed, closedAt: new Date("2026-11-10T19:30:00Z") }),
      rejected: await message("2026-11-10", { stage: "CLOSED", status: "REJECTED", rejection: "SPAM", closedAt: new Date("2026-11-03T06:00:00Z") }),
    };
    const all = await db.citizenMessage.findMany({ select: { id: true, stage: true, plannedOn: true, closedAt: true } });
    expect(all.length).toBeGreaterThan(Object.keys(edges).length);
    for (const today of ["2026-11-10", "2026-11-16", "2026-11-17", "2026-12-31"]) {
      const rows = await db.$queryRaw<Array<{ id: string; overdue: boolean }>>`SELECT m.id, ${overdueSql("m", today)} AS overdue FROM "CitizenMessage" m`;
      const sql = new Map(rows.map((r) => [r.id, r.overdue]));
      for (const m of all) expect({ id: m.id, today, overdue: sql.get(m.id) }).toEqual({ id: m.id, today, overdue: isOverdue(m, today) });
    }
    // The edges are what the rule means, not only what both sides happen to say.
    const on17 = await db.$queryRaw<Array<{ id: string; overdue: boolean }>>`SELECT m.id, ${overdueSql("m", "2026-11-17")} AS overdue FROM "CitizenMessage" m`;
    const overdue = new Map(on17.map((r) => [r.id, r.overdue]));
    expect(Object.fromEntries(Object.entries(edges).map(([k, v]) => [k, overdue.get(v.id)]))).toEqual({
      openPast: true, openToday: true, openFuture: false, closedInTime: false, closedLastEvening: false, closedAfterMidnight: true, rejected: false,
    });
  });
});
