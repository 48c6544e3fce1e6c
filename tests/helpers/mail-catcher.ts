// The bundled SMTP catcher for a test file that delivers real mail: started once per file, emptied
// (with the outbox) before each test. Read `mail.catcher` and `mail.transport` inside tests.
import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { db } from "@/lib/db";
import type { MailTransport } from "@/lib/mail/delivery";
import { createMailCatcher, type MailCatcher } from "@/lib/mail-catcher/server";

export function startMailCatcherForFile(): { catcher: MailCatcher; transport: MailTransport } {
  const mail = {} as { catcher: MailCatcher; transport: MailTransport };
  beforeAll(async () => {
    mail.catcher = createMailCatcher();
    const { smtpPort } = await mail.catcher.listen(0, 0, "127.0.0.1");
    mail.transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true });
  });
  afterAll(async () => mail.catcher?.close());
  beforeEach(async () => {
    mail.catcher.messages.length = 0;
    await db.outboxEmail.deleteMany();
  });
  return mail;
}
