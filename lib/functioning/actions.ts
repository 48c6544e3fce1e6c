"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { defineAction, formDataToObject } from "@/lib/actions/define-action";
import { ForbiddenError } from "@/lib/actions/errors";
import type { ActionResult } from "@/lib/actions/errors";
import { loadActor } from "@/lib/access/actor";
import { hasCabinetCapability } from "@/lib/access/policies";
import { recordAudit } from "@/lib/audit/log";
import { ZReadiness } from "./schemas";

export const saveReadiness = defineAction({
  name: "functioning.saveReadiness",
  schema: ZReadiness,
  async authorize(input, { session }) {
    const actor = await loadActor(session.person.id);
    if (!(await hasCabinetCapability(actor, "functioning.edit", input.cabinetId))) throw new ForbiddenError();
  },
  async handler(input, { session }) {
    const { cabinetId, ...readiness } = input;
    const cabinet = await db.$transaction(async (tx) => {
      const before = await tx.cabinet.findUniqueOrThrow({
        where: { id: cabinetId },
        select: { readyAccounts: true, readyResponsibles: true, readyTraining: true, readyToWork: true, officialSite: true, noSite: true, noSiteReason: true },
      });
      const updated = await tx.cabinet.update({ where: { id: cabinetId }, data: { ...readiness, readinessUpdatedAt: new Date() }, select: { id: true, lkoId: true, organizationId: true } });
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "functioning.readiness_saved", entityType: "Cabinet", entityId: cabinetId,
        cabinetId, organizationId: updated.organizationId, data: { before, after: readiness },
      });
      return updated;
    });
    revalidatePath(`/admin/cabinets/${cabinet.lkoId}/functioning`);
    return { officialSite: readiness.officialSite };
  },
});

export type TReadinessFormState = (ActionResult<{ officialSite: string | null }> & { values?: Record<string, unknown> }) | null;

/** Form action (works without JavaScript): keeps what the person typed when something is wrong. */
export async function saveReadinessForm(_prev: TReadinessFormState, form: FormData): Promise<TReadinessFormState> {
  const result = await saveReadiness(form);
  return { ...result, values: formDataToObject(form) };
}
