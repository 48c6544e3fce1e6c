"use server";
// Server actions of the monitoring section: reminders and the connection deadline.
import { db, Prisma } from "@/lib/db";
import { monitoringRoots, monitorsAnything, type TMonitoringScope } from "@/lib/access/policies";
import { defineAction, formSwitch, type ActionContext } from "@/lib/actions/define-action";
import { ActionError, ForbiddenError } from "@/lib/actions/errors";
import { recordAudit } from "@/lib/audit/log";
import { ensureFreshStatus } from "./dashboard";
import { filterConditions, lateCondition, organsCte, parseDashboardQuery, scopeCondition, where } from "./query";
import { BULK_REMINDER_LIMIT, REMINDER_PAUSE_MINUTES, sendReminders, type TReminderOutcome } from "./reminders";
import { canEditDeadline } from "./deadline";
import { ZConnectionDeadline, ZRemindInstitution, ZRemindLate } from "./schemas";
import { formatDay } from "@/lib/ui/format";
import { forgetPublicStatus } from "./public";

/** The institutions the person monitors, or refused. */
function monitoringScope({ actor }: ActionContext, refusal?: string): TMonitoringScope {
  const scope = monitoringRoots(actor);
  if (!monitorsAnything(scope)) throw new ForbiddenError(refusal);
  return scope;
}

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
  async load(input, ctx) {
    const refusal = "Это учреждение не входит в ваш мониторинг.";
    const scope = monitoringScope(ctx, refusal);
    if (!(await inScope(scope, input.organizationId))) throw new ForbiddenError(refusal);
    return scope;
  },
  async handler(input, { session }) {
    const outcome = await sendReminders([input.organizationId], session.person.id);
    return { ...outcome, more: 0 };
  },
  revalidate: ["/monitoring"],
  form: { message: (data) => reminderMessage(data) },
});

export const remindLate = defineAction({
  name: "status.remindLate",
  schema: ZRemindLate,
  load: async (_input, ctx) => monitoringScope(ctx),
  async handler(input, { session, resource: scope }) {
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
    return { ...outcome, more: Math.max(0, (rows[0]?.n ?? 0) - rows.length) };
  },
  revalidate: ["/monitoring"],
  form: { message: (data) => reminderMessage(data) },
});

export type TReminderResult = TReminderOutcome & { more: number };

/**
 * «Напомнить» in a row (its button carries organizationId) and «Напомнить всем опоздавшим»: one form,
 * the result as a sentence. An empty form is a valid «всем опоздавшим», so anything but FormData is refused.
 */
export const remindForm = formSwitch<TReminderResult>([remindInstitution, remindLate], (values) => ("organizationId" in values ? remindInstitution : remindLate));

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
  async load(input, { actor }) {
    const scope = monitoringRoots(actor);
    if (!(await canEditDeadline(scope, input.municipalityId))) throw new ForbiddenError("Срок этого муниципального образования может менять только его администрация или региональный оператор.");
    return scope;
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
    forgetPublicStatus();
    return { deadline: formatDay(deadline) };
  },
  revalidate: [["/monitoring", "layout"]],
  form: { message: (data) => `Срок подключения изменён: до ${data.deadline}.` },
});
export const setConnectionDeadlineForm = setConnectionDeadline.form;
