// An email that gave up (FAILED after MAX_ATTEMPTS) is logged as an error (without the recipient's
// address) and waits for a person:
// `npm run mail:requeue` (requeueFailedEmails) puts it back in the queue with its attempts reset.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverDueEmails, MAX_ATTEMPTS, type MailTransport } from "@/lib/mail/delivery";
import { enqueueEmail } from "@/lib/mail/outbox";
import { requeueFailedEmails } from "@/lib/mail/requeue";
import { capturedLog } from "../../helpers/log";

beforeEach(async () => {
  await db.outboxEmail.deleteMany();
});

const refusing: MailTransport = { sendMail: async (m) => Promise.reject(new Error(`550 mailbox unavailable: ${m.to}`)) };
const delivered: string[] = [];
const accepting: MailTransport = { sendMail: async (m) => void delivered.push(m.to) };

async function queue(to: string) {
  await db.$transaction((tx) => enqueueEmail(tx, { to, subject: "Письмо", text: "Текст" }));
  return db.outboxEmail.findFirstOrThrow({ where: { to } });
}

/** Error lines of the structured log written while fn runs (the test setup fails a test on an unexpected one). */
async function loggedErrors(fn: () => Promise<unknown>): Promise<string[]> {
  return (await capturedLog(fn)).filter((line) => line.level === "error").map((line) => JSON.stringify(line));
}

describe("письма, которые не удалось отправить", () => {
  it("после последней попытки — FAILED и строка об ошибке в журнале; раньше — молча в очередь", async () => {
    const email = await queue("gives.up@demo.test");
    await db.outboxEmail.update({ where: { id: email.id }, data: { attempts: MAX_ATTEMPTS - 2 } });
    expect(await loggedErrors(() => deliverDueEmails({ transport: refusing }))).toEqual([]);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ status: "PENDING", attempts: MAX_ATTEMPTS - 1 });

    await db.outboxEmail.update({ where: { id: email.id }, data: { nextAttemptAt: new Date(0) } });
    const logged = await loggedErrors(() => deliverDueEmails({ transport: refusing }));
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(email.id);
    expect(logged[0]).toContain("550 mailbox unavailable");
    expect(logged[0]).toContain("npm run mail:requeue");
    expect(logged[0]).not.toContain("gives.up@demo.test");
    // FAILED is never taken again by the sender.
    expect(await deliverDueEmails({ transport: accepting, now: new Date(Date.now() + 86_400_000) })).toMatchObject({ claimed: 0 });
  });

  it("mail:requeue возвращает FAILED в очередь со сброшенными попытками и событием аудита; прочие письма не трогает", async () => {
    const failed = await queue("failed.one@demo.test");
    const other = await queue("failed.two@demo.test");
    const pending = await queue("pending@demo.test");
    await db.outboxEmail.updateMany({ where: { id: { in: [failed.id, other.id] } }, data: { status: "FAILED", attempts: MAX_ATTEMPTS, lastError: "550" } });
    const now = new Date();

    // Only the named one, when ids are given.
    expect(await requeueFailedEmails(db, { ids: [failed.id, pending.id], now, requestedBy: "operator" })).toEqual({ requeued: 1, ids: [failed.id] });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "PENDING", attempts: 0, nextAttemptAt: now, lastError: "550" });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "FAILED" });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "PENDING", attempts: 0 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "mail.requeued", entityId: failed.id } });
    expect(event).toMatchObject({ entityType: "OutboxEmail", data: expect.objectContaining({ messageId: failed.messageId, attemptsBefore: MAX_ATTEMPTS, requestedBy: "operator" }) });

    // Without ids: every FAILED one; a second run finds nothing.
    expect((await requeueFailedEmails(db, { now })).ids).toEqual([other.id]);
    expect(await requeueFailedEmails(db, { now })).toEqual({ requeued: 0, ids: [] });
    expect(await db.auditEvent.count({ where: { action: "mail.requeued" } })).toBe(2);

    // And the sender delivers them.
    delivered.length = 0;
    expect(await deliverDueEmails({ transport: accepting, now })).toMatchObject({ sent: 3 });
    expect(delivered.sort()).toEqual(["failed.one@demo.test", "failed.two@demo.test", "pending@demo.test"]);
  });
});
