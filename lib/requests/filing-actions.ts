"use server";
// Filing a cabinet request and sending a fixed one back for review (issue 4).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { defineAction, formDataToObject } from "@/lib/actions/define-action";
import { ConflictError, ForbiddenError, type ActionResult } from "@/lib/actions/errors";
import { loadActor } from "@/lib/access/actor";
import { FILING_GAP_TEXT, filingGaps } from "@/lib/access/policies";
import type { PortalSession } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/log";
import { existingCabinet, routeRequest } from "./filing";
import { isUniqueViolation } from "@/lib/db/errors";
import { KIND_SLUG } from "./labels";
import { ZCabinetRequestForm, ZResubmitCabinetRequest } from "./schemas";
import { CABINET_KIND } from "@/lib/ui/strings";

/** Only a руководитель or администратор of the chosen organization in ЕСИА, in the access group, may file. */
async function authorizeFiling(session: PortalSession): Promise<{ id: string }> {
  if (!session.organization) throw new ForbiddenError("Выберите организацию, от имени которой подаёте заявку.");
  const gaps = filingGaps(await loadActor(session.person.id), session.organization.id);
  if (gaps.length > 0) throw new ForbiddenError(`Подать заявку нельзя: ${gaps.map((g) => FILING_GAP_TEXT[g]).join("; ")}.`);
  return session.organization;
}

const PENDING_MESSAGE = "Ваша заявка на подключение кабинета уже находится на рассмотрении: дождитесь решения.";

export const fileCabinetRequest = defineAction({
  name: "requests.file",
  schema: ZCabinetRequestForm,
  async authorize(_input, { session }) {
    await authorizeFiling(session);
  },
  async handler(input, { session }) {
    const organizationId = session.organization!.id;
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
});

export const resubmitCabinetRequest = defineAction({
  name: "requests.resubmit",
  schema: ZResubmitCabinetRequest,
  async authorize(input, { session }) {
    const organization = await authorizeFiling(session);
    const request = await db.cabinetRequest.findUnique({ where: { id: input.requestId }, select: { organizationId: true } });
    // Another organization's request is not confirmed to exist.
    if (!request || request.organizationId !== organization.id) throw new ForbiddenError("Заявка не найдена.");
  },
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
});

export type TFilingFormState = (ActionResult<unknown> & { values?: Record<string, unknown> }) | null;

/**
 * The form's action (with or without JavaScript): a first request or, with `requestId`, a new
 * revision. On success the page shows the pending banner; on failure the person's input comes back.
 */
export async function submitCabinetRequestForm(_prev: TFilingFormState, form: FormData): Promise<TFilingFormState> {
  const values = formDataToObject(form);
  const result = values.requestId ? await resubmitCabinetRequest(values) : await fileCabinetRequest(values);
  if (!result.ok) return { ...result, values };
  const kind = values.kind === "EDITORIAL" ? "EDITORIAL" : "WORK";
  revalidatePath("/", "layout");
  redirect(`/registration/${KIND_SLUG[kind]}`);
}
