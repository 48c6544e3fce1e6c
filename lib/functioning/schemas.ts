import { z } from "zod";
import { zCheckbox } from "@/lib/validation/form-values";
import { parseOfficialSite } from "./official-site";

const checkbox = zCheckbox();

export const ZReadiness = z
  .object({
    cabinetId: z.string().min(1).max(100),
    readyAccounts: checkbox,
    readyResponsibles: checkbox,
    readyTraining: checkbox,
    readyToWork: checkbox,
    siteMode: z.enum(["site", "noSite"], { error: "Укажите, есть ли у учреждения официальный сайт." }),
    officialSite: z.string().max(300, "Адрес сайта слишком длинный.").optional().default(""),
    noSiteReason: z.string().max(500, "Не больше 500 символов.").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.siteMode === "site") {
      const site = parseOfficialSite(v.officialSite);
      if (!site.ok) ctx.addIssue({ code: "custom", path: ["officialSite"], message: site.message });
    } else if (v.noSiteReason.trim().length < 5) {
      ctx.addIssue({ code: "custom", path: ["noSiteReason"], message: "Укажите причину, по которой у учреждения нет сайта." });
    }
  })
  .transform((v) => {
    const site = v.siteMode === "site" ? parseOfficialSite(v.officialSite) : null;
    return {
      cabinetId: v.cabinetId,
      readyAccounts: v.readyAccounts,
      readyResponsibles: v.readyResponsibles,
      readyTraining: v.readyTraining,
      readyToWork: v.readyToWork,
      officialSite: site?.ok ? site.origin : null,
      noSite: v.siteMode === "noSite",
      noSiteReason: v.siteMode === "noSite" ? v.noSiteReason.trim() : null,
    };
  });
export type TReadinessInput = z.input<typeof ZReadiness>;
export type TReadiness = z.output<typeof ZReadiness>;
