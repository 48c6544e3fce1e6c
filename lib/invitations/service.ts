import "server-only";
import { db, type AccountRoleKind, type AccountStatus, type DbTx } from "@/lib/db";
import { ROLE_LABELS } from "@/lib/access/roles";
import { firstAndMiddleName, formatDateTime } from "@/lib/ui/format";
import { renderEmail } from "@/lib/mail/layout";
import { enqueueEmail } from "@/lib/mail/outbox";
import { portalUrl } from "@/lib/esia/config";
import { hashToken, newToken } from "@/lib/security/tokens";
import { INVITATION_TTL_DAYS, INVITATION_TTL_MS, METHODICAL_MATERIALS_URL } from "./config";

export interface InvitationTarget {
  account: { id: string; email: string; lastName: string; firstName: string; middleName: string | null; roles: AccountRoleKind[] };
  cabinet: { name: string; lkoId: number };
}

export const invitationUrl = (token: string) => `${portalUrl()}/invite/${encodeURIComponent(token)}`;

/**
 * Issues a fresh single-use link for the account and queues the email, in the caller's
 * transaction: any earlier live link is revoked first (the database allows one live invitation
 * per account). The token leaves only in the email; the database keeps its hash (and the outbox
 * the email's text only until it is sent).
 */
export async function issueInvitation(tx: DbTx, target: InvitationTarget, now = new Date()): Promise<{ invitationId: string; expiresAt: Date; revoked: number }> {
  const { count: revoked } = await tx.invitation.updateMany({
    where: { accountId: target.account.id, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const invitation = await tx.invitation.create({
    data: { accountId: target.account.id, tokenHash: hashToken(token), sentTo: target.account.email, expiresAt, createdAt: now },
    select: { id: true },
  });
  const { account, cabinet } = target;
  const name = firstAndMiddleName(account);
  const link = invitationUrl(token);
  await enqueueEmail(tx, {
    to: account.email,
    // The outbox keeps the link only until the email is sent; then the stored copy loses it.
    secrets: [link],
    subject: `Приглашение в личный кабинет «${cabinet.name}» — Платформа обратной связи`,
    ...renderEmail({
      title: "Приглашение в Платформу обратной связи (ПОС)",
      paragraphs: [
        `Здравствуйте, ${name}!`,
        `Для вас создана учётная запись в личном кабинете организации «${cabinet.name}» (уникальный номер ЛКО ${cabinet.lkoId}). Роли: ${account.roles.map((r) => ROLE_LABELS[r]).join(", ")}.`,
        "Чтобы подтвердить регистрацию, перейдите по ссылке ниже, войдите на портал Госуслуг со своими логином и паролем, разрешите доступ к данным — вы попадёте на страницу ПОС. Подтвердите учётную запись.",
        "При первом входе обязательно поставьте отметку «Мною пройдено обучение». Методические материалы: " + METHODICAL_MATERIALS_URL,
        `Ссылка действует ${INVITATION_TTL_DAYS} дней — до ${formatDateTime(expiresAt)} (время местное) — и только один раз. Если срок истёк, откройте ссылку и запросите новое приглашение.`,
      ],
      action: { label: "Подтвердить учётную запись", url: link },
    }),
  });
  return { invitationId: invitation.id, expiresAt, revoked };
}

export type InvitationState = "live" | "expired" | "revoked" | "used" | "archived";

export interface FoundInvitation {
  state: InvitationState;
  invitation: { id: string; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null; createdAt: Date; sentTo: string };
  account: {
    id: string; email: string; status: AccountStatus; personId: string | null; lastName: string; firstName: string;
    middleName: string | null; position: string; roles: AccountRoleKind[];
  };
  cabinet: { id: string; lkoId: number; name: string; organizationId: string; organizationName: string; status: "ACTIVE" | "ARCHIVED" };
}

/** The invitation a link names, with where it stands; null for a link that names none. */
export async function findInvitationByToken(token: string, now = new Date(), tx: DbTx = db): Promise<FoundInvitation | null> {
  const row = await tx.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true, expiresAt: true, usedAt: true, revokedAt: true, createdAt: true, sentTo: true,
      account: {
        select: {
          id: true, email: true, status: true, personId: true, lastName: true, firstName: true, middleName: true, position: true,
          roles: { select: { role: true } },
          cabinet: { select: { id: true, lkoId: true, name: true, organizationId: true, status: true, organization: { select: { shortName: true } } } },
        },
      },
    },
  });
  if (!row) return null;
  const { account } = row;
  const state: InvitationState =
    row.usedAt ? "used"
    : account.status === "ARCHIVED" || account.cabinet.status === "ARCHIVED" ? "archived"
    : row.revokedAt ? "revoked"
    : row.expiresAt <= now ? "expired"
    : "live";
  return {
    state,
    invitation: { id: row.id, expiresAt: row.expiresAt, usedAt: row.usedAt, revokedAt: row.revokedAt, createdAt: row.createdAt, sentTo: row.sentTo },
    account: {
      id: account.id, email: account.email, status: account.status, personId: account.personId, lastName: account.lastName, firstName: account.firstName,
      middleName: account.middleName, position: account.position, roles: account.roles.map((r) => r.role),
    },
    cabinet: {
      id: account.cabinet.id, lkoId: account.cabinet.lkoId, name: account.cabinet.name, organizationId: account.cabinet.organizationId,
      organizationName: account.cabinet.organization.shortName, status: account.cabinet.status,
    },
  };
}

export type IdentityMatch = { ok: true; by: "email" | "membership" } | { ok: false };

/**
 * Is the signed-in ЕСИА person the one invited? Either the email ЕСИА gave for them is the
 * invitation's address, or ЕСИА lists them as an active employee of the cabinet's organization
 * (docs/decisions/007-accounts-invitations.md).
 */
export async function matchInvitedPerson(personId: string, found: Pick<FoundInvitation, "account" | "cabinet">, tx: DbTx = db): Promise<IdentityMatch> {
  const person = await tx.person.findUnique({ where: { id: personId }, select: { email: true } });
  if (person?.email && person.email.trim().toLowerCase() === found.account.email) return { ok: true, by: "email" };
  const membership = await tx.membership.findUnique({
    where: { personId_organizationId: { personId, organizationId: found.cabinet.organizationId } },
    select: { active: true },
  });
  return membership?.active ? { ok: true, by: "membership" } : { ok: false };
}
