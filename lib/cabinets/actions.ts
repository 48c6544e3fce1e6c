"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/access/actor";
import { hasCabinetCapability } from "@/lib/access/policies";
import { defineAction } from "@/lib/actions/define-action";
import { ForbiddenError } from "@/lib/actions/errors";
import { recordAudit } from "@/lib/audit/log";
import { ZConfirmCabinetData } from "./schemas";

export const confirmCabinetData = defineAction({
  name: "cabinets.confirmData",
  schema: ZConfirmCabinetData,
  async authorize(input, { session }) {
    if (!(await hasCabinetCapability(await loadActor(session.person.id), "cabinet.manage", input.cabinetId))) {
      throw new ForbiddenError("Нет прав подтверждать данные этого кабинета.");
    }
  },
  async handler(input, { session }) {
    const now = new Date();
    const cabinet = await db.$transaction(async (tx) => {
      const updated = await tx.cabinet.update({
        where: { id: input.cabinetId },
        data: { dataConfirmedAt: now, dataConfirmedById: session.person.id },
        select: { id: true, lkoId: true, organizationId: true, name: true },
      });
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "cabinet.data_confirmed", entityType: "Cabinet", entityId: updated.id,
        cabinetId: updated.id, organizationId: updated.organizationId, data: { name: updated.name },
      });
      return updated;
    });
    revalidatePath("/admin", "layout");
    return { lkoId: cabinet.lkoId, confirmedAt: now };
  },
});

export async function confirmCabinetDataFormAction(_prev: unknown, form: FormData) {
  const result = await confirmCabinetData(form);
  return result.ok ? { ...result, message: "Актуальность данных подтверждена." } : result;
}
