// Is the widget placed? One rule for the cabinet's «Функционирование ЛКО», the status dashboard,
// its exports and the public pages (issue 17, docs/decisions/071-placement-proven-by-check.md):
// only the server's own check of the official site proves it — the latest check that reached the
// site (not «Сайт недоступен»), of the site the cabinet has now, within CHECK_FRESH_DAYS. The
// loader's reports (WidgetPlacement) are hints anyone can forge with curl: «замечен на …», «также
// на …», never the status. Pure: callers load the cabinet with `placementSelect`.
import type { SiteCheckOutcome } from "@/lib/db/generated/enums";
import { officialOrigin, siteDomain, siteOrigins } from "@/lib/functioning/official-site";
import { formatDateTime } from "@/lib/ui/format";
import { SITE_CHECK_LABELS } from "./site-verdict";

/** A check proves (or disproves) the placement this long; the schedule checks every day. */
export const CHECK_FRESH_DAYS = 14;
/** A loader's report is worth mentioning this long. */
export const HINT_FRESH_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

/** Prisma `select` fragment with everything widgetStatusOf needs. */
export const placementSelect = {
  officialSite: true,
  noSite: true,
  placements: { select: { origin: true, lastSeenAt: true }, orderBy: { lastSeenAt: "desc" } },
  // The latest check that reached the site: «Сайт недоступен» neither proves nor disproves.
  siteChecks: { where: { outcome: { not: "UNREACHABLE" } }, orderBy: { checkedAt: "desc" }, take: 1, select: { url: true, outcome: true, checkedAt: true } },
} as const;

export interface TSiteCheckFact {
  url: string;
  outcome: SiteCheckOutcome;
  checkedAt: Date;
}

export interface TPlacementCabinet {
  officialSite: string | null;
  noSite: boolean;
  /** The latest check that reached the site (more are ignored). */
  siteChecks: readonly TSiteCheckFact[];
  placements: ReadonlyArray<{ origin: string; lastSeenAt: Date }>;
}

export interface TWidgetStatus {
  /** placed: the check found the cabinet's working code; notWorking: code that would not run; missing: neither, or no check yet. */
  state: "placed" | "notWorking" | "missing";
  /** The check that decided, if any: fresh, of the current official site. */
  check: { outcome: SiteCheckOutcome; checkedAt: Date; domain: string } | null;
  /** Hint: the loader's latest report from the official site. */
  seenOn: { domain: string; at: Date } | null;
  /** Hint: other sites the loader reported from. */
  alsoOn: string[];
}

/** The check that decides: the latest one that reached the site, of the site the cabinet has now, still fresh. */
function decidingCheck(cabinet: TPlacementCabinet, now: Date): TSiteCheckFact | null {
  const forms = siteOrigins(officialOrigin(cabinet));
  const latest = cabinet.siteChecks[0];
  if (!latest || now.getTime() - latest.checkedAt.getTime() > CHECK_FRESH_DAYS * DAY) return null;
  let origin: string;
  try {
    origin = new URL(latest.url).origin;
  } catch {
    return null;
  }
  return forms.includes(origin) ? latest : null;
}

export function widgetStatusOf(cabinet: TPlacementCabinet, now: Date = new Date()): TWidgetStatus {
  const check = decidingCheck(cabinet, now);
  const forms = siteOrigins(officialOrigin(cabinet));
  const fresh = cabinet.placements
    .filter((p) => now.getTime() - p.lastSeenAt.getTime() <= HINT_FRESH_DAYS * DAY)
    .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
  const onSite = fresh.find((p) => forms.includes(p.origin));
  const state = !check ? "missing" : check.outcome === "CORRECT" ? "placed" : check.outcome === "MISSING" ? "missing" : "notWorking";
  return {
    state,
    check: check ? { outcome: check.outcome, checkedAt: check.checkedAt, domain: siteDomain(new URL(check.url).origin) } : null,
    seenOn: onSite ? { domain: siteDomain(onSite.origin), at: onSite.lastSeenAt } : null,
    alsoOn: fresh.filter((p) => !forms.includes(p.origin)).map((p) => siteDomain(p.origin)),
  };
}

/**
 * When widgetStatusOf's answer changes with no new check: the moment the deciding check turns stale.
 * Null without one (only a new check can change the answer then). The status dashboard stores
 * the result and recomputes the row at that time.
 */
export function widgetStatusChangesAt(cabinet: TPlacementCabinet, now: Date = new Date()): Date | null {
  const check = decidingCheck(cabinet, now);
  return check ? new Date(check.checkedAt.getTime() + CHECK_FRESH_DAYS * DAY + 1) : null;
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

/** The loader's reports, as hints: «загрузчик замечен на school18.ru 05.12.2026, 14:03; также на: copy.ru». */
export function hintText(status: Pick<TWidgetStatus, "seenOn" | "alsoOn">): string {
  const parts = [
    status.seenOn ? `загрузчик замечен на ${status.seenOn.domain} ${formatDateTime(status.seenOn.at)}` : "",
    status.seenOn ? alsoOnText(status.alsoOn) : status.alsoOn.length > 0 ? `загрузчик замечен ${alsoOnText(status.alsoOn).replace(/^также /, "")}` : "",
  ];
  return parts.filter(Boolean).join("; ");
}

/** «проверка сайта school18.ru 05.12.2026, 14:03: Виджет размещен правильно». */
export function checkText(check: TWidgetStatus["check"]): string {
  return check ? `проверка сайта ${check.domain} ${formatDateTime(check.checkedAt)}: ${SITE_CHECK_LABELS[check.outcome]}` : "сайт ещё не проверялся";
}

/** «Виджет размещен: да (проверка сайта school18.ru 05.12.2026, 14:03…)» and its other cases, with the hints after. */
export function widgetStatusText(status: TWidgetStatus): string {
  const hints = hintText(status);
  const head =
    status.state === "placed" ? "Виджет размещен: да"
    : status.state === "notWorking" ? "Виджет размещен: нет — код на сайте есть, но не работает"
    : "Виджет размещен: нет";
  return `${head} (${checkText(status.check)})${hints ? `; ${hints}` : ""}`;
}
