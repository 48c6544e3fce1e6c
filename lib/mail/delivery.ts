import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db, type OutboxEmail } from "@/lib/db";
import { mailConfig } from "./config";

export const MAX_ATTEMPTS = 20;
const LOCK_MS = 2 * 60_000;

/** 30 s, 1 min, 2 min … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; html?: string; messageId: string }): Promise<unknown>;
}

let transport: Transporter | undefined;
export function smtpTransport(): MailTransport {
  transport ??= nodemailer.createTransport(mailConfig().smtpUrl);
  return transport;
}

/**
 * Takes the emails that are due (new, retry time reached, or abandoned mid-send by a crashed
 * sender) with row locks that other senders skip, and sends them. A failure is recorded and
 * retried later with a growing delay; nothing is deleted. The Message-ID is fixed when queued, so
 * a resend after a crash carries the same id.
 */
export async function deliverDueEmails(options: { now?: Date; limit?: number; transport?: MailTransport } = {}) {
  const now = options.now ?? new Date();
  const send = options.transport ?? smtpTransport();
  const claimed = await db.$queryRaw<OutboxEmail[]>`
    UPDATE "OutboxEmail" SET status = 'SENDING', attempts = attempts + 1, "lockedUntil" = ${new Date(now.getTime() + LOCK_MS)}
    WHERE id IN (
      SELECT id FROM "OutboxEmail"
      WHERE (status = 'PENDING' AND "nextAttemptAt" <= ${now}) OR (status = 'SENDING' AND "lockedUntil" < ${now})
      ORDER BY "createdAt" LIMIT ${options.limit ?? 20}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
  let sent = 0;
  let failed = 0;
  const from = mailConfig().from;
  for (const email of claimed) {
    try {
      await send.sendMail({ from, to: email.to, subject: email.subject, text: email.text, html: email.html ?? undefined, messageId: email.messageId });
      await db.outboxEmail.update({ where: { id: email.id }, data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null } });
      sent += 1;
    } catch (error) {
      failed += 1;
      const giveUp = email.attempts >= MAX_ATTEMPTS;
      await db.outboxEmail.update({
        where: { id: email.id },
        data: {
          status: giveUp ? "FAILED" : "PENDING",
          lockedUntil: null,
          lastError: String((error as Error).message ?? error).slice(0, 1000),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(email.attempts)),
        },
      });
    }
  }
  return { claimed: claimed.length, sent, failed };
}
