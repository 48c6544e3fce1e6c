import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/log";
import { enqueueEmail } from "@/lib/mail/outbox";
import { renderEmail } from "@/lib/mail/layout";
import { portalUrl } from "@/lib/esia/config";
import { findInvitationByToken } from "./service";

export type RenewalOutcome = "sent" | "already" | "unknown" | "not-needed";

/**
 * «Запросить новое приглашение» from a dead link: asks the administrators of the cabinet (its own
 * and its organ's Администраторы ЛКО) to resend. Anyone holding the link may ask — it names the
 * account — so each dead link asks at most once; nothing about the account changes.
 */
export async function requestNewInvitation(token: string, now = new Date()): Promise<RenewalOutcome> {
  const found = await findInvitationByToken(token, now);
  if (!found) return "unknown";
  if (found.account.status !== "INVITED" || found.state === "live" || found.state === "used" || found.state === "archived") return "not-needed";
  const cabinet = await db.cabinet.findUniqueOrThrow({ where: { id: found.cabinet.id }, select: { id: true, email: true, editorialCabinetId: true } });
  const admins = await db.account.findMany({
    where: {
      cabinetId: { in: [cabinet.id, cabinet.editorialCabinetId].filter((x): x is string => Boolean(x)) },
      status: "CONFIRMED",
      trainingConfirmedAt: { not: null },
      roles: { some: { role: "LKO_ADMIN" } },
    },
    select: { email: true },
  });
  const recipients = [...new Set(admins.length > 0 ? admins.map((a) => a.email) : [cabinet.email])];
  const dedupeKey = (to: string) => `invitation-renewal:${found.invitation.id}:${to}`;
  return db.$transaction(async (tx) => {
    if ((await tx.outboxEmail.count({ where: { dedupeKey: dedupeKey(recipients[0]) } })) > 0) return "already";
    const name = [found.account.lastName, found.account.firstName, found.account.middleName].filter(Boolean).join(" ");
    for (const to of recipients) {
      await enqueueEmail(tx, {
        to,
        dedupeKey: dedupeKey(to),
        subject: `Запрос нового приглашения — ${found.cabinet.name}`,
        ...renderEmail({
          title: "Пользователь просит отправить приглашение повторно",
          paragraphs: [
            `${name} (${found.account.email}) открыл(а) ссылку приглашения в кабинет «${found.cabinet.name}» (ЛКО ${found.cabinet.lkoId}), но ссылка уже не действует.`,
            "Откройте «Учетные записи» кабинета и нажмите «Отправить приглашение повторно» в строке пользователя.",
          ],
          action: { label: "Открыть учетные записи", url: `${portalUrl()}/admin/cabinets/${found.cabinet.lkoId}/accounts?q=${encodeURIComponent(found.account.email)}` },
        }),
      });
    }
    await recordAudit(tx, {
      action: "invitation.renewal_requested", entityType: "Account", entityId: found.account.id, cabinetId: found.cabinet.id,
      organizationId: found.cabinet.organizationId, data: { email: found.account.email, invitationState: found.state, notified: recipients.length },
    });
    return "sent";
  });
}
