// The invitation's single-use link is kept by the outbox only until the email is sent: delivery
// sends the real link and, in the statement that marks the email sent, replaces it in the stored
// copy (decision 004). A retry before that still sends the real link.
import { beforeEach, describe, expect, it } from "vitest";
import { addAccount } from "@/lib/accounts/actions";
import { db } from "@/lib/db";
import { deliverDueEmails } from "@/lib/mail/delivery";
import { enqueueEmail } from "@/lib/mail/outbox";
import { SCRUBBED_SECRET } from "@/lib/mail/secrets";
import { findInvitationByToken } from "@/lib/invitations/service";
import { startMailCatcherForFile } from "../../helpers/mail-catcher";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { lastEmailTo, newUser, tokenIn } from "../accounts/helpers";

const mail = startMailCatcherForFile();
beforeEach(() => requestContext.clear());

/** Every outbox row whose subject, text or HTML contains the string. */
const rowsContaining = (s: string) =>
  db.outboxEmail.findMany({ where: { OR: [{ text: { contains: s } }, { html: { contains: s } }, { subject: { contains: s } }] } });

async function invite(email: string) {
  await signInAs("organAdmin");
  const r = await addAccount(newUser({ email }));
  if (!r.ok) throw new Error(r.error);
  // Before delivery the outbox still holds the link (integration tests read it here).
  return tokenIn((await lastEmailTo(email))!.text);
}

describe("ссылка приглашения в исходящей почте", () => {
  it("после отправки ни одна строка OutboxEmail не содержит маркер; письмо дошло с настоящей ссылкой, и она действует", async () => {
    const email = "secret.link@school16.demo.test";
    const token = await invite(email);
    expect(await rowsContaining(token)).toHaveLength(1);

    expect(await deliverDueEmails({ transport: mail.transport })).toMatchObject({ sent: 1 });
    expect(await rowsContaining(token)).toEqual([]);
    const stored = await db.outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(stored.status).toBe("SENT");
    expect(stored.text).toContain(`Подтвердить учётную запись: ${SCRUBBED_SECRET}`);
    expect(stored.html).toContain(SCRUBBED_SECRET);
    expect(stored.text).toMatch(/действует 7 дней/); // the rest of the email stays for the record

    // The catcher (and so «Почта (демо)» and e2e) has the real link, without any marker.
    const [caught] = mail.catcher.messages;
    expect(caught.text).toContain(`/invite/${token}`);
    expect(caught.html).toContain(`/invite/${token}`);
    expect(caught.text + caught.html).not.toMatch(/[\u{E000}\u{E001}]/u);
    expect(tokenIn(caught.text)).toBe(token);
    expect((await findInvitationByToken(token))?.state).toBe("live");
  });

  it("неудачная попытка не стирает ссылку: повтор отправляет настоящую, стирается только после успеха", async () => {
    const email = "retry.link@school16.demo.test";
    const token = await invite(email);
    mail.catcher.failNext(1);
    const start = new Date();
    expect(await deliverDueEmails({ transport: mail.transport, now: start })).toMatchObject({ sent: 0, failed: 1 });
    expect(await rowsContaining(token)).toHaveLength(1);
    expect(await db.outboxEmail.findFirstOrThrow({ where: { to: email } })).toMatchObject({ status: "PENDING" });

    expect(await deliverDueEmails({ transport: mail.transport, now: new Date(start.getTime() + 60_000) })).toMatchObject({ sent: 1 });
    expect(mail.catcher.messages.map((m) => tokenIn(m.text))).toEqual([token]);
    expect(await rowsContaining(token)).toEqual([]);
  });

  it("письмо без секретов хранится как есть; содержимое не может подделать метку секрета", async () => {
    await db.$transaction((tx) =>
      enqueueEmail(tx, { to: "plain@demo.test", subject: "Решение", text: "Причина: \u{E000}не секрет\u{E001}; ссылка https://pos.example/r/1" }),
    );
    expect(await deliverDueEmails({ transport: mail.transport })).toMatchObject({ sent: 1 });
    const stored = await db.outboxEmail.findFirstOrThrow({ where: { to: "plain@demo.test" } });
    expect(stored.text).toBe("Причина: не секрет; ссылка https://pos.example/r/1");
    expect(mail.catcher.messages[0].text).toContain("Причина: не секрет; ссылка https://pos.example/r/1");
  });
});
