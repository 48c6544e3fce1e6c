// Daily snapshots of the status counts per управление, for the chart over time. Taken by the
// app's background timer (lib/status/worker.ts) and, failing that, when someone opens the charts:
// one row per day and organ, today's row refreshed until the day is over. Days are the region's
// (PORTAL_TIME_ZONE, lib/ui/format.ts), as everywhere on the portal.
import "server-only";
import { db, Prisma, type ConnectionOverall } from "@/lib/db";
import { ensureFreshStatus } from "./dashboard";
import { OVERALL_ORDER } from "./model";
import { regionToday } from "./query";

/** Today's counts for every organ with institutions (one statement). */
export async function takeDailySnapshot(): Promise<number> {
  await ensureFreshStatus();
  return db.$executeRaw`
    INSERT INTO "StatusSnapshot" (id, day, "organId", counts, "createdAt")
    SELECT 'snap-' || to_char(${regionToday()}, 'YYYY-MM-DD') || '-' || g."parentId", ${regionToday()}, g."parentId", jsonb_object_agg(g.overall, g.n), now()
    FROM (
      SELECT c."parentId", c.overall::text AS overall, sum(c.n)::int AS n
      FROM "ConnectionStatusCount" c WHERE c."parentId" <> ''
      GROUP BY c."parentId", c.overall
    ) g
    GROUP BY g."parentId"
    ON CONFLICT (day, "organId") DO UPDATE SET counts = EXCLUDED.counts, "createdAt" = EXCLUDED."createdAt"`;
}

/** Takes today's snapshot unless one exists (when the timer has not run yet, e.g. right after a start). */
export async function ensureTodaySnapshot(): Promise<void> {
  const rows = await db.$queryRaw<Array<{ taken: boolean }>>`SELECT EXISTS (SELECT 1 FROM "StatusSnapshot" WHERE day = ${regionToday()}) AS taken`;
  if (!rows[0]?.taken) await takeDailySnapshot();
}

export interface TDaySnapshot {
  day: Date;
  counts: Record<ConnectionOverall, number>;
  total: number;
}

/** Counts per day summed over the organs given (the person's управления), oldest first. */
export async function snapshotHistory(organIds: string[], days = 60): Promise<TDaySnapshot[]> {
  if (organIds.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ day: Date; counts: Record<string, number> }>>`
    SELECT day, counts FROM "StatusSnapshot"
    WHERE "organId" IN (${Prisma.join(organIds)}) AND day > ${regionToday()} - ${days}::int
    ORDER BY day`;
  const byDay = new Map<string, TDaySnapshot>();
  for (const r of rows) {
    const key = r.day.toISOString().slice(0, 10);
    const entry = byDay.get(key) ?? { day: r.day, counts: Object.fromEntries(OVERALL_ORDER.map((s) => [s, 0])) as Record<ConnectionOverall, number>, total: 0 };
    for (const s of OVERALL_ORDER) {
      const n = Number(r.counts[s] ?? 0);
      entry.counts[s] += n;
      entry.total += n;
    }
    byDay.set(key, entry);
  }
  return [...byDay.values()];
}
