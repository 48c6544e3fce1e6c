// Working days of the region: Monday to Friday work, Saturday and Sunday rest, except the days the
// production calendar says otherwise (holidays, days off moved onto a weekday, working Saturdays:
// the WorkCalendarDay table, seeded from ./production-calendar.ts and edited by the region's
// operator). Days are calendar days written YYYY-MM-DD. Pure. Decision 075.

/** The calendar's exceptions: day → working or not. */
export type TCalendar = ReadonlyMap<string, boolean>;

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  return fromTime(toTime(day) + n * DAY_MS);
}

export function isWorkingDay(calendar: TCalendar, day: string): boolean {
  const exception = calendar.get(day);
  if (exception !== undefined) return exception;
  const weekday = new Date(toTime(day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The n-th working day after `day` (the day itself is not counted): a deadline of n working days from arrival. */
export function addWorkingDays(calendar: TCalendar, day: string, n: number): string {
  let current = day;
  let left = n;
  // A calendar with no working day for a year is a broken table, not a reason to loop forever.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    current = addDays(current, 1);
    if (isWorkingDay(calendar, current)) left -= 1;
  }
  if (left > 0) throw new Error("В производственном календаре нет рабочих дней: проверьте таблицу календаря.");
  return current;
}

/** The working day before `day` (for «срок — завтра»). */
export function previousWorkingDay(calendar: TCalendar, day: string): string {
  let current = addDays(day, -1);
  for (let guard = 0; !isWorkingDay(calendar, current) && guard < 3660; guard++) current = addDays(current, -1);
  return current;
}

/** Working days from `from` (not counted) to `to` (counted); 0 when `to` is not after `from`. */
export function workingDaysBetween(calendar: TCalendar, from: string, to: string): number {
  let n = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) if (isWorkingDay(calendar, current)) n += 1;
  return n;
}
