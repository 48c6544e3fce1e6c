"use server";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { defineAction } from "@/lib/actions/define-action";
import { ConflictError, ForbiddenError } from "@/lib/actions/errors";
import { ZInvitationToken } from "@/lib/accounts/schemas";
import { trainingUrl } from "@/lib/accounts/training";
import { recordAudit } from "@/lib/audit/log";
import { INVITATION_STATE_TEXT, WRONG_PERSON_TEXT } from "./texts";
import { findInvitationByToken, matchInvitedPerson } from "./service";
import { acceptanceOf, needsApproval } from "@/lib/accounts/acceptance";
import { askAdministratorsToApprove } from "./approval";

const ALREADY_IN_CABINET = "У вас уже есть учётная запись в этом кабинете (возможно, в архиве). Обратитесь к администратору ЛКО.";

/**
 * «Подтвердить учётную запись»: the signed-in ЕСИА person takes the invited account. The link is
 * used once: the update only passes while it is live, so a second use (or a race) is refused.
 * A colleague who got in through ЕСИА membership under another name gets an account that waits
 * for a cabinet administrator, and no rights until then (decision 077).
 */
export const acceptInvitation = defineAction({
  name: "invitations.accept",
  schema: ZInvitationToken,
  async load(input, { session }) {
    const found = await findInvitationByToken(input.token);
    if (!found) throw new ForbiddenError(INVITATION_STATE_TEXT.unknown);
    if (found.state !== "live") throw new ForbiddenError(INVITATION_STATE_TEXT[found.state]);
    if (!(await matchInvitedPerson(session.person.id, found)).ok) throw new ForbiddenError(WRONG_PERSON_TEXT(found.cabinet.organizationName));
    return found;
  },
  // The link is read and matched again inside the transaction that claims it: a second tab, or a
  // revocation in between, must see the claim (the load only decides whether to try).
  async handler(input, { session }) {
    const now = new Date();
    const personId = session.person.id;
    try {
      const result = await db.$transaction(async (tx) => {
        const found = await findInvitationByToken(input.token, now, tx);
        if (!found || found.state !== "live") throw new ConflictError(INVITATION_STATE_TEXT[found?.state ?? "unknown"]);
        const match = await matchInvitedPerson(personId, found, tx);
        if (!match.ok) throw new ForbiddenError(WRONG_PERSON_TEXT(found.cabinet.organizationName));
        // Claim the link first: a second tab waits on this row and then reads «уже использовано»,
        // never the account the first tab has just linked (checked next, rolled back with the claim).
        const used = await tx.invitation.updateMany({
          where: { id: found.invitation.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        });
        if (used.count === 0) throw new ConflictError(INVITATION_STATE_TEXT.used);
        if (await tx.account.count({ where: { cabinetId: found.cabinet.id, personId } })) throw new ConflictError(ALREADY_IN_CABINET);
        const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { lastName: true, firstName: true, middleName: true, email: true } });
        const acceptance = acceptanceOf(found.account, person)!;
        const awaitingApproval = needsApproval(match.by, acceptance);
        const confirmed = await tx.account.updateMany({
          where: { id: found.account.id, status: "INVITED" },
          data: awaitingApproval ? { status: "AWAITING_APPROVAL", personId } : { status: "CONFIRMED", personId, confirmedAt: now },
        });
        if (confirmed.count === 0) throw new ConflictError(INVITATION_STATE_TEXT.used);
        await recordAudit(tx, {
          actorPersonId: personId, action: awaitingApproval ? "account.accepted_awaiting_approval" : "account.confirmed", entityType: "Account",
          entityId: found.account.id, cabinetId: found.cabinet.id, organizationId: found.cabinet.organizationId,
          data: {
            email: found.account.email, matchedBy: match.by, invitationId: found.invitation.id,
            ...(acceptance.mismatch.length > 0 ? { acceptedBy: acceptance.person, mismatch: acceptance.mismatch } : {}),
          },
        });
        if (awaitingApproval) await askAdministratorsToApprove(tx, found, acceptance);
        return { lkoId: found.cabinet.lkoId, awaitingApproval };
      });
      return result;
    } catch (error) {
      // One person, one account per cabinet (unique cabinetId + personId).
      if (isUniqueViolation(error)) throw new ConflictError(ALREADY_IN_CABINET);
      throw error;
    }
  },
  // The person's navigation changes (a cabinet to open), wherever they are.
  revalidate: [["/", "layout"]],
  // On success straight to the training tick, then the cabinet; an account that waits for the
  // administrator to /admin, which says so (it grants nothing yet).
  form: { redirect: (data) => (data.awaitingApproval ? "/admin" : trainingUrl(`/admin/cabinets/${data.lkoId}`)) },
});

export const acceptInvitationForm = acceptInvitation.form;
