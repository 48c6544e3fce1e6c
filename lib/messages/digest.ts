import "server-only";
// New citizens' messages are told to a cabinet's staff as a digest, at most one email per cabinet
// per window (issue 17, finding 5: a burst of 50 messages made 49 emails). A message joins the
// cabinet's open digest in its own transaction, or opens one due N minutes later; the job below
// closes a due digest and queues its emails (outbox) in one transaction. Both live in the database,
// so a crash loses neither the message's place in a digest nor the digest. Decision 078.
import { randomUUID } from "node:crypto";
import { db, type DbTx } from "@/lib/db";
import { log } from "@/lib/observability/log";
import { now } from "@/lib/server/clock";
import { formatDateTime, formatDay } from "@/lib/ui/format";
import { categoryLabel } from "./categories";
import { inboxUrl, messageCardUrl, notifyCoordinators, type TCabinetMail } from "./notices";

/** How many of a digest's messages its email lists (the newest); the rest are counted. */
export const DIGEST_LIST = 10;
const DEFAULT_MINUTES = 10;

/** The window N: `MESSAGE_DIGEST_MINUTES` (0 sends at the job's next tick; tests and the e2e stand). */
export function digestWindowMs(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.MESSAGE_DIGEST_MINUTES ?? DEFAULT_MINUTES);
  return Number.isFinite(minutes) && minutes >= 0 ? minutes * 60_000 : DEFAULT_MINUTES * 60_000;
}

/**
 * The cabinet's open digest, opened now (due a window later) if there is none. The partial unique
 * index (one open digest per cabinet) arbitrates between instances; the update on conflict locks the
 * digest until this transaction ends, so the job cannot close it without the message that joined it.
 */
export async function joinDigest(tx: DbTx, cabinetId: string, at: Date): Promise<string> {
  const [digest] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "MessageDigest" (id, "cabinetId", "dueAt", "createdAt") VALUES (${randomUUID()}, ${cabinetId}, ${new Date(at.getTime() + digestWindowMs())}, ${at})
    ON CONFLICT ("cabinetId") WHERE "sentAt" IS NULL DO UPDATE SET "cabinetId" = EXCLUDED."cabinetId"
    RETURNING id`;
  return digest.id;
}

type TListed = { id: string; number: number; category: string; createdAt: Date; plannedOn: Date };

/** The email: the count, the newest messages (number, time, topic, deadline — nothing of the citizen), a link to the inbox. */
function digestMail(cabinet: TCabinetMail["cabinet"], digestId: string, count: number, period: { from: Date; to: Date }, listed: TListed[]): TCabinetMail {
  const key = `message-digest:${digestId}`;
  if (count === 1) {
    const [m] = listed;
    return {
      cabinet, key, title: `Новое сообщение гражданина: сообщение № ${m.number}`,
      paragraphs: [
        `${formatDateTime(m.createdAt)} через виджет ПОС поступило сообщение на тему «${categoryLabel(m.category)}».`,
        `Примите его или отклоните на модерации и распределите. Срок ответа — ${formatDay(m.plannedOn)}.`,
      ],
      action: { label: "Открыть сообщение", url: messageCardUrl(cabinet.lkoId, m.id) },
    };
  }
  return {
    cabinet, key, title: `Новые сообщения граждан: ${count}`,
    paragraphs: [
      `С ${formatDateTime(period.from)} по ${formatDateTime(period.to)} через виджет ПОС поступило сообщений: ${count}.`,
      count > listed.length ? `Последние ${listed.length}:` : "Сообщения:",
      ...listed.map((m) => `№ ${m.number} от ${formatDateTime(m.createdAt)} — «${categoryLabel(m.category)}», срок ответа — ${formatDay(m.plannedOn)}.`),
      ...(count > listed.length ? [`Остальные ${count - listed.length} — в разделе «Сообщения» кабинета.`] : []),
      "Примите их или отклоните на модерации и распределите.",
    ],
    action: { label: "Открыть сообщения", url: inboxUrl(cabinet.lkoId) },
  };
}

/**
 * Closes the digests due at `at` and queues their emails, one digest per transaction. Every
 * instance runs it: a digest is claimed with SKIP LOCKED (and one that a message is joining right
 * now is skipped until the next tick), and the outbox's key makes its emails once. Returns the
 * number of digests this call sent.
 */
export async function sendDueDigests(at: Date = now()): Promise<number> {
  // Due further than a window ahead: opened by a clock that has since gone back (the test clock
  // returning to today, a corrected system clock) — sent now rather than held, with its cabinet's
  // later messages, until that time comes.
  const latest = new Date(at.getTime() + digestWindowMs());
  let sent = 0;
  for (;;) {
    const digest = await db.$transaction(async (tx) => {
      const [claimed] = await tx.$queryRaw<Array<{ id: string; cabinetId: string }>>`
        UPDATE "MessageDigest" SET "sentAt" = ${at}
        WHERE id = (
          SELECT id FROM "MessageDigest" WHERE "sentAt" IS NULL AND ("dueAt" <= ${at} OR "dueAt" > ${latest})
          ORDER BY "dueAt" LIMIT 1 FOR UPDATE SKIP LOCKED
        )
        RETURNING id, "cabinetId"`;
      if (!claimed) return null;
      const cabinet = await tx.cabinet.findUniqueOrThrow({ where: { id: claimed.cabinetId }, select: { id: true, lkoId: true, name: true, email: true } });
      const stats = await tx.citizenMessage.aggregate({ where: { digestId: claimed.id }, _count: true, _min: { createdAt: true }, _max: { createdAt: true } });
      const listed = await tx.citizenMessage.findMany({
        where: { digestId: claimed.id }, orderBy: { number: "desc" }, take: DIGEST_LIST,
        select: { id: true, number: true, category: true, createdAt: true, plannedOn: true },
      });
      if (stats._count > 0) await notifyCoordinators(tx, digestMail(cabinet, claimed.id, stats._count, { from: stats._min.createdAt!, to: stats._max.createdAt! }, listed));
      return { id: claimed.id, messages: stats._count };
    });
    if (!digest) return sent;
    sent += 1;
    log.info({ event: "message.digest", digestId: digest.id, messages: digest.messages }, "Сводка новых сообщений поставлена в очередь писем");
  }
}
