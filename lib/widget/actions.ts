"use server";
import { db } from "@/lib/db";
import { cabinetFor } from "@/lib/access/policies";
import { defineAction } from "@/lib/actions/define-action";
import { ActionError, ConflictError } from "@/lib/actions/errors";
import { recordAudit } from "@/lib/audit/log";
import { portalUrl } from "@/lib/esia/config";
import { bannerTextOf, variantById } from "./banner";
import { widgetCodes } from "./codes";
import { ZGenerateWidget, ZRunSiteCheck } from "./schemas";
import { checkCabinetSite, siteCheckDue } from "./site-check-schedule";

const functioningPage = (_data: unknown, _input: unknown, cabinet: { lkoId: number }) => [`/admin/cabinets/${cabinet.lkoId}/functioning`];

export const generateWidget = defineAction({
  name: "widget.generate",
  schema: ZGenerateWidget,
  load: (input, { actor }) => cabinetFor(actor, input.cabinetId, "functioning.edit", { id: true, lkoId: true }),
  async handler(input, { session }) {
    const result = await db.$transaction(async (tx) => {
      // Read again in the transaction: the site and the status decide whether the code may be made.
      const cabinet = await tx.cabinet.findUniqueOrThrow({ where: { id: input.cabinetId }, select: { lkoId: true, status: true, officialSite: true, noSite: true, organizationId: true } });
      if (cabinet.status !== "ACTIVE") throw new ActionError("Кабинет в архиве: виджет для него не создается.");
      if (!cabinet.officialSite || cabinet.noSite) {
        throw new ActionError("Сначала укажите и сохраните адрес официального сайта: виджет работает только на нем.");
      }
      const generatedAt = new Date();
      // New code: the site is checked again soon (the institution puts the new code there).
      await tx.cabinet.update({
        where: { id: input.cabinetId },
        data: { widgetVariant: input.variant, widgetBannerText: input.bannerText, widgetGeneratedAt: generatedAt, ...siteCheckDue("CODE_CHANGED", true, generatedAt) },
      });
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "widget.generated", entityType: "Cabinet", entityId: input.cabinetId,
        cabinetId: input.cabinetId, organizationId: cabinet.organizationId, data: { variant: input.variant, bannerText: input.bannerText },
      });
      return { lkoId: cabinet.lkoId, generatedAt };
    });
    const codes = widgetCodes({ portalOrigin: new URL(portalUrl()).origin, lkoId: result.lkoId, variant: variantById(input.variant)!, banner: bannerTextOf(input.bannerText) });
    return { codes, generatedAt: result.generatedAt.toISOString(), variant: input.variant, bannerText: input.bannerText };
  },
  revalidate: functioningPage,
});
export const generateWidgetForm = generateWidget.form;

const RECHECK_AFTER_MS = 30_000;

export const runSiteCheck = defineAction({
  name: "widget.checkSite",
  schema: ZRunSiteCheck,
  load: (input, { actor }) => cabinetFor(actor, input.cabinetId, "cabinet.view", { id: true, lkoId: true, officialSite: true, noSite: true, organizationId: true }),
  async handler(input, { session, resource: cabinet }) {
    if (!cabinet.officialSite || cabinet.noSite) throw new ActionError("У кабинета не указан официальный сайт — проверять нечего.");
    const last = await db.siteCheck.findFirst({ where: { cabinetId: cabinet.id }, orderBy: { checkedAt: "desc" }, select: { checkedAt: true } });
    if (last && Date.now() - last.checkedAt.getTime() < RECHECK_AFTER_MS) throw new ConflictError("Сайт только что проверяли. Повторите проверку через полминуты.");
    const saved = await checkCabinetSite({ ...cabinet, officialSite: cabinet.officialSite }, "MANUAL", session.person.id);
    return { outcome: saved.outcome, details: saved.details, checkedAt: saved.checkedAt.toISOString() };
  },
  revalidate: functioningPage,
});
export const runSiteCheckForm = runSiteCheck.form;
