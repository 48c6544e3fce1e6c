// Is the widget placed? One rule for the cabinet's «Функционирование ЛКО» and the status
// dashboard: the loader reports where it was shown (WidgetPlacement); a report from the official
// site's origin (or its www twin) within the last PLACEMENT_FRESH_DAYS means placed, reports only
// from other origins mean a wrong domain. Reports are hints (anyone can send one with any Origin):
// the site check (site-check.ts) is the proof. Pure: callers load the cabinet with `placementSelect`.
import { officialOrigin, siteDomain, siteOrigins } from "@/lib/functioning/official-site";
import { formatDateTime } from "@/lib/ui/format";

export const PLACEMENT_FRESH_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

/** Prisma `select` fragment with everything widgetStatusOf needs. */
export const placementSelect = {
  officialSite: true,
  noSite: true,
  placements: { select: { origin: true, firstSeenAt: true, lastSeenAt: true, hits: true }, orderBy: { lastSeenAt: "desc" } },
} as const;

export interface TPlacementCabinet {
  officialSite: string | null;
  noSite: boolean;
  placements: Array<{ origin: string; lastSeenAt: Date; firstSeenAt?: Date; hits?: number }>;
}

export type TWidgetStatus =
  | { state: "placed"; domain: string; origin: string; lastSeenAt: Date; otherDomains: string[] }
  | { state: "wrongDomain"; domain: string; origin: string; lastSeenAt: Date; expectedDomain: string | null }
  | { state: "missing"; lastSeen: { domain: string; at: Date } | null };

export function widgetStatusOf(cabinet: TPlacementCabinet, now: Date = new Date()): TWidgetStatus {
  const fresh = cabinet.placements
    .filter((p) => now.getTime() - p.lastSeenAt.getTime() <= PLACEMENT_FRESH_DAYS * DAY)
    .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
  const official = officialOrigin(cabinet);
  const officialForms = siteOrigins(official);
  const onSite = fresh.find((p) => officialForms.includes(p.origin));
  if (onSite) {
    return {
      state: "placed", domain: siteDomain(onSite.origin), origin: onSite.origin, lastSeenAt: onSite.lastSeenAt,
      otherDomains: fresh.filter((p) => !officialForms.includes(p.origin)).map((p) => siteDomain(p.origin)),
    };
  }
  if (fresh.length > 0) {
    return { state: "wrongDomain", domain: siteDomain(fresh[0].origin), origin: fresh[0].origin, lastSeenAt: fresh[0].lastSeenAt, expectedDomain: official ? siteDomain(official) : null };
  }
  const old = [...cabinet.placements].sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())[0];
  return { state: "missing", lastSeen: old ? { domain: siteDomain(old.origin), at: old.lastSeenAt } : null };
}

/**
 * When widgetStatusOf's answer changes with no new report: the moment the oldest fresh report
 * turns stale. Null when no report is fresh (only a new report can change the answer then).
 * The status dashboard (issue 7) stores its result and recomputes the row at that time.
 */
export function widgetStatusChangesAt(cabinet: Pick<TPlacementCabinet, "placements">, now: Date = new Date()): Date | null {
  const fresh = cabinet.placements.filter((p) => now.getTime() - p.lastSeenAt.getTime() <= PLACEMENT_FRESH_DAYS * DAY);
  if (fresh.length === 0) return null;
  return new Date(Math.min(...fresh.map((p) => p.lastSeenAt.getTime())) + PLACEMENT_FRESH_DAYS * DAY + 1);
}

export const ALSO_ON_SHOWN = 3;

/**
 * Other sites that show the widget besides the official one: «также на: copy.ru, old.ru, x.ru и ещё 2».
 * Empty when there are none. A copy on a wrong domain must not hide behind «размещен».
 */
export function alsoOnText(otherDomains: readonly string[]): string {
  if (otherDomains.length === 0) return "";
  const shown = otherDomains.slice(0, ALSO_ON_SHOWN).join(", ");
  const rest = otherDomains.length - ALSO_ON_SHOWN;
  return `также на: ${shown}${rest > 0 ? ` и ещё ${rest}` : ""}`;
}

/** «Виджет размещен: да, school18.ru, последний раз 05.12.2026, 14:03» and its other cases. */
export function widgetStatusText(status: TWidgetStatus): string {
  switch (status.state) {
    case "placed": {
      const also = alsoOnText(status.otherDomains);
      return `Виджет размещен: да, ${status.domain}, последний раз ${formatDateTime(status.lastSeenAt)}${also ? `; ${also}` : ""}`;
    }
    case "wrongDomain":
      return `Виджет размещен на другом домене: ${status.domain}${status.expectedDomain ? ` (официальный сайт — ${status.expectedDomain})` : ""}, последний раз ${formatDateTime(status.lastSeenAt)}`;
    case "missing":
      return status.lastSeen
        ? `Виджет размещен: нет (последний раз показывался ${formatDateTime(status.lastSeen.at)} на ${status.lastSeen.domain})`
        : "Виджет размещен: нет";
  }
}
