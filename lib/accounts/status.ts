// The statuses people see. «Приглашение истекло» is not stored: an invited account whose link is no
// longer live (expired, or revoked by archiving) shows it. «Ожидает подтверждения администратором»:
// accepted by someone whose name differs from the invitation (decision 077).
import type { AccountStatus } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";

export const DISPLAY_STATUSES = ["INVITED", "INVITATION_EXPIRED", "AWAITING_APPROVAL", "CONFIRMED", "ARCHIVED"] as const;
export type TDisplayStatus = (typeof DISPLAY_STATUSES)[number];

interface InvitationTimes {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export const isLiveInvitation = (i: InvitationTimes, now: Date) => !i.usedAt && !i.revokedAt && i.expiresAt > now;

export function displayStatus(account: { status: AccountStatus; invitations: InvitationTimes[] }, now: Date): TDisplayStatus {
  if (account.status === "INVITED") return account.invitations.some((i) => isLiveInvitation(i, now)) ? "INVITED" : "INVITATION_EXPIRED";
  return account.status;
}

/** The same distinction as a query filter. */
export function displayStatusWhere(status: TDisplayStatus, now: Date): Prisma.AccountWhereInput {
  const live: Prisma.InvitationWhereInput = { usedAt: null, revokedAt: null, expiresAt: { gt: now } };
  switch (status) {
    case "INVITED":
      return { status: "INVITED", invitations: { some: live } };
    case "INVITATION_EXPIRED":
      return { status: "INVITED", invitations: { none: live } };
    default:
      return { status };
  }
}
