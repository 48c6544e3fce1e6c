import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { recordAudit } from "@/lib/audit/log";
import { officialOrigin, parseReportedOrigin, siteOrigins } from "@/lib/functioning/official-site";
import { countAttempt, type ThrottleRule } from "@/lib/security/throttle";

export type TWidgetShown = { show: true } | { show: false; reason: "unknown" | "archived" | "origin" | "wrongDomain" };

/**
 * Reports are hints, not proof: anyone can send one with any Origin (curl), so they are throttled
 * and capped, stored only as a well-formed origin, and never decide the status: the server's own
 * site check (site-check-schedule.ts) is what proves a placement (./placement.ts). The limits only stop
 * the recording, never the answer: a real visitor of the official site still sees the banner.
 * Counted in the database by the sign-in throttle, so every app instance counts together.
 */
export const SEEN_PER_ADDRESS: ThrottleRule = { limit: 60, windowMs: 60_000, lockMs: 5 * 60_000 };
export const SEEN_PER_CABINET: ThrottleRule = { limit: 600, windowMs: 60_000, lockMs: 5 * 60_000 };
/** Distinct sites other than the official one (and its www twin) kept per cabinet; later ones are not recorded or journalled. */
export const OTHER_SITES_KEPT = 20;

/**
 * The loader was shown on a page of `origin` (the browser's Origin header, which a page cannot
 * forge, though a script outside a browser can). Records it for the placement check and says
 * whether the banner may be shown: only for an active cabinet and on its official site (elsewhere
 * the form would refuse to be framed).
 */
export async function recordWidgetShown(lkoId: number, reported: string | null, ctx: { address?: string; now?: Date } = {}): Promise<TWidgetShown> {
  const now = ctx.now ?? new Date();
  if (!Number.isSafeInteger(lkoId) || lkoId <= 0) return { show: false, reason: "unknown" };
  const cabinet = await db.cabinet.findUnique({ where: { lkoId }, select: { id: true, status: true, officialSite: true, noSite: true, organizationId: true } });
  if (!cabinet) return { show: false, reason: "unknown" };
  if (cabinet.status !== "ACTIVE") return { show: false, reason: "archived" };
  // Only scheme://host[:port] as a browser writes it: anything else (`http://=1+2`) is not stored anywhere.
  const origin = parseReportedOrigin(reported);
  if (!origin) return { show: false, reason: "origin" };
  const officialForms = siteOrigins(officialOrigin(cabinet));
  const answer: TWidgetShown = officialForms.includes(origin) ? { show: true } : { show: false, reason: "wrongDomain" };

  // The address first: one flooding client is stopped before it uses up the cabinet's budget.
  if (!(await countAttempt(`widget-seen:address:${ctx.address ?? "unknown"}`, SEEN_PER_ADDRESS, now)).allowed) return answer;
  if (!(await countAttempt(`widget-seen:lko:${lkoId}`, SEEN_PER_CABINET, now)).allowed) return answer;

  const seen = await db.widgetPlacement.updateMany({ where: { cabinetId: cabinet.id, origin }, data: { lastSeenAt: now, hits: { increment: 1 } } });
  if (seen.count === 0) {
    try {
      await db.$transaction(async (tx) => {
        if (!officialForms.includes(origin)) {
          // The cabinet's row is locked so that two new sites at once cannot both take the last place.
          await tx.$queryRaw`SELECT id FROM "Cabinet" WHERE id = ${cabinet.id} FOR UPDATE`;
          const others = await tx.widgetPlacement.count({ where: { cabinetId: cabinet.id, origin: { notIn: officialForms } } });
          if (others >= OTHER_SITES_KEPT) return;
        }
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
  return answer;
}

