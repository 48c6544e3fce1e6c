import "server-only";
// The message card: the message in its current cabinet, its full history (its audit events, which
// move with it when it is redirected), and what the card offers to act with.
import { db } from "@/lib/db";
import { fullName } from "@/lib/ui/format";
import { isOverdue } from "./deadlines";
import { executorsOf, redirectTargets } from "./routing";

const name = (a: { lastName: string; firstName: string; middleName: string | null } | null) => (a ? fullName(a) : null);
const PERSON = { select: { lastName: true, firstName: true, middleName: true } } as const;

export async function messageCard(cabinet: { id: string; kind: string; organizationId: string; editorialCabinetId: string | null }, messageId: string) {
  const m = await db.citizenMessage.findFirst({
    where: { id: messageId, cabinetId: cabinet.id },
    select: {
      id: true, number: true, version: true, category: true, subcategory: true, text: true, authorName: true, contact: true, consentAt: true, origin: true,
      stage: true, status: true, plannedOn: true, closedAt: true, createdAt: true, rejection: true, resolution: true, answerText: true, executorId: true,
      extensionUntil: true, extensionReason: true, reReviews: true, answerRound: true, rating: true, resolvedByCitizen: true,
      receivedCabinet: { select: { name: true, lkoId: true } }, executor: PERSON, coordinator: PERSON, supervisor: PERSON,
    },
  });
  if (!m) return null;
  const [events, executors, targets, templates] = await Promise.all([
    db.auditEvent.findMany({ where: { entityType: "CitizenMessage", entityId: m.id }, orderBy: { id: "asc" }, select: { id: true, at: true, action: true, actorPersonId: true, data: true } }),
    executorsOf(db, cabinet.id),
    redirectTargets(db, cabinet),
    db.answerTemplate.findMany({ where: { cabinetId: cabinet.id }, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true } }),
  ]);
  const personIds = [...new Set(events.map((e) => e.actorPersonId).filter((p): p is string => Boolean(p)))];
  const persons = new Map((await db.person.findMany({ where: { id: { in: personIds } }, select: { id: true, lastName: true, firstName: true, middleName: true } })).map((p) => [p.id, fullName(p)]));
  return {
    ...m,
    overdue: isOverdue(m),
    executorName: name(m.executor),
    coordinatorName: name(m.coordinator),
    supervisorName: name(m.supervisor),
    history: events.map((e) => ({ id: String(e.id), at: e.at, action: e.action, actor: e.actorPersonId ? (persons.get(e.actorPersonId) ?? null) : null, data: (e.data ?? {}) as Record<string, unknown> })),
    executors,
    targets,
    templates,
  };
}
export type TMessageCard = NonNullable<Awaited<ReturnType<typeof messageCard>>>;
