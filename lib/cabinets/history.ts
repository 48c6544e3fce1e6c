import "server-only";
import { db } from "@/lib/db";
import { fullName } from "@/lib/ui/format";

export const HISTORY_PAGE_SIZE = 30;

/** What happened in the cabinet, newest first: every audit event recorded with its id. */
export async function cabinetHistory(cabinetId: string, page: number) {
  const where = { cabinetId };
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * HISTORY_PAGE_SIZE,
      take: HISTORY_PAGE_SIZE,
      select: { id: true, at: true, action: true, actorPersonId: true, entityType: true, data: true },
    }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorPersonId).filter((x): x is string => Boolean(x)))];
  const persons = await db.person.findMany({ where: { id: { in: actorIds } }, select: { id: true, lastName: true, firstName: true, middleName: true } });
  const names = new Map(persons.map((p) => [p.id, fullName(p)]));
  return {
    total,
    pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
    events: events.map((e) => ({
      id: e.id.toString(),
      at: e.at,
      action: e.action,
      actor: e.actorPersonId ? (names.get(e.actorPersonId) ?? "—") : "Система",
      data: (e.data ?? {}) as Record<string, unknown>,
    })),
  };
}
