import "server-only";
// Reminders before and after a message's deadline, to its executor and the cabinet's Руководитель
// (to its coordinators while no executor is set): «срок — завтра» on the working day before the
// planned day, «срок прошёл» the first day after it. The job runs on every instance; the unique
// (message, kind, planned day) row, inserted in the same transaction as the emails, lets exactly one
// of them send each reminder, once — a moved deadline («Перенос срока») gets its own reminders.
// Decision 074.
import { db, type AccountRoleKind } from "@/lib/db";
import { recordAudit } from "@/lib/audit/log";
import { now } from "@/lib/server/clock";
import { dateAsDay, dayAsDate, formatDay, regionDayOf } from "@/lib/ui/format";
import { addDays, previousWorkingDay, type TCalendar } from "./calendar";
import { loadCalendar } from "./deadlines";
import { notifyStaff } from "./notices";

const BATCH = 200;

/** Sends the reminders due now; returns how many messages got one (this instance's share). */
export async function sendDeadlineReminders(at = now()): Promise<number> {
  const today = regionDayOf(at);
  // Open messages whose planned day is at most a few days ahead (a long holiday can put the working day before far back).
  const horizon = dayAsDate(addDays(today, 14));
  const calendars = new Map<string, TCalendar>();
  let sent = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await db.citizenMessage.findMany({
      where: { stage: { notIn: ["CLOSED", "MODERATION"] }, plannedOn: { lte: horizon }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, number: true, plannedOn: true, executorId: true, cabinet: { select: { id: true, lkoId: true, name: true, regionId: true, organizationId: true } } },
    });
    for (const m of batch) {
      const region = m.cabinet.regionId;
      if (!calendars.has(region)) calendars.set(region, await loadCalendar(db, region));
      const planned = dateAsDay(m.plannedOn);
      const kind = today > planned ? "OVERDUE" : today >= previousWorkingDay(calendars.get(region)!, planned) && today < planned ? "DUE_SOON" : null;
      if (!kind) continue;
      const got = await db.$transaction(async (tx) => {
        const { count } = await tx.messageReminder.createMany({ data: [{ messageId: m.id, kind, plannedOn: m.plannedOn }], skipDuplicates: true });
        if (count === 0) return false; // another instance (or an earlier tick) sent it
        const n = {
          cabinet: m.cabinet, messageId: m.id, number: m.number, key: `message-reminder:${m.id}:${kind}:${planned}`,
          subject: kind === "OVERDUE" ? "Срок ответа прошёл" : "Завтра срок ответа",
          paragraphs: [kind === "OVERDUE" ? `Срок ответа — ${formatDay(m.plannedOn)} — прошёл, сообщение просрочено. Подготовьте и согласуйте ответ как можно скорее.` : `Срок ответа — ${formatDay(m.plannedOn)}. Подготовьте и согласуйте ответ до конца этого дня.`],
        };
        const roles: AccountRoleKind[] = m.executorId ? ["SUPERVISOR"] : ["COORDINATOR", "MODERATOR", "SUPERVISOR"];
        await notifyStaff(tx, { roles }, n);
        if (m.executorId) await notifyStaff(tx, { accountIds: [m.executorId] }, n);
        await recordAudit(tx, { action: `message.reminder_${kind.toLowerCase()}`, entityType: "CitizenMessage", entityId: m.id, cabinetId: m.cabinet.id, organizationId: m.cabinet.organizationId, data: { plannedOn: planned } });
        return true;
      });
      if (got) sent += 1;
    }
    if (batch.length < BATCH) return sent;
    after = batch[batch.length - 1].id;
  }
}
