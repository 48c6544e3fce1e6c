import "server-only";
// Emails of the back office, queued in the transaction of the transition they report (outbox):
// to staff (by role in the cabinet: a link to the card, no citizen's data) and the answer to the
// citizen (the answer and the signed rating link).
import type { AccountRoleKind, DbTx } from "@/lib/db";
import { portalUrl } from "@/lib/esia/config";
import { enqueueEmail } from "@/lib/mail/outbox";
import { renderEmail } from "@/lib/mail/layout";
import { formatDate } from "@/lib/ui/format";
import { EMAIL } from "./schemas";

export const messageCardUrl = (lkoId: number, messageId: string) => `${portalUrl()}/admin/cabinets/${lkoId}/messages/${messageId}`;
export const inboxUrl = (lkoId: number) => `${portalUrl()}/admin/cabinets/${lkoId}/messages`;

interface TStaffNotice {
  cabinet: { id: string; lkoId: number; name: string; email?: string };
  messageId: string;
  number: number;
  subject: string;
  paragraphs: string[];
  /** One email per key and recipient, however often the transition is retried. */
  key: string;
}

/** An email to a cabinet's staff not about one message (the digest of new messages, decision 078). */
export interface TCabinetMail {
  cabinet: TStaffNotice["cabinet"];
  title: string;
  paragraphs: string[];
  action: { label: string; url: string };
  key: string;
}

const aboutMessage = (n: TStaffNotice | TCabinetMail): TCabinetMail =>
  "title" in n
    ? n
    : { cabinet: n.cabinet, title: `${n.subject}: сообщение № ${n.number}`, paragraphs: n.paragraphs, key: n.key, action: { label: "Открыть сообщение", url: messageCardUrl(n.cabinet.lkoId, n.messageId) } };

const render = (m: TCabinetMail, more: string[] = []) => ({
  subject: m.title,
  ...renderEmail({ title: m.title, paragraphs: [`Кабинет «${m.cabinet.name}» (уникальный номер ЛКО ${m.cabinet.lkoId}).`, ...m.paragraphs, ...more], action: m.action }),
});

/** To the confirmed accounts of the cabinet holding one of these roles (or these accounts). */
export async function notifyStaff(tx: DbTx, to: { roles: AccountRoleKind[] } | { accountIds: string[] }, n: TStaffNotice | TCabinetMail): Promise<number> {
  const mail = aboutMessage(n);
  const accounts = await tx.account.findMany({
    where: "roles" in to ? { cabinetId: mail.cabinet.id, status: "CONFIRMED", roles: { some: { role: { in: to.roles } } } } : { id: { in: to.accountIds }, status: "CONFIRMED" },
    select: { email: true },
  });
  const recipients = [...new Set(accounts.map((a) => a.email))];
  for (const address of recipients) {
    await enqueueEmail(tx, { to: address, dedupeKey: `${mail.key}:${address}`, ...render(mail) });
  }
  return recipients.length;
}

/** The coordinators of a cabinet (or, if it has none, its administrators, then its address): a message waits for distribution. */
export async function notifyCoordinators(tx: DbTx, n: TStaffNotice | TCabinetMail): Promise<void> {
  if ((await notifyStaff(tx, { roles: ["COORDINATOR", "MODERATOR"] }, n)) > 0) return;
  if ((await notifyStaff(tx, { roles: ["LKO_ADMIN"] }, n)) > 0) return;
  const mail = aboutMessage(n);
  if (mail.cabinet.email) {
    await enqueueEmail(tx, {
      to: mail.cabinet.email, dedupeKey: `${mail.key}:${mail.cabinet.email}`,
      ...render(mail, ["В кабинете нет координатора: назначьте роль «Координатор» в разделе «Учетные записи»."]),
    });
  }
}

export const ANSWER_SUBJECT = "Ответ на ваше сообщение";

/** The answer to the citizen, if the contact is an email address (a phone is called by the organization). */
export async function mailAnswer(
  tx: DbTx,
  m: { id: string; number: number; contact: string; authorName: string; cabinetName: string; answer: string; round: number; ratingLink: string; createdAt: Date; rating: "first" | "again" },
): Promise<boolean> {
  if (!EMAIL.test(m.contact)) return false;
  await enqueueEmail(tx, {
    to: m.contact,
    subject: `${ANSWER_SUBJECT} № ${m.number}`,
    dedupeKey: `message-answer:${m.id}:${m.round}`,
    ...renderEmail({
      title: `${ANSWER_SUBJECT} № ${m.number}`,
      paragraphs: [
        `${m.authorName}, здравствуйте!`,
        `Вы написали ${formatDate(m.createdAt)} в организацию «${m.cabinetName}» через Платформу обратной связи. Ответ организации:`,
        m.answer,
        "Оцените, пожалуйста, ответ: поставьте оценку от 1 до 5 и укажите, решена ли проблема. Если нет, сообщение будет рассмотрено повторно. Входить на Госуслуги для этого не нужно.",
      ],
      action: { label: "Оценить ответ", url: m.ratingLink },
    }),
  });
  return true;
}
