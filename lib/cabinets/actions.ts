"use server";
import { db } from "@/lib/db";
import { cabinetFor } from "@/lib/access/policies";
import { defineAction } from "@/lib/actions/define-action";
import { ConflictError } from "@/lib/actions/errors";
import { recordAudit } from "@/lib/audit/log";
import { ZConfirmCabinetData } from "./schemas";

const ARCHIVED_CABINET = "Кабинет в архиве: подтверждать актуальность его данных нельзя.";

export const confirmCabinetData = defineAction({
  name: "cabinets.confirmData",
  schema: ZConfirmCabinetData,
  load: (input, { actor }) =>
    cabinetFor(actor, input.cabinetId, "cabinet.manage", { id: true, lkoId: true, organizationId: true, name: true }, "Нет прав подтверждать данные этого кабинета."),
  async handler(_input, { session, resource: cabinet }) {
    const now = new Date();
    await db.$transaction(async (tx) => {
      // Only a working cabinet's data can be current; the status is checked in the same write.
      const { count } = await tx.cabinet.updateMany({
        where: { id: cabinet.id, status: "ACTIVE" },
        data: { dataConfirmedAt: now, dataConfirmedById: session.person.id },
      });
      if (count === 0) throw new ConflictError(ARCHIVED_CABINET);
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "cabinet.data_confirmed", entityType: "Cabinet", entityId: cabinet.id,
        cabinetId: cabinet.id, organizationId: cabinet.organizationId, data: { name: cabinet.name },
      });
    });
    return { lkoId: cabinet.lkoId, confirmedAt: now };
  },
  revalidate: [["/admin", "layout"]],
  form: { message: "Актуальность данных подтверждена." },
});
export const confirmCabinetDataForm = confirmCabinetData.form;
