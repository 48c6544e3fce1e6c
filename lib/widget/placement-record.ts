import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { recordAudit } from "@/lib/audit/log";
import { placementSelect, widgetStatusOf } from "./placement";

export type TWidgetShown = { show: true } | { show: false; reason: "unknown" | "archived" | "origin" | "wrongDomain" };

/**
 * The loader was shown on a page of `origin` (the browser's Origin header, which the page cannot
 * forge). Records it for the placement check and says whether the banner may be shown: only for
 * an active cabinet and on its official site (elsewhere the form would refuse to be framed).
 */
export async function recordWidgetShown(lkoId: number, origin: string | null, now = new Date()): Promise<TWidgetShown> {
  if (!Number.isSafeInteger(lkoId) || lkoId <= 0) return { show: false, reason: "unknown" };
  const cabinet = await db.cabinet.findUnique({ where: { lkoId }, select: { id: true, status: true, officialSite: true, noSite: true, organizationId: true } });
  if (!cabinet) return { show: false, reason: "unknown" };
  if (cabinet.status !== "ACTIVE") return { show: false, reason: "archived" };
  if (!origin || !/^https?:\/\/[^/]+$/.test(origin)) return { show: false, reason: "origin" };

  const seen = await db.widgetPlacement.updateMany({ where: { cabinetId: cabinet.id, origin }, data: { lastSeenAt: now, hits: { increment: 1 } } });
  if (seen.count === 0) {
    try {
      await db.$transaction(async (tx) => {
        await tx.widgetPlacement.create({ data: { cabinetId: cabinet.id, origin, firstSeenAt: now, lastSeenAt: now } });
        // A new site is worth a trace; repeated views are not state changes.
        await recordAudit(tx, { action: "widget.first_seen", entityType: "Cabinet", entityId: cabinet.id, cabinetId: cabinet.id, organizationId: cabinet.organizationId, data: { origin } });
      });
    } catch (error) {
      // Two first views at once: the other one created the row.
      if (!isUniqueViolation(error)) throw error;
      await db.widgetPlacement.updateMany({ where: { cabinetId: cabinet.id, origin }, data: { lastSeenAt: now, hits: { increment: 1 } } });
    }
  }
  const official = cabinet.officialSite && !cabinet.noSite ? cabinet.officialSite : null;
  return official === origin ? { show: true } : { show: false, reason: "wrongDomain" };
}

export async function loadWidgetStatus(cabinetId: string, now = new Date()) {
  const cabinet = await db.cabinet.findUniqueOrThrow({ where: { id: cabinetId }, select: placementSelect });
  return { status: widgetStatusOf(cabinet, now), placements: cabinet.placements };
}
