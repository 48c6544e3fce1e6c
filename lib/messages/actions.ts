"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { ActionError, ConflictError, ForbiddenError } from "@/lib/actions/errors";
import { loadActor } from "@/lib/access/actor";
import { hasCabinetCapability } from "@/lib/access/policies";
import { recordAudit } from "@/lib/audit/log";
import { ZSetMessageStatus } from "./schemas";

// новое → в работе → ответ дан; an answered message may be taken back into work.
const ALLOWED = new Set(["NEW>IN_PROGRESS", "IN_PROGRESS>ANSWERED", "NEW>ANSWERED", "ANSWERED>IN_PROGRESS"]);

export const setMessageStatus = defineAction({
  name: "messages.setStatus",
  schema: ZSetMessageStatus,
  async authorize(input, { session }) {
    const message = await db.citizenMessage.findUnique({ where: { id: input.messageId }, select: { cabinetId: true } });
    const actor = await loadActor(session.person.id);
    if (!message || !(await hasCabinetCapability(actor, "messages.handle", message.cabinetId))) throw new ForbiddenError();
  },
  async handler(input, { session }) {
    if (!ALLOWED.has(`${input.from}>${input.to}`)) throw new ActionError("Такой переход статуса невозможен.");
    const lkoId = await db.$transaction(async (tx) => {
      const changed = await tx.citizenMessage.updateMany({ where: { id: input.messageId, status: input.from }, data: { status: input.to } });
      if (changed.count === 0) throw new ConflictError("Статус сообщения уже изменил другой сотрудник. Обновите страницу.");
      const message = await tx.citizenMessage.findUniqueOrThrow({ where: { id: input.messageId }, select: { cabinetId: true, cabinet: { select: { lkoId: true, organizationId: true } } } });
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "message.status_changed", entityType: "CitizenMessage", entityId: input.messageId,
        cabinetId: message.cabinetId, organizationId: message.cabinet.organizationId, data: { from: input.from, to: input.to },
      });
      return message.cabinet.lkoId;
    });
    revalidatePath(`/admin/cabinets/${lkoId}/messages`, "layout");
    return { status: input.to };
  },
});

/** Form action of the status buttons (they work without JavaScript). */
export async function setMessageStatusForm(_prev: unknown, form: FormData) {
  return setMessageStatus(form);
}
