"use server";
import { db } from "@/lib/db";
import { cabinetFor } from "@/lib/access/policies";
import { defineAction } from "@/lib/actions/define-action";
import { recordAudit } from "@/lib/audit/log";
import { siteCheckDue } from "@/lib/widget/site-check-schedule";
import { ZReadiness } from "./schemas";

export const saveReadiness = defineAction({
  name: "functioning.saveReadiness",
  schema: ZReadiness,
  load: (input, { actor }) =>
    cabinetFor(actor, input.cabinetId, "functioning.edit", {
      id: true, lkoId: true, organizationId: true,
      readyAccounts: true, readyResponsibles: true, readyTraining: true, readyToWork: true, officialSite: true, noSite: true, noSiteReason: true,
    }),
  async handler(input, { session, resource: cabinet }) {
    const { cabinetId, ...readiness } = input;
    const { id, organizationId } = cabinet;
    const before = { readyAccounts: cabinet.readyAccounts, readyResponsibles: cabinet.readyResponsibles, readyTraining: cabinet.readyTraining, readyToWork: cabinet.readyToWork, officialSite: cabinet.officialSite, noSite: cabinet.noSite, noSiteReason: cabinet.noSiteReason };
    const now = new Date();
    // Another site (or a site again): the server checks it at once; no site: nothing to check.
    const siteChanged = readiness.officialSite !== (cabinet.noSite ? null : cabinet.officialSite);
    const schedule = siteChanged ? siteCheckDue("SITE_CHANGED", Boolean(readiness.officialSite), now) : {};
    await db.$transaction(async (tx) => {
      await tx.cabinet.update({ where: { id: cabinetId }, data: { ...readiness, ...schedule, readinessUpdatedAt: now } });
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "functioning.readiness_saved", entityType: "Cabinet", entityId: id,
        cabinetId: id, organizationId, data: { before, after: readiness },
      });
    });
    return { officialSite: readiness.officialSite };
  },
  revalidate: (_data, _input, cabinet) => [`/admin/cabinets/${cabinet.lkoId}/functioning`],
});
export const saveReadinessForm = saveReadiness.form;
