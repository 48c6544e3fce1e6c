"use server";
// Filing a cabinet request and sending a fixed one back for review (issue 4).
import { db } from "@/lib/db";
import { defineAction, formSwitch, type ActionContext } from "@/lib/actions/define-action";
import { ConflictError, ForbiddenError } from "@/lib/actions/errors";
import { filingGaps, filingRefusal } from "@/lib/access/filing";
import { recordAudit } from "@/lib/audit/log";
import { existingCabinet, routeRequest } from "./filing";
import { isUniqueViolation } from "@/lib/db/errors";
import { KIND_SLUG } from "./labels";
import { ZCabinetRequestForm, ZResubmitCabinetRequest } from "./schemas";
import { CABINET_KIND } from "@/lib/ui/strings";

/** Only a руководитель or администратор of the chosen organization in ЕСИА, in the access group, may file: the organization. */
function filingOrganization({ session, actor }: ActionContext): { id: string } {
  if (!session.organization) throw new ForbiddenError("Выберите организацию, от имени которой подаёте заявку.");
  const gaps = filingGaps(actor, session.organization.id);
  if (gaps.length > 0) throw new ForbiddenError(filingRefusal(gaps));
  return session.organization;
}

// The registration pages, the queue and the navigation count all change.
const EVERYWHERE = [["/", "layout"]] as const;

const PENDING_MESSAGE = "Ваша заявка на подключение кабинета уже находится на рассмотрении: дождитесь решения.";

export const fileCabinetRequest = defineAction({
  name: "requests.file",
  schema: ZCabinetRequestForm,
  load: async (_input, ctx) => filingOrganization(ctx),
  async handler(input, { session, resource: organization }) {
    const organizationId = organization.id;
    try {
      return await db.$transaction(async (tx) => {
        const cabinet = await existingCabinet(tx, organizationId, input.kind);
        if (cabinet) throw new ConflictError(`У организации уже есть ${CABINET_KIND[input.kind].toLowerCase()}: уникальный номер ЛКО ${cabinet.lkoId}.`);
        const open = await tx.cabinetRequest.findFirst({ where: { organizationId, kind: input.kind, status: { in: ["PENDING", "REJECTED"] } }, select: { status: true } });
        if (open?.status === "PENDING") throw new ConflictError(PENDING_MESSAGE);
        if (open) throw new ConflictError("Ваша заявка отклонена: исправьте её на странице заявки и снова верните на рассмотрение.");
        const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, kind: true } });
        const routing = await routeRequest(tx, organization, input);
        const request = await tx.cabinetRequest.create({
          data: {
            organizationId, kind: input.kind, applicantId: session.person.id, reviewerOrganizationId: routing.reviewerOrganizationId,
            revisions: {
              create: {
                number: 1, name: input.name, regionId: input.regionId, type: input.type, editorialCabinetId: routing.editorialCabinetId,
                sphereIds: input.sphereIds, email: input.email, authorId: session.person.id,
              },
            },
          },
          select: { id: true },
        });
        await recordAudit(tx, {
          actorPersonId: session.person.id, action: "request.submitted", entityType: "CabinetRequest", entityId: request.id, organizationId,
          data: { kind: input.kind, revision: 1, reviewerOrganizationId: routing.reviewerOrganizationId },
        });
        return { requestId: request.id };
      });
    } catch (error) {
      // Two submissions at once: the partial unique index lets one through.
      if (isUniqueViolation(error)) throw new ConflictError(PENDING_MESSAGE);
      throw error;
    }
  },
  revalidate: EVERYWHERE,
  form: { redirect: (_data, input) => `/registration/${KIND_SLUG[input.kind]}` },
});

export const resubmitCabinetRequest = defineAction({
  name: "requests.resubmit",
  schema: ZResubmitCabinetRequest,
  async load(input, ctx) {
    const organization = filingOrganization(ctx);
    const request = await db.cabinetRequest.findFirst({ where: { id: input.requestId, organizationId: organization.id }, select: { id: true } });
    // Another organization's request is not confirmed to exist.
    if (!request) throw new ForbiddenError("Заявка не найдена.");
    return request;
  },
  // The request is read again in the transaction that claims its version: it may have changed since.
  async handler(input, { session }) {
    return db.$transaction(async (tx) => {
      const request = await tx.cabinetRequest.findUniqueOrThrow({
        where: { id: input.requestId },
        select: { id: true, kind: true, status: true, version: true, currentRevision: true, organization: { select: { id: true, kind: true } } },
      });
      if (request.kind !== input.kind) throw new ForbiddenError("Заявка не найдена.");
      if (request.status === "PENDING") throw new ConflictError(PENDING_MESSAGE);
      if (request.status === "APPROVED") throw new ConflictError("Заявка уже одобрена, кабинет создан. Обновите страницу.");
      const routing = await routeRequest(tx, request.organization, input);
      const number = request.currentRevision + 1;
      const claimed = await tx.cabinetRequest.updateMany({
        where: { id: request.id, version: input.version, status: "REJECTED" },
        data: {
          status: "PENDING", version: { increment: 1 }, currentRevision: number, rejectionReason: null, decidedAt: null,
          reviewerOrganizationId: routing.reviewerOrganizationId, applicantId: session.person.id,
        },
      });
      if (claimed.count === 0) throw new ConflictError("Заявка изменилась, пока вы её исправляли. Обновите страницу.");
      await tx.cabinetRequestRevision.create({
        data: {
          requestId: request.id, number, name: input.name, regionId: input.regionId, type: input.type, editorialCabinetId: routing.editorialCabinetId,
          sphereIds: input.sphereIds, email: input.email, authorId: session.person.id,
        },
      });
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "request.resubmitted", entityType: "CabinetRequest", entityId: request.id,
        organizationId: request.organization.id, data: { kind: request.kind, revision: number, reviewerOrganizationId: routing.reviewerOrganizationId },
      });
      return { requestId: request.id, revision: number };
    });
  },
  revalidate: EVERYWHERE,
  form: { redirect: (_data, input) => `/registration/${KIND_SLUG[input.kind]}` },
});

/**
 * The form (with or without JavaScript): a first request or, with `requestId`, a new revision. On
 * success the page shows the pending banner; on failure the person's input comes back.
 */
export const submitCabinetRequestForm = formSwitch([resubmitCabinetRequest, fileCabinetRequest], ({ requestId }) => (requestId ? resubmitCabinetRequest : fileCabinetRequest));
