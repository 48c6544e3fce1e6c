"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/access/actor";
import { hasCabinetCapability } from "@/lib/access/policies";
import { defineAction } from "@/lib/actions/define-action";
import { ConflictError, ForbiddenError } from "@/lib/actions/errors";
import { recordAudit } from "@/lib/audit/log";
import { ZConfirmCabinetData } from "./schemas";

const ARCHIVED_CABINET = "Кабинет в архиве: подтверждать актуальность его данных нельзя.";

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
      // Only a working cabinet's data can be current; the status is checked in the same write.
      const { count } = await tx.cabinet.updateMany({
        where: { id: input.cabinetId, status: "ACTIVE" },
        data: { dataConfirmedAt: now, dataConfirmedById: session.person.id },
      });
      if (count === 0) throw new ConflictError(ARCHIVED_CABINET);
      const updated = await tx.cabinet.findUniqueOrThrow({ where: { id: input.cabinetId }, select: { id: true, lkoId: true, organizationId: true, name: true } });
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
