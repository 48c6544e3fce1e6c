import "server-only";
import { db, type DbTx } from "@/lib/db";
import { formatDateTime, fullName } from "@/lib/ui/format";
import { recordAudit } from "@/lib/audit/log";
import { enqueueEmail } from "@/lib/mail/outbox";
import { renderEmail, type EmailContent } from "@/lib/mail/layout";
import { portalUrl } from "@/lib/esia/config";
import { findInvitationByToken, type FoundInvitation } from "./service";
import { ACCOUNT_STATUS } from "@/lib/ui/strings";

/** "reported": a used link's holder says they did not confirm it; the administrators were told. */
export type RenewalOutcome = "sent" | "reported" | "already" | "unknown" | "not-needed";

/**
 * «Запросить новое приглашение» from a dead link: asks the administrators of the cabinet (its own
 * and its organ's Администраторы ЛКО) to act. Anyone holding the link may ask — it names the
 * account — so each dead link asks at most once; nothing about the account changes and no link is
 * ever sent to whoever holds this one (the administrators resend to the account's address).
 *
 * - expired or revoked, account still invited: «отправьте приглашение повторно»;
 * - used (the account was confirmed, maybe archived since): the holder says they did not confirm
 *   it, so the administrators are asked to check who did (decision 007);
 * - live, archived, or a revoked link of an account confirmed since: nothing to ask.
 */
export async function requestNewInvitation(token: string, now = new Date()): Promise<RenewalOutcome> {
  const found = await findInvitationByToken(token, now);
  if (!found) return "unknown";
  const kind =
    found.state === "used" && found.cabinet.status === "ACTIVE" ? "used"
    : (found.state === "expired" || found.state === "revoked") && found.account.status === "INVITED" ? "dead"
    : null;
  if (!kind) return "not-needed";
  const recipients = await cabinetAdminAddresses(found.cabinet.id);
  const dedupeKey = (to: string) => `${kind === "used" ? "invitation-used-report" : "invitation-renewal"}:${found.invitation.id}:${to}`;
  const email = kind === "used" ? await usedLinkReport(found) : renewalRequest(found);
  return db.$transaction(async (tx) => {
    if ((await tx.outboxEmail.count({ where: { dedupeKey: dedupeKey(recipients[0]) } })) > 0) return "already";
    for (const to of recipients) await enqueueEmail(tx, { to, dedupeKey: dedupeKey(to), ...email });
    await recordAudit(tx, {
      action: "invitation.renewal_requested", entityType: "Account", entityId: found.account.id, cabinetId: found.cabinet.id,
      organizationId: found.cabinet.organizationId, data: { email: found.account.email, invitationState: found.state, notified: recipients.length },
    });
    return kind === "used" ? "reported" : "sent";
  });
}

/** The trained Администраторы ЛКО of the cabinet and of its organ's cabinet; the cabinet's own address when there are none. */
export async function cabinetAdminAddresses(cabinetId: string, tx: DbTx = db): Promise<string[]> {
  const cabinet = await tx.cabinet.findUniqueOrThrow({ where: { id: cabinetId }, select: { id: true, email: true, editorialCabinetId: true } });
  const admins = await tx.account.findMany({
    where: {
      cabinetId: { in: [cabinet.id, cabinet.editorialCabinetId].filter((x): x is string => Boolean(x)) },
      status: "CONFIRMED",
      trainingConfirmedAt: { not: null },
      roles: { some: { role: "LKO_ADMIN" } },
    },
    select: { email: true },
  });
  return [...new Set(admins.length > 0 ? admins.map((a) => a.email) : [cabinet.email])];
}

export const accountsUrl = (found: Pick<FoundInvitation, "cabinet" | "account">) => `${portalUrl()}/admin/cabinets/${found.cabinet.lkoId}/accounts?q=${encodeURIComponent(found.account.email)}`;

function renewalRequest(found: FoundInvitation) {
  return {
    subject: `Запрос нового приглашения — ${found.cabinet.name}`,
    ...renderEmail({
      title: "Пользователь просит отправить приглашение повторно",
      paragraphs: [
        `${fullName(found.account)} (${found.account.email}) открыл(а) ссылку приглашения в кабинет «${found.cabinet.name}» (ЛКО ${found.cabinet.lkoId}), но ссылка уже не действует.`,
        "Откройте «Учетные записи» кабинета и нажмите «Отправить приглашение повторно» в строке пользователя.",
      ],
      action: { label: "Открыть учетные записи", url: accountsUrl(found) },
    }),
  };
}

async function usedLinkReport(found: FoundInvitation) {
  const confirmedBy = found.account.personId
    ? await db.person.findUnique({ where: { id: found.account.personId }, select: { lastName: true, firstName: true, middleName: true } })
    : null;
  const content: EmailContent = {
    title: "Проверьте, кто подтвердил учётную запись",
    paragraphs: [
      `Ссылку приглашения ${fullName(found.account)} (${found.account.email}) в кабинет «${found.cabinet.name}» (ЛКО ${found.cabinet.lkoId}) открыли снова. ` +
        `По ней учётная запись уже подтверждена ${formatDateTime(found.invitation.usedAt!)}${confirmedBy ? ` через Госуслуги: ${fullName(confirmedBy)}` : ""}. ` +
        `Статус сейчас: «${ACCOUNT_STATUS[found.account.status]}».`,
      "Открывший ссылку сообщает, что приглашение не подтверждал, и просит новое. Свяжитесь с сотрудником. Если учётную запись подтвердил не он, перенесите её в архив в «Учетные записи» — доступ прекратится сразу.",
    ],
    action: { label: "Открыть учетные записи", url: accountsUrl(found) },
  };
  return { subject: `Приглашение уже использовано: запрос на проверку — ${found.cabinet.name}`, ...renderEmail(content) };
}
