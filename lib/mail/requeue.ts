// Puts emails that gave up (FAILED after MAX_ATTEMPTS) back in the queue: `npm run mail:requeue`.
// No "server-only": the command line (lib/mail/requeue-cli.ts) runs it outside Next, like the seed.
import type { Db } from "@/lib/db/prisma";

export interface RequeueOptions {
  /** Only these emails (OutboxEmail ids); every FAILED email when omitted. */
  ids?: string[];
  now?: Date;
  /** Who asked, for the audit event (the command line names the OS user). */
  requestedBy?: string;
}

/**
 * FAILED → PENDING with attempts reset and due at once, each with an audit event, in one
 * transaction. Only FAILED rows move: a sent or pending email is left as it is.
 */
export async function requeueFailedEmails(db: Db, options: RequeueOptions = {}): Promise<{ requeued: number; ids: string[] }> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const failed = await tx.outboxEmail.findMany({
      where: { status: "FAILED", ...(options.ids ? { id: { in: options.ids } } : {}) },
      select: { id: true, messageId: true, attempts: true, lastError: true },
      orderBy: { createdAt: "asc" },
    });
    const ids: string[] = [];
    for (const email of failed) {
      const { count } = await tx.outboxEmail.updateMany({
        where: { id: email.id, status: "FAILED" },
        data: { status: "PENDING", attempts: 0, nextAttemptAt: now, lockedUntil: null },
      });
      if (count === 0) continue;
      ids.push(email.id);
      // recordAudit's module is server-only; this is the same row it writes.
      await tx.auditEvent.create({
        data: {
          action: "mail.requeued", entityType: "OutboxEmail", entityId: email.id,
          data: { messageId: email.messageId, attemptsBefore: email.attempts, lastError: email.lastError, requestedBy: options.requestedBy ?? null },
        },
      });
    }
    return { requeued: ids.length, ids };
  });
}
