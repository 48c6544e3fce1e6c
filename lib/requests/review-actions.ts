"use server";
// «Одобрить» and «Отклонить» (issue 4). Each decision is taken by one update conditioned on the
// version the reviewer saw and on the request still waiting: of two reviewers deciding at once,
// exactly one wins and the other is told so.
import { db, type DbTx } from "@/lib/db";
import { defineAction, type ActionContext } from "@/lib/actions/define-action";
import { ActionError, ConflictError, ForbiddenError } from "@/lib/actions/errors";
import { reviewableRequestsWhere } from "@/lib/access/policies";
import { recordAudit } from "@/lib/audit/log";
import { enqueueEmail } from "@/lib/mail/outbox";
import { isUniqueViolation } from "@/lib/db/errors";
import { approvalNotice, rejectionNotice } from "./notices";
import type { z } from "zod";
import { ZApproveRequest, ZRejectRequest } from "./schemas";

/**
 * The request must be addressed to an organ where the person reviews (checked on every call). The
 * decision reads it again in its transaction (claimPending): another reviewer may decide meanwhile.
 */
async function reviewableRequest(input: { requestId: string }, { actor }: ActionContext): Promise<{ id: string }> {
  const request = await db.cabinetRequest.findFirst({ where: { AND: [{ id: input.requestId }, reviewableRequestsWhere(actor)] }, select: { id: true } });
  if (!request) throw new ForbiddenError("Заявка не найдена или адресована другому органу.");
  return request;
}

// The card, the queue, the applicant's registration page and the navigation count all change.
const EVERYWHERE = [["/", "layout"]] as const;
const toCard = (_data: unknown, input: { requestId: string }) => `/admin/requests/${encodeURIComponent(input.requestId)}`;

/** What the slower of two reviewers deciding the same request at once is told. */
const DECIDED_BY_OTHER = "Заявку уже рассмотрел другой сотрудник. Обновите страницу.";

/** Reads the request in the transaction and claims it: bumps the version only if nobody decided first. */
async function claimPending(tx: DbTx, requestId: string, version: number) {
  const request = await tx.cabinetRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      id: true, kind: true, status: true, version: true, currentRevision: true, applicantId: true, reviewerOrganizationId: true,
      organization: { select: { id: true, shortName: true } },
      revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, name: true, regionId: true, type: true, editorialCabinetId: true, sphereIds: true, email: true } },
    },
  });
  if (request.status !== "PENDING") throw new ConflictError(DECIDED_BY_OTHER);
  if (request.version !== version) throw new ConflictError("Заявка изменилась, пока вы её рассматривали. Обновите страницу.");
  const claimed = await tx.cabinetRequest.updateMany({ where: { id: requestId, version, status: "PENDING" }, data: { version: { increment: 1 } } });
  if (claimed.count === 0) throw new ConflictError(DECIDED_BY_OTHER);
  return { ...request, revision: request.revisions[0] };
}

type TClaimedRequest = Awaited<ReturnType<typeof claimPending>>;

/**
 * A decision on a request: by a reviewer of the organ it is addressed to, in one transaction on the
 * request claimed at the version the reviewer saw; then every page showing it is refreshed and the
 * form goes back to the request's card.
 */
function decision<I extends { requestId: string; version: number }, T>(
  name: string,
  schema: z.ZodType<I>,
  decide: (tx: DbTx, request: TClaimedRequest, input: I, by: { reviewerId: string; now: Date }) => Promise<T>,
) {
  return defineAction({
    name,
    schema,
    load: reviewableRequest,
    handler: (input, { session }) =>
      db.$transaction(async (tx) => decide(tx, await claimPending(tx, input.requestId, input.version), input, { reviewerId: session.person.id, now: new Date() })),
    revalidate: EVERYWHERE,
    form: { redirect: toCard },
  });
}

export const approveCabinetRequest = decision("requests.approve", ZApproveRequest, async (tx, request, _input, { reviewerId, now }) => {
  try {
    const { revision, organization } = request;
    const editorial = revision.editorialCabinetId
      ? await tx.cabinet.findUnique({ where: { id: revision.editorialCabinetId }, select: { id: true, status: true, organizationId: true } })
      : null;
    if (request.kind === "WORK" && editorial?.status !== "ACTIVE") {
      throw new ActionError("Выбранный в заявке кабинет редакции больше не действует. Отклоните заявку и попросите выбрать другую редакцию.");
    }

    const cabinet = await tx.cabinet.create({
      data: {
        kind: request.kind, type: revision.type, name: revision.name, organizationId: organization.id, regionId: revision.regionId,
        editorialCabinetId: request.kind === "WORK" ? editorial!.id : null, email: revision.email,
        spheres: { create: revision.sphereIds.map((sphereId) => ({ sphereId })) },
      },
      select: { id: true, lkoId: true },
    });
    // What the portal did not know from ЕСИА: the organization's kind, and its supervising organ.
    await tx.organization.update({
      where: { id: organization.id },
      data: { kind: revision.type, ...(editorial && editorial.organizationId !== organization.id ? { parentId: editorial.organizationId } : {}) },
    });

    const accountId = await createFirstAccount(tx, { cabinetId: cabinet.id, organizationId: organization.id, personId: request.applicantId, requestEmail: revision.email, reviewerId, now });

    await tx.cabinetRequest.update({ where: { id: request.id }, data: { status: "APPROVED", cabinetId: cabinet.id, decidedAt: now, rejectionReason: null } });
    await tx.cabinetRequestRevision.update({ where: { id: revision.id }, data: { decision: "APPROVED", reviewerId, decidedAt: now } });
    const audit = { actorPersonId: reviewerId, cabinetId: cabinet.id, organizationId: organization.id };
    await recordAudit(tx, { ...audit, action: "request.approved", entityType: "CabinetRequest", entityId: request.id, data: { revision: revision.number, lkoId: cabinet.lkoId } });
    await recordAudit(tx, { ...audit, action: "cabinet.created", entityType: "Cabinet", entityId: cabinet.id, data: { lkoId: cabinet.lkoId, kind: request.kind, type: revision.type, requestId: request.id } });
    await recordAudit(tx, { ...audit, action: "account.created", entityType: "Account", entityId: accountId, data: { roles: ["LKO_ADMIN"], status: "CONFIRMED", via: "request.approved" } });
    await enqueueEmail(tx, approvalNotice({
      requestId: request.id, revision: revision.number, kind: request.kind, cabinetName: revision.name, organizationName: organization.shortName,
      to: revision.email, lkoId: cabinet.lkoId,
    }));
    return { lkoId: cabinet.lkoId, cabinetId: cabinet.id };
  } catch (error) {
    // The unique index on the organization and the cabinet's kind: another decision created it first.
    if (isUniqueViolation(error)) throw new ConflictError("У организации уже есть кабинет этого вида. Обновите страницу.");
    throw error;
  }
});
export const approveCabinetRequestForm = approveCabinetRequest.form;

/**
 * The applicant becomes the cabinet's first account: confirmed, Администратор ЛКО, training not yet
 * ticked. An account's address is unique in the whole system, so when the person's ЕСИА address is
 * already another cabinet's account, the address from the request is used.
 */
async function createFirstAccount(
  tx: DbTx,
  a: { cabinetId: string; organizationId: string; personId: string; requestEmail: string; reviewerId: string; now: Date },
): Promise<string> {
  const person = await tx.person.findUniqueOrThrow({ where: { id: a.personId }, select: { lastName: true, firstName: true, middleName: true, email: true, mobile: true } });
  const membership = await tx.membership.findUnique({ where: { personId_organizationId: { personId: a.personId, organizationId: a.organizationId } }, select: { position: true } });
  let email: string | null = null;
  for (const candidate of [person.email, a.requestEmail].filter((e): e is string => Boolean(e)).map((e) => e.trim().toLowerCase())) {
    if (!(await tx.account.findUnique({ where: { email: candidate }, select: { id: true } }))) {
      email = candidate;
      break;
    }
  }
  if (!email) {
    throw new ActionError("Адреса электронной почты заявителя уже заняты учётными записями других кабинетов. Отклоните заявку и попросите указать другой адрес.");
  }
  const account = await tx.account.create({
    data: {
      cabinetId: a.cabinetId, email, lastName: person.lastName, firstName: person.firstName, middleName: person.middleName, phone: person.mobile,
      position: membership?.position ?? "Администратор ЛКО", status: "CONFIRMED", personId: a.personId, confirmedAt: a.now, createdById: a.reviewerId,
      roles: { create: { role: "LKO_ADMIN" } },
    },
    select: { id: true },
  });
  return account.id;
}

export const rejectCabinetRequest = decision("requests.reject", ZRejectRequest, async (tx, request, input, { reviewerId, now }) => {
  let reason = input.reason;
  if (!reason) {
    // Templates are shared or the organ's own.
    const template = await tx.rejectionReasonTemplate.findFirst({
      where: { id: input.templateId, OR: [{ organizationId: null }, { organizationId: request.reviewerOrganizationId }] },
      select: { text: true },
    });
    if (!template) throw new ActionError("Выберите шаблон причины из списка.", { templateId: ["Выберите шаблон причины из списка."] });
    reason = template.text;
  }
  await tx.cabinetRequest.update({ where: { id: request.id }, data: { status: "REJECTED", rejectionReason: reason, decidedAt: now } });
  await tx.cabinetRequestRevision.update({ where: { id: request.revision.id }, data: { decision: "REJECTED", reason, reviewerId, decidedAt: now } });
  const audit = { actorPersonId: reviewerId, organizationId: request.organization.id };
  await recordAudit(tx, { ...audit, action: "request.rejected", entityType: "CabinetRequest", entityId: request.id, data: { revision: request.revision.number, reason } });
  if (input.saveAsTemplate) {
    const exists = await tx.rejectionReasonTemplate.findFirst({
      where: { text: reason, OR: [{ organizationId: null }, { organizationId: request.reviewerOrganizationId }] },
      select: { id: true },
    });
    if (!exists) {
      const template = await tx.rejectionReasonTemplate.create({ data: { organizationId: request.reviewerOrganizationId, text: reason }, select: { id: true } });
      await recordAudit(tx, { actorPersonId: reviewerId, organizationId: request.reviewerOrganizationId, action: "reason_template.created", entityType: "RejectionReasonTemplate", entityId: template.id });
    }
  }
  await enqueueEmail(tx, rejectionNotice({
    requestId: request.id, revision: request.revision.number, kind: request.kind, cabinetName: request.revision.name,
    organizationName: request.organization.shortName, to: request.revision.email, reason,
  }));
  return { requestId: request.id };
});
export const rejectCabinetRequestForm = rejectCabinetRequest.form;
