// The outbox: emails are queued in the writer's transaction and delivered by the sender over real
// SMTP to the bundled catcher, retried after failures, never lost.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/mail/outbox";
import { deliverDueEmails, retryDelayMs } from "@/lib/mail/delivery";
import { startMailCatcherForFile } from "../../helpers/mail-catcher";

const mail = startMailCatcherForFile();

const draft = (n: number) => ({ to: `Person${n}@Demo.test`, subject: `Письмо ${n}`, text: `Текст ${n}: https://pos.example/x` });

describe("исходящая почта", () => {
  it("письмо из транзакции доходит до SMTP с тем же Message-ID", async () => {
    await db.$transaction((tx) => enqueueEmail(tx, draft(1)));
    expect(await deliverDueEmails({ transport: mail.transport })).toEqual({ claimed: 1, sent: 1, failed: 0 });
    const row = await db.outboxEmail.findFirstOrThrow();
    expect(row).toMatchObject({ status: "SENT", attempts: 1, to: "person1@demo.test" });
    expect(mail.catcher.messages).toHaveLength(1);
    expect(mail.catcher.messages[0]).toMatchObject({ subject: "Письмо 1", to: ["person1@demo.test"], messageId: row.messageId });
    expect(await deliverDueEmails({ transport: mail.transport })).toMatchObject({ claimed: 0 });
  });

  it("откат транзакции не оставляет письма", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, draft(2));
        throw new Error("откат");
      }),
    ).rejects.toThrow("откат");
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("при сбое сервера письмо остаётся и уходит при следующей попытке", async () => {
    await db.$transaction((tx) => enqueueEmail(tx, draft(3)));
    mail.catcher.failNext(1);
    const start = new Date();
    expect(await deliverDueEmails({ transport: mail.transport, now: start })).toMatchObject({ sent: 0, failed: 1 });
    const failed = await db.outboxEmail.findFirstOrThrow();
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(failed.lastError).toMatch(/451/);
    // The catcher answers in Russian (UTF-8): stored readable, not as latin1 mojibake.
    expect(failed.lastError).toContain("Временная ошибка почтового сервера");
    expect(failed.nextAttemptAt.getTime()).toBe(start.getTime() + retryDelayMs(1));
    // Not before its time, then delivered.
    expect(await deliverDueEmails({ transport: mail.transport, now: start })).toMatchObject({ claimed: 0 });
    expect(await deliverDueEmails({ transport: mail.transport, now: new Date(start.getTime() + retryDelayMs(1)) })).toMatchObject({ sent: 1 });
    expect(mail.catcher.messages).toHaveLength(1);
  });

  it("одно письмо на ключ, как бы часто его ни ставили", async () => {
    await db.$transaction(async (tx) => {
      await enqueueEmail(tx, { ...draft(4), dedupeKey: "decision:r1:1" });
      await enqueueEmail(tx, { ...draft(4), dedupeKey: "decision:r1:1" });
    });
    await db.$transaction((tx) => enqueueEmail(tx, { ...draft(4), dedupeKey: "decision:r1:1" }));
    expect(await db.outboxEmail.count()).toBe(1);
  });

  it("брошенное упавшим отправителем письмо подбирается после истечения блокировки", async () => {
    await db.$transaction((tx) => enqueueEmail(tx, draft(5)));
    const now = new Date();
    await db.outboxEmail.updateMany({ data: { status: "SENDING", attempts: 1, lockedUntil: new Date(now.getTime() + 60_000) } });
    expect(await deliverDueEmails({ transport: mail.transport, now })).toMatchObject({ claimed: 0 });
    expect(await deliverDueEmails({ transport: mail.transport, now: new Date(now.getTime() + 61_000) })).toMatchObject({ sent: 1 });
    expect(await db.outboxEmail.findFirstOrThrow()).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("задержка повторов растёт и ограничена часом", () => {
    expect([1, 2, 3, 10, 30].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
  });
});
