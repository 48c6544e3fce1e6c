import "server-only";
// The planned completion date of a message: N working days of the region after arrival (N by
// category, set by the region's operator, 10 when not set), on the region's production calendar.
// «Просрочено» is computed from it whenever it is shown, never stored. Decision 075.
import { Prisma, type Db, type DbTx } from "@/lib/db";
import { dateAsDay, dayAsDate, portalTimeZone, regionDayOf } from "@/lib/ui/format";
import { now } from "@/lib/server/clock";
import { addWorkingDays, type TCalendar } from "./calendar";
import { DEFAULT_WORKING_DAYS } from "./production-calendar";

type Reader = Db | DbTx;

export async function loadCalendar(db: Reader, regionId: string): Promise<TCalendar> {
  const days = await db.workCalendarDay.findMany({ where: { regionId }, select: { day: true, working: true } });
  return new Map(days.map((d) => [dateAsDay(d.day), d.working]));
}

export async function workingDaysFor(db: Reader, regionId: string, category: string): Promise<number> {
  const rule = await db.messageDeadline.findUnique({ where: { regionId_category: { regionId, category } }, select: { workingDays: true } });
  return rule?.workingDays ?? DEFAULT_WORKING_DAYS;
}

/** The planned day of a message of this category that arrived at `arrival` (an instant). */
export async function plannedDayFor(db: Reader, regionId: string, category: string, arrival: Date): Promise<Date> {
  const [calendar, n] = await Promise.all([loadCalendar(db, regionId), workingDaysFor(db, regionId, category)]);
  return dayAsDate(addWorkingDays(calendar, regionDayOf(arrival), n));
}

/** The region's today (the test clock included). */
export const regionToday = (): string => regionDayOf(now());

/**
 * «Просрочено»: an open message whose planned day has passed, or a closed one that was closed
 * after its planned day. overdueSql says the same in SQL (tests/integration/messages/overdue-sql.test.ts
 * holds them together).
 */
export function isOverdue(m: { stage: string; plannedOn: Date; closedAt: Date | null }, today = regionToday()): boolean {
  const planned = dateAsDay(m.plannedOn);
  if (m.stage === "CLOSED") return m.closedAt !== null && regionDayOf(m.closedAt) > planned;
  return today > planned;
}

/**
 * isOverdue as an SQL condition over CitizenMessage under `alias`, for figures counted in the
 * database (the monitoring dashboard). `today` is the region's day as isOverdue takes it (the test
 * clock included); closedAt (UTC) is turned into the region's day as regionDayOf does.
 */
export function overdueSql(alias: string, today = regionToday()): Prisma.Sql {
  const m = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`(CASE WHEN ${m}.stage = 'CLOSED'
    THEN ${m}."closedAt" IS NOT NULL AND ((${m}."closedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${portalTimeZone()}::text)::date > ${m}."plannedOn"
    ELSE ${today}::date > ${m}."plannedOn" END)`;
}
