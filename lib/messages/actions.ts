"use server";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { ActionError, ConflictError, ForbiddenError } from "@/lib/actions/errors";
import { cabinetsWhere } from "@/lib/access/policies";
import { recordAudit } from "@/lib/audit/log";
import { ZSetMessageStatus } from "./schemas";

// новое → в работе → ответ дан; an answered message may be taken back into work.
const ALLOWED = new Set(["NEW>IN_PROGRESS", "IN_PROGRESS>ANSWERED", "NEW>ANSWERED", "ANSWERED>IN_PROGRESS"]);

export const setMessageStatus = defineAction({
  name: "messages.setStatus",
  schema: ZSetMessageStatus,
  async load(input, { actor }) {
    // A message is reached through its cabinet: one the person handles messages of.
    const message = await db.citizenMessage.findFirst({
      where: { id: input.messageId, cabinet: cabinetsWhere(actor, "messages.handle") },
      select: { id: true, cabinetId: true, cabinet: { select: { lkoId: true, organizationId: true } } },
    });
    if (!message) throw new ForbiddenError();
    return message;
  },
  async handler(input, { session, resource: message }) {
    if (!ALLOWED.has(`${input.from}>${input.to}`)) throw new ActionError("Такой переход статуса невозможен.");
    await db.$transaction(async (tx) => {
      const changed = await tx.citizenMessage.updateMany({ where: { id: message.id, status: input.from }, data: { status: input.to } });
      if (changed.count === 0) throw new ConflictError("Статус сообщения уже изменил другой сотрудник. Обновите страницу.");
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "message.status_changed", entityType: "CitizenMessage", entityId: message.id,
        cabinetId: message.cabinetId, organizationId: message.cabinet.organizationId, data: { from: input.from, to: input.to },
      });
    });
    return { status: input.to };
  },
  revalidate: (_data, _input, message) => [[`/admin/cabinets/${message.cabinet.lkoId}/messages`, "layout"]],
});
export const setMessageStatusForm = setMessageStatus.form;
