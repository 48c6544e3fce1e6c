import "server-only";
import { db } from "@/lib/db";
import { placementSelect, widgetStatusOf } from "@/lib/widget/placement";

/** Everything «Функционирование ЛКО» shows, with facts from the cabinet's accounts next to the points. */
export async function loadFunctioning(cabinetId: string, now = new Date()) {
  const [cabinet, accounts, checks] = await Promise.all([
    db.cabinet.findUniqueOrThrow({
      where: { id: cabinetId },
      select: {
        id: true, lkoId: true, status: true, readyAccounts: true, readyResponsibles: true, readyTraining: true, readyToWork: true,
        readinessUpdatedAt: true, noSiteReason: true, widgetVariant: true, widgetBannerText: true, widgetGeneratedAt: true,
        region: { select: { code: true } }, organization: { select: { ogrn: true } }, siteCheckDueAt: true,
        ...placementSelect,
        // The hints' table shows more of each report than the rule needs.
        placements: { select: { origin: true, firstSeenAt: true, lastSeenAt: true, hits: true }, orderBy: { lastSeenAt: "desc" } },
      },
    }),
    db.account.findMany({ where: { cabinetId, status: { not: "ARCHIVED" } }, select: { status: true, trainingConfirmedAt: true, roles: { select: { role: true } } } }),
    db.siteCheck.findMany({ where: { cabinetId }, orderBy: { checkedAt: "desc" }, take: 5, select: { id: true, url: true, outcome: true, details: true, trigger: true, checkedAt: true } }),
  ]);
  const confirmed = accounts.filter((a) => a.status === "CONFIRMED");
  const roles = new Set(confirmed.flatMap((a) => a.roles.map((r) => r.role)));
  return {
    cabinet,
    facts: {
      accounts: `учетных записей: ${accounts.length}, подтверждено: ${confirmed.length}`,
      responsibles: roles.has("LKO_ADMIN") ? `администратор ЛКО назначен${roles.has("MODERATOR") ? ", модератор сообщений назначен" : ", модератора сообщений нет"}` : "администратор ЛКО не назначен",
      training: `отметку об обучении поставили ${confirmed.filter((a) => a.trainingConfirmedAt).length} из ${confirmed.length}`,
    },
    widgetStatus: widgetStatusOf(cabinet, now),
    checks,
  };
}
export type TFunctioning = Awaited<ReturnType<typeof loadFunctioning>>;
