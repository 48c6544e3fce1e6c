import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { db, type OutboxEmail } from "@/lib/db";
import { log } from "@/lib/observability/log";
import { mailConfig } from "./config";
import { hasSecrets, revealSecrets, scrubSecrets } from "./secrets";

export const MAX_ATTEMPTS = 20;

/** 30 s, 1 min, 2 min … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; html?: string; messageId: string }): Promise<unknown>;
}

let transport: Transporter | undefined;
export function smtpTransport(): MailTransport {
  const { smtpUrl, leaseMs } = mailConfig();
  // Every stage of one SMTP conversation gives up well inside the lease (nodemailer's own socket
  // timeout is 10 minutes): a sender still talking after its lease ran out could race the sender
  // that took the email over.
  const stageMs = Math.floor(leaseMs / 4);
  transport ??= nodemailer.createTransport(new SMTPTransport({ url: smtpUrl, connectionTimeout: stageMs, greetingTimeout: stageMs, socketTimeout: stageMs }));
  return transport;
}

/** Takes one due email (new, retry time reached, or abandoned by a sender that died) under a lease that other senders respect. */
async function claimNext(at: Date, leaseUntil: Date): Promise<OutboxEmail | undefined> {
  const [email] = await db.$queryRaw<OutboxEmail[]>`
    UPDATE "OutboxEmail" SET status = 'SENDING', attempts = attempts + 1, "lockedUntil" = ${leaseUntil}
    WHERE id = (
      SELECT id FROM "OutboxEmail"
      WHERE (status = 'PENDING' AND "nextAttemptAt" <= ${at}) OR (status = 'SENDING' AND "lockedUntil" < ${at})
      ORDER BY "createdAt" LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
  return email;
}

/**
 * Sends what is due, one email at a time: each is claimed under its own lease just before it is
 * sent, and its outcome is written only while that lease is still ours (the lease's end is the
 * fencing token). So several instances may send at once, a crash strands at most the one email in
 * flight (taken over when its lease ends), and the Message-ID fixed at queueing makes a resend
 * recognisable as the same message. What SMTP cannot give — see docs/decisions/011-reliability.md.
 */
export async function deliverDueEmails(options: { now?: Date; limit?: number; transport?: MailTransport; stopping?: AbortSignal } = {}) {
  const send = options.transport ?? smtpTransport();
  const { from, leaseMs } = mailConfig();
  const limit = options.limit ?? 20;
  let claimed = 0;
  let sent = 0;
  let failed = 0;
  while (claimed < limit && !options.stopping?.aborted) {
    const at = options.now ?? new Date();
    const leaseUntil = new Date(at.getTime() + leaseMs);
    const email = await claimNext(at, leaseUntil);
    if (!email) break;
    claimed += 1;
    const ours = { id: email.id, status: "SENDING" as const, lockedUntil: leaseUntil };
    const started = performance.now();
    try {
      await send.sendMail({
        from, to: email.to, subject: email.subject, text: revealSecrets(email.text), html: email.html === null ? undefined : revealSecrets(email.html), messageId: email.messageId,
      });
      // The stored copy loses its secrets (an invitation's link) in the same statement that marks it sent.
      const scrubbed = hasSecrets(email.text) || hasSecrets(email.html) ? { text: scrubSecrets(email.text), html: email.html === null ? null : scrubSecrets(email.html) } : {};
      await db.outboxEmail.updateMany({ where: ours, data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null, ...scrubbed } });
      sent += 1;
      log.info({ event: "mail.sent", emailId: email.id, attempts: email.attempts, durationMs: Math.round(performance.now() - started) }, "Почта: письмо отправлено");
    } catch (error) {
      failed += 1;
      const giveUp = email.attempts >= MAX_ATTEMPTS;
      const lastError = String((error as Error).message ?? error).slice(0, 1000);
      const { count } = await db.outboxEmail.updateMany({
        where: ours,
        data: {
          status: giveUp ? "FAILED" : "PENDING",
          lockedUntil: null,
          lastError,
          nextAttemptAt: new Date(at.getTime() + retryDelayMs(email.attempts)),
        },
      });
      // The SMTP server's answer often names the recipient: the log gets it without addresses.
      const entry = { event: "mail.failed", emailId: email.id, attempts: email.attempts, durationMs: Math.round(performance.now() - started), error: lastError.replace(/[^\s<>@]+@[^\s<>@]+/g, "<адрес>") };
      // Nothing retries a FAILED email: say so where operators look (decision 004: npm run mail:requeue).
      if (giveUp && count > 0) {
        log.error({ ...entry, gaveUp: true }, `Почта: письмо ${email.id} (${email.messageId}) не отправлено после ${email.attempts} попыток и больше не повторяется. Вернуть в очередь: npm run mail:requeue`);
      } else {
        log.warn({ ...entry, gaveUp: false }, "Почта: письмо не отправлено, будет повторено");
      }
    }
  }
  return { claimed, sent, failed };
}
