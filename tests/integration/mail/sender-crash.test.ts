// The sender dying mid-batch (issue 8): each email is claimed just before it is sent, so a crash
// strands only the one in flight; it goes out again when its lease ends, with the same Message-ID;
// a sender whose lease was taken over cannot overwrite what the new owner recorded. (The real
// process kill is in tests/e2e/faults.spec.ts.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/mail/outbox";
import { mailConfig } from "@/lib/mail/config";
import { deliverDueEmails, smtpTransport, type MailTransport } from "@/lib/mail/delivery";
import { startMailCatcherForFile } from "../../helpers/mail-catcher";

const mail = startMailCatcherForFile();

const LEASE = mailConfig().leaseMs;
const env = (vars: Record<string, string>) => ({ NODE_ENV: "test", ...vars }) as NodeJS.ProcessEnv;

async function queue(n: number) {
  for (let i = 1; i <= n; i++) {
    await db.$transaction((tx) => enqueueEmail(tx, { to: `person${i}@demo.test`, subject: `Письмо ${i}`, text: `Текст ${i}` }));
    // Distinct creation times keep the sending order stable.
    await new Promise((r) => setTimeout(r, 2));
  }
  return db.outboxEmail.findMany({ orderBy: { createdAt: "asc" } });
}

/** A transport that delivers for real until told to stall: the stalled send never returns on its own, like a sender killed mid-send. */
function stallingAfter(deliveries: number) {
  let stalled: { reject: (e: Error) => void } | null = null;
  let count = 0;
  const transport: MailTransport = {
    async sendMail(message) {
      if (count++ < deliveries) return mail.transport.sendMail(message);
      return new Promise((_resolve, reject) => {
        stalled = { reject };
      });
    },
  };
  return { transport, wakeWithError: () => stalled?.reject(new Error("соединение разорвано")) };
}

describe("отправитель падает посреди пачки", () => {
  it("застревает только письмо в пути; после истечения аренды оно уходит с тем же Message-ID, остальные — по одному разу", async () => {
    const rows = await queue(5);
    const start = new Date();
    const dying = stallingAfter(2);
    // The first sender sends two, then hangs on the third (as if killed there); it is never awaited.
    void deliverDueEmails({ transport: dying.transport, now: start });
    const statuses = async () => {
      const byId = Object.fromEntries((await db.outboxEmail.findMany()).map((r) => [r.id, r.status]));
      return rows.map((r) => byId[r.id]);
    };
    await expect.poll(statuses, { timeout: 15_000 }).toEqual(["SENT", "SENT", "SENDING", "PENDING", "PENDING"]);

    // A sender started after the crash sends the untouched ones at once, but not the one still under lease…
    expect(await deliverDueEmails({ transport: mail.transport, now: new Date(start.getTime() + 1000) })).toEqual({ claimed: 2, sent: 2, failed: 0 });
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: rows[2].id } })).status).toBe("SENDING");
    // …and that one when the lease has run out.
    expect(await deliverDueEmails({ transport: mail.transport, now: new Date(start.getTime() + LEASE + 1) })).toEqual({ claimed: 1, sent: 1, failed: 0 });

    const final = await db.outboxEmail.findMany();
    expect(final.every((r) => r.status === "SENT")).toBe(true);
    expect(final.find((r) => r.id === rows[2].id)?.attempts).toBe(2);
    // Each Message-ID reached the SMTP server exactly once: the stalled send never got its data accepted.
    expect(mail.catcher.messages.map((m) => m.messageId).sort()).toEqual(rows.map((r) => r.messageId).sort());

    // The dead sender's late failure cannot touch a row whose lease it lost.
    dying.wakeWithError();
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: rows[2].id } })).toMatchObject({ status: "SENT", lastError: null });
  });

  it("отправитель, у которого забрали аренду, не переписывает итог нового владельца", async () => {
    const [row] = await queue(1);
    const start = new Date();
    let release: () => void = () => {};
    const slow: MailTransport = {
      async sendMail(message) {
        await mail.transport.sendMail(message);
        // Accepted by the server, but the sender is stuck before it could record it (a pause, a lost connection to the database).
        await new Promise<void>((r) => (release = r));
      },
    };
    const first = deliverDueEmails({ transport: slow, now: start });
    await expect.poll(() => mail.catcher.messages.length, { timeout: 15_000 }).toBe(1);
    // The lease runs out; another instance takes the email over and sends it again.
    expect(await deliverDueEmails({ transport: mail.transport, now: new Date(start.getTime() + LEASE + 1) })).toMatchObject({ sent: 1 });
    const taken = await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    release();
    await first;
    // The first sender's late write changed nothing.
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toEqual(taken);
    // This is SMTP's limit (decision 011): an acceptance that the sender never recorded means a second copy,
    // and it carries the same Message-ID, so the receiving side can recognise it.
    expect(mail.catcher.messages.map((m) => m.messageId)).toEqual([row.messageId, row.messageId]);
  });

  it("таймауты SMTP короче аренды: зависший сервер не держит письмо дольше неё", () => {
    const { options } = (smtpTransport() as unknown as { transporter: { options: Record<string, number> } }).transporter;
    const stages = [options.connectionTimeout, options.greetingTimeout, options.socketTimeout];
    expect(stages).toEqual([LEASE / 4, LEASE / 4, LEASE / 4]);
    expect(stages.reduce((a, b) => a + b)).toBeLessThan(LEASE);
    expect(mailConfig(env({ MAIL_LEASE_SECONDS: "20" })).leaseMs).toBe(20_000);
    expect(mailConfig(env({})).leaseMs).toBe(120_000);
    // Nonsense falls back to the default rather than to a lease shorter than a send.
    expect(mailConfig(env({ MAIL_LEASE_SECONDS: "1" })).leaseMs).toBe(120_000);
    expect(mailConfig(env({ MAIL_LEASE_SECONDS: "abc" })).leaseMs).toBe(120_000);
  });
});
