import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/log";

/** The areas the training gate guards (lib/access/guards.ts), and so the only places to return to after the tick. */
const GATED_AREAS = ["/admin", "/monitoring"];
const inArea = (path: string, area: string) => path === area || path.startsWith(`${area}/`) || path.startsWith(`${area}?`);

/** Where to go after the tick: only the gated areas' own paths (no open redirect). */
export function safeNextPath(next: string | undefined | null): string {
  if (!next || !GATED_AREAS.some((a) => inArea(next, a)) || next.startsWith("//") || next.includes("\\") || /[\r\n]/.test(next)) return "/admin";
  return next;
}

export const trainingUrl = (next: string) => `/training?next=${encodeURIComponent(safeNextPath(next))}`;

/**
 * Records the tick on every confirmed account of the person that waits for it: the person has
 * been trained, whichever cabinet they entered first. One audit event per account (its cabinet's history).
 */
export async function confirmTrainingFor(personId: string, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const waiting = await tx.account.findMany({
      where: { personId, status: "CONFIRMED", trainingConfirmedAt: null },
      select: { id: true, email: true, cabinetId: true, cabinet: { select: { organizationId: true } } },
    });
    for (const a of waiting) {
      const { count } = await tx.account.updateMany({ where: { id: a.id, trainingConfirmedAt: null }, data: { trainingConfirmedAt: now } });
      if (count === 0) continue;
      await recordAudit(tx, {
        actorPersonId: personId, action: "account.training_confirmed", entityType: "Account", entityId: a.id, cabinetId: a.cabinetId,
        organizationId: a.cabinet.organizationId, data: { email: a.email, at: now.toISOString() },
      });
    }
    return waiting.length;
  });
}
