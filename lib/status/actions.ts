"use server";
// Server actions of the monitoring section: reminders and the connection deadline.
import { revalidatePath } from "next/cache";
import { db, Prisma } from "@/lib/db";
import { defineAction, FORM_NOT_RECOGNIZED } from "@/lib/actions/define-action";
import { ActionError, ForbiddenError } from "@/lib/actions/errors";
import type { ActionResult } from "@/lib/actions/errors";
import { recordAudit } from "@/lib/audit/log";
import { ensureFreshStatus } from "./dashboard";
import { filterConditions, lateCondition, organsCte, parseDashboardQuery, scopeCondition, where } from "./query";
import { BULK_REMINDER_LIMIT, REMINDER_PAUSE_MINUTES, sendReminders, type TReminderOutcome } from "./reminders";
import { canEditDeadline } from "./deadline";
import { monitoringScopeOf, monitorsAnything, type TMonitoringScope } from "./scope";
import { ZConnectionDeadline, ZRemindInstitution, ZRemindLate } from "./schemas";
import { formatDate } from "./model";
import { forgetPublicStatus } from "./public";

async function inScope(scope: TMonitoringScope, organizationId: string): Promise<boolean> {
  await ensureFreshStatus();
  const rows = await db.$queryRaw<Array<{ ok: boolean }>>`
    WITH RECURSIVE ${organsCte(scope)}
    SELECT EXISTS (SELECT 1 FROM "ConnectionStatus" cs WHERE cs."organizationId" = ${organizationId} AND ${scopeCondition(scope)}) AS ok`;
  return rows[0]?.ok === true;
}

export const remindInstitution = defineAction({
  name: "status.remind",
  schema: ZRemindInstitution,
  async authorize(input, { session }) {
    const scope = await monitoringScopeOf(session.person.id);
    if (!monitorsAnything(scope) || !(await inScope(scope, input.organizationId))) throw new ForbiddenError("Это учреждение не входит в ваш мониторинг.");
  },
  async handler(input, { session }) {
    const outcome = await sendReminders([input.organizationId], session.person.id);
    revalidatePath("/monitoring");
    return { ...outcome, more: 0 };
  },
});

export const remindLate = defineAction({
  name: "status.remindLate",
  schema: ZRemindLate,
  async authorize(_input, { session }) {
    if (!monitorsAnything(await monitoringScopeOf(session.person.id))) throw new ForbiddenError();
  },
  async handler(input, { session }) {
    const scope = await monitoringScopeOf(session.person.id);
    const query = parseDashboardQuery(new URLSearchParams(input.view.replace(/^\?/, "")));
    await ensureFreshStatus();
    // The late institutions of the view that were not reminded within the pause, in the view's order of names.
    const rows = await db.$queryRaw<Array<{ organizationId: string; n: number }>>`
      WITH RECURSIVE ${organsCte(scope)}
      SELECT cs."organizationId", count(*) OVER ()::int AS n FROM "ConnectionStatus" cs
      WHERE ${scopeCondition(scope)} AND ${where(filterConditions(query))} AND ${lateCondition()}
        AND (cs."remindedAt" IS NULL OR cs."remindedAt" < now() - make_interval(mins => ${REMINDER_PAUSE_MINUTES}))
      ORDER BY cs."nameSortKey", cs."organizationId"
      LIMIT ${BULK_REMINDER_LIMIT}`;
    const outcome = await sendReminders(rows.map((r) => r.organizationId), session.person.id);
    revalidatePath("/monitoring");
    return { ...outcome, more: Math.max(0, (rows[0]?.n ?? 0) - rows.length) };
  },
});

export type TReminderResult = TReminderOutcome & { more: number };

/** Form action («Напомнить» in a row, and «Напомнить всем опоздавшим»): the result as a sentence. */
export async function remindAction(_prev: unknown, form: FormData): Promise<ActionResult<TReminderResult> & { message?: string }> {
  // An empty form is a valid «Напомнить всем опоздавшим», so a direct call with anything but
  // FormData is refused outright rather than read as one (and must not throw on form.has).
  if (!(form instanceof FormData)) return { ok: false, error: FORM_NOT_RECOGNIZED };
  const result = form.has("organizationId") ? await remindInstitution(form) : await remindLate(form);
  if (!result.ok) return result;
  return { ...result, message: reminderMessage(result.data) };
}

function reminderMessage(o: TReminderResult): string {
  const parts = [`Напоминаний отправлено: ${o.sent}.`];
  if (o.skipped > 0) parts.push(`Пропущено: ${o.skipped} (уже напоминали за последние ${REMINDER_PAUSE_MINUTES} минут или всё выполнено).`);
  if (o.noAddress > 0) parts.push(`Нет адреса электронной почты: ${o.noAddress}.`);
  if (o.more > 0) parts.push(`Осталось опоздавших без напоминания: ${o.more} — нажмите ещё раз, чтобы продолжить.`);
  return parts.join(" ");
}

export const setConnectionDeadline = defineAction({
  name: "status.setDeadline",
  schema: ZConnectionDeadline,
  async authorize(input, { session }) {
    const scope = await monitoringScopeOf(session.person.id);
    if (!(await canEditDeadline(scope, input.municipalityId))) throw new ForbiddenError("Срок этого муниципального образования может менять только его администрация или региональный оператор.");
  },
  async handler(input, { session }) {
    const deadline = new Date(`${input.deadline}T00:00:00Z`);
    await db.$transaction(async (tx) => {
      const before = await tx.municipality.findUnique({ where: { id: input.municipalityId }, select: { connectionDeadline: true } });
      if (!before) throw new ActionError("Муниципальное образование не найдено.");
      await tx.municipality.update({ where: { id: input.municipalityId }, data: { connectionDeadline: deadline } });
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "status.deadline_changed", entityType: "Municipality", entityId: input.municipalityId,
        data: { from: before.connectionDeadline?.toISOString().slice(0, 10) ?? null, to: input.deadline } as Prisma.InputJsonValue,
      });
    });
    revalidatePath("/monitoring", "layout");
    forgetPublicStatus();
    return { deadline: formatDate(deadline) };
  },
});

export async function setDeadlineAction(_prev: unknown, form: FormData) {
  const result = await setConnectionDeadline(form);
  return result.ok ? { ...result, message: `Срок подключения изменён: до ${result.data.deadline}.` } : result;
}
