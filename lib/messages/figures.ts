import "server-only";
// What city IT staff and the public page see of the message back office: per institution (or
// управление) how many messages it holds, how many were answered in time, how many are overdue now
// and the citizens' average rating. Counted in the database over the messages of the rows shown,
// with «Просрочено» by the one rule of ./deadlines.ts (overdueSql). Decision 074.
import { Prisma } from "@/lib/db";
import { overdueSql, regionToday } from "./deadlines";

export interface TMessageFigures {
  /** «Сообщений»: messages in the cabinet (where they are now), except those rejected at moderation. */
  messagesReceived: number;
  /** Answers sent to the citizen (the message closed with «Ответ направлен заявителю»). */
  messagesAnswered: number;
  /** «Отвечено в срок»: of those, closed on or before the planned day. */
  messagesInTime: number;
  /** «Просрочено сейчас»: open messages past their planned day. */
  messagesOverdue: number;
  /** «Средняя оценка»: the citizens' last ratings (1–5), one decimal; null when nobody rated. */
  ratingAverage: number | null;
}

const quoted = (alias: string) => Prisma.raw(`"${alias.replace(/"/g, "")}"`);

/** «Просрочено сейчас» for one CitizenMessage row under `alias`: counted (not moderation's rejection), open, past its planned day. */
export function overdueNowSql(alias: string, today = regionToday()): Prisma.Sql {
  const m = quoted(alias);
  return Prisma.sql`(${m}.status <> 'REJECTED' AND ${m}.stage <> 'CLOSED' AND ${overdueSql(alias, today)})`;
}

/**
 * The aggregate columns over CitizenMessage rows under `alias` (SELECT … FROM "CitizenMessage"
 * alias WHERE …); moderation's rejections (spam, abuse) are left out here.
 */
export function messageFigureColumns(alias: string, today = regionToday()): Prisma.Sql {
  const m = quoted(alias);
  const counted = Prisma.sql`${m}.status <> 'REJECTED'`;
  const answered = Prisma.sql`${m}.stage = 'CLOSED' AND ${m}.status = 'ANSWERED'`;
  const overdue = overdueSql(alias, today);
  return Prisma.sql`count(*) FILTER (WHERE ${counted})::int AS "messagesReceived",
    count(*) FILTER (WHERE ${answered})::int AS "messagesAnswered",
    count(*) FILTER (WHERE ${answered} AND NOT ${overdue})::int AS "messagesInTime",
    count(*) FILTER (WHERE ${overdueNowSql(alias, today)})::int AS "messagesOverdue",
    round(avg(${m}.rating) FILTER (WHERE ${counted}), 1)::float8 AS "ratingAverage"`;
}

/**
 * The answered-in-time share, in per cent (one decimal), of the messages whose term is settled:
 * answered, or still open past the planned day (an institution that answers nobody does not look
 * punctual). null when there is none yet.
 */
export function answeredInTimeShare(f: Pick<TMessageFigures, "messagesAnswered" | "messagesInTime" | "messagesOverdue">): number | null {
  const settled = f.messagesAnswered + f.messagesOverdue;
  return settled === 0 ? null : Math.round((f.messagesInTime / settled) * 1000) / 10;
}
