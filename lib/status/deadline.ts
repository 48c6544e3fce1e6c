// The connection deadline of each municipality (the instruction's «до 30.06.2022»), progress
// towards it per управление and overall, and who is late.
import "server-only";
import { db, Prisma, type ConnectionOverall } from "@/lib/db";
import { sortByName } from "@/lib/db/natural-order";
import { ensureFreshStatus } from "./dashboard";
import { countLateCondition, countScopeCondition, lateCondition, organsCte, scopeCondition } from "./query";
import type { TMonitoringScope } from "@/lib/access/policies";
import { OVERALL_ORDER } from "./model";
import { messageFigureColumns, type TMessageFigures } from "@/lib/messages/figures";

export interface TOrganProgress {
  organId: string | null;
  organName: string;
  total: number;
  connected: number;
  late: number;
  counts: Record<ConnectionOverall, number>;
  /** Citizens' messages in the cabinets of its institutions (the dashboard's columns, summed; with the ratings' count and sum, to sum averages). */
  messages: TMessageSums;
}

export interface TProgress {
  organs: TOrganProgress[];
  overall: TOrganProgress;
  municipalities: Array<{ id: string; name: string; deadline: Date | null; editable: boolean }>;
  late: Array<{ organizationId: string; name: string; organName: string | null; overall: ConnectionOverall; missing: string[]; remindedAt: Date | null }>;
}

const emptyCounts = () => Object.fromEntries(OVERALL_ORDER.map((s) => [s, 0])) as Record<ConnectionOverall, number>;
type TMessageSums = TMessageFigures & { ratings: number; ratingSum: number };
const emptyMessages = (): TMessageSums => ({ messagesReceived: 0, messagesAnswered: 0, messagesInTime: 0, messagesOverdue: 0, ratingAverage: null, ratings: 0, ratingSum: 0 });

/** Counts per управление and status over the person's trees (one aggregate query). */
export async function progressByOrgan(scope: TMonitoringScope): Promise<TOrganProgress[]> {
  await ensureFreshStatus();
  // From the kept counts: a few rows per управление, whatever the number of institutions. The
  // messages of each управление's institutions come in the same statement, grouped once per
  // управление (each of its status rows carries the same figures).
  const rows = await db.$queryRaw<Array<{ organId: string | null; organName: string | null; overall: ConnectionOverall; n: number; late: number } & Partial<TMessageSums>>>`
    WITH RECURSIVE ${organsCte(scope)},
    counts AS (
      SELECT c."parentId", p."shortName" AS "organName", c.overall, sum(c.n)::int AS n,
             coalesce(sum(c.n) FILTER (WHERE ${countLateCondition()}), 0)::int AS late
      FROM "ConnectionStatusCount" c LEFT JOIN "Organization" p ON p.id = c."parentId"
      WHERE ${countScopeCondition(scope)}
      GROUP BY c."parentId", p."shortName", c.overall
    ),
    msg AS (
      SELECT i."parentId", ${messageFigureColumns("cm")},
             count(cm.rating) FILTER (WHERE cm.status <> 'REJECTED')::int AS ratings, coalesce(sum(cm.rating) FILTER (WHERE cm.status <> 'REJECTED'), 0)::int AS "ratingSum"
      FROM "CitizenMessage" cm JOIN "Cabinet" cab ON cab.id = cm."cabinetId" JOIN "Organization" i ON i.id = cab."organizationId"
      WHERE i."parentId" IN (SELECT "parentId" FROM counts)
      GROUP BY i."parentId"
    )
    SELECT nullif(counts."parentId", '') AS "organId", counts."organName", counts.overall, counts.n, counts.late,
           msg."messagesReceived", msg."messagesAnswered", msg."messagesInTime", msg."messagesOverdue", msg."ratingAverage", msg.ratings, msg."ratingSum"
    FROM counts LEFT JOIN msg ON msg."parentId" = counts."parentId"`;
  const byOrgan = new Map<string, TOrganProgress>();
  for (const r of rows) {
    const key = r.organId ?? "";
    const organ = byOrgan.get(key) ?? {
      organId: r.organId, organName: r.organName ?? "Учредитель не указан", total: 0, connected: 0, late: 0, counts: emptyCounts(),
      messages: {
        messagesReceived: r.messagesReceived ?? 0, messagesAnswered: r.messagesAnswered ?? 0, messagesInTime: r.messagesInTime ?? 0, messagesOverdue: r.messagesOverdue ?? 0,
        ratingAverage: r.ratingAverage ?? null, ratings: r.ratings ?? 0, ratingSum: r.ratingSum ?? 0,
      },
    };
    organ.counts[r.overall] += r.n;
    organ.total += r.n;
    organ.late += r.late;
    if (r.overall === "CONNECTED") organ.connected += r.n;
    byOrgan.set(key, organ);
  }
  return sortByName([...byOrgan.values()], (o) => o.organName);
}

export function sumProgress(organs: TOrganProgress[]): TOrganProgress {
  const all: TOrganProgress = { organId: null, organName: "Всего", total: 0, connected: 0, late: 0, counts: emptyCounts(), messages: emptyMessages() };
  for (const o of organs) {
    all.total += o.total;
    all.connected += o.connected;
    all.late += o.late;
    for (const s of OVERALL_ORDER) all.counts[s] += o.counts[s];
    all.messages.messagesReceived += o.messages.messagesReceived;
    all.messages.messagesAnswered += o.messages.messagesAnswered;
    all.messages.messagesInTime += o.messages.messagesInTime;
    all.messages.messagesOverdue += o.messages.messagesOverdue;
    all.messages.ratings += o.messages.ratings;
    all.messages.ratingSum += o.messages.ratingSum;
  }
  // Every rating weighs alike (not each управление's average alike).
  all.messages.ratingAverage = all.messages.ratings === 0 ? null : Math.round((all.messages.ratingSum / all.messages.ratings) * 10) / 10;
  return all;
}

export async function loadProgress(scope: TMonitoringScope, lateLimit = 20): Promise<TProgress> {
  const organs = await progressByOrgan(scope);
  const regions = scope.regionIds.length > 0 ? scope.regionIds : ["-"];
  const roots = scope.organizationIds.length > 0 ? scope.organizationIds : ["-"];
  const municipalities = await db.$queryRaw<Array<{ id: string; name: string; deadline: Date | null; editable: boolean }>>`
    WITH RECURSIVE ${organsCte(scope)}
    SELECT m.id, m.name, m."connectionDeadline" AS deadline,
      (m."regionId" IN (${Prisma.join(regions)}) OR EXISTS (
        SELECT 1 FROM "Organization" o WHERE o.id IN (${Prisma.join(roots)}) AND o."municipalityId" = m.id AND o."parentId" IS NULL
      )) AS editable
    FROM "Municipality" m
    WHERE m.id IN (SELECT o."municipalityId" FROM "Organization" o WHERE o.id IN (SELECT id FROM organs))
       OR m."regionId" IN (${Prisma.join(regions)})
    ORDER BY m."nameSortKey", m.id`;
  const late = await db.$queryRaw<TProgress["late"]>`
    WITH RECURSIVE ${organsCte(scope)}
    SELECT cs."organizationId", cs.name, p."shortName" AS "organName", cs.overall, cs.missing, cs."remindedAt"
    FROM "ConnectionStatus" cs LEFT JOIN "Organization" p ON p.id = cs."parentId"
    WHERE ${scopeCondition(scope)} AND ${lateCondition()}
    ORDER BY cs.overall, cs."nameSortKey", cs."organizationId"
    LIMIT ${lateLimit}`;
  return { organs, overall: sumProgress(organs), municipalities, late };
}

/** The municipality's administration (a root organ there) or the region's operator may change its deadline. */
export async function canEditDeadline(scope: TMonitoringScope, municipalityId: string): Promise<boolean> {
  const regions = scope.regionIds.length > 0 ? scope.regionIds : ["-"];
  const roots = scope.organizationIds.length > 0 ? scope.organizationIds : ["-"];
  const rows = await db.$queryRaw<Array<{ ok: boolean }>>`
    SELECT EXISTS (
      SELECT 1 FROM "Municipality" m WHERE m.id = ${municipalityId} AND (
        m."regionId" IN (${Prisma.join(regions)})
        OR EXISTS (SELECT 1 FROM "Organization" o WHERE o.id IN (${Prisma.join(roots)}) AND o."municipalityId" = m.id AND o."parentId" IS NULL)
      )
    ) AS ok`;
  return rows[0]?.ok === true;
}
