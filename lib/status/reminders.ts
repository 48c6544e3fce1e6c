// «Напомнить»: an email to an institution's administrators listing exactly what is still to be
// done, through the outbox, with a Reminder row the dashboard shows. At most one reminder per
// institution in REMINDER_PAUSE_MINUTES, however often (or concurrently) people click.
import "server-only";
import { db, Prisma, type DbTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/log";
import { enqueueEmail } from "@/lib/mail/outbox";
import { renderEmail } from "@/lib/mail/layout";
import { portalUrl } from "@/lib/esia/config";
import { ensureFreshStatus } from "./dashboard";
import { formatDay, sentence } from "@/lib/ui/format";
import { missingText } from "./model";

export const REMINDER_PAUSE_MINUTES = 10;
/** How many institutions one click of «Напомнить всем опоздавшим» writes to; another click goes on. */
export const BULK_REMINDER_LIMIT = 2_000;
const TX_BATCH = 50;

export interface TReminderOutcome {
  sent: number;
  /** Already reminded within the pause, or nothing left to do. */
  skipped: number;
  /** No address to write to. */
  noAddress: number;
}

interface Target {
  organizationId: string;
  name: string;
  fullName: string;
  cabinetId: string | null;
  lkoId: number | null;
  missing: string[];
  overall: string;
  deadline: Date | null;
}

/** Sends the reminders to these institutions (their status rows must be in the caller's scope). */
export async function sendReminders(organizationIds: string[], actorPersonId: string, now = new Date()): Promise<TReminderOutcome> {
  const outcome: TReminderOutcome = { sent: 0, skipped: 0, noAddress: 0 };
  if (organizationIds.length === 0) return outcome;
  await ensureFreshStatus();
  for (let i = 0; i < organizationIds.length; i += TX_BATCH) {
    const ids = organizationIds.slice(i, i + TX_BATCH);
    const targets = await db.$queryRaw<Target[]>`
      SELECT cs."organizationId", cs.name, cs."fullName", cs."cabinetId", cs."lkoId", cs.missing, cs.overall::text AS overall, m."connectionDeadline" AS deadline
      FROM "ConnectionStatus" cs LEFT JOIN "Municipality" m ON m.id = cs."municipalityId"
      WHERE cs."organizationId" IN (${Prisma.join(ids)})`;
    const recipients = await recipientsOf(targets);
    await db.$transaction(async (tx) => {
      for (const t of targets) {
        if (t.overall === "CONNECTED" || t.missing.length === 0) {
          outcome.skipped += 1;
          continue;
        }
        // Two clicks at once: the second waits here and then sees the first one's reminder.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reminder:${t.organizationId}`}))`;
        const recent = await tx.reminder.findFirst({
          where: { organizationId: t.organizationId, sentAt: { gt: new Date(now.getTime() - REMINDER_PAUSE_MINUTES * 60_000) } },
          select: { id: true },
        });
        if (recent) {
          outcome.skipped += 1;
          continue;
        }
        const to = recipients.get(t.organizationId) ?? [];
        if (to.length === 0) {
          outcome.noAddress += 1;
          continue;
        }
        await remind(tx, t, to, actorPersonId, now);
        outcome.sent += 1;
      }
    }, { timeout: 60_000 });
  }
  return outcome;
}

async function remind(tx: DbTx, t: Target, to: string[], actorPersonId: string, now: Date) {
  const reminder = await tx.reminder.create({
    data: { organizationId: t.organizationId, sentAt: now, sentById: actorPersonId, missing: { codes: t.missing, to } },
    select: { id: true },
  });
  const email = reminderEmail(t, now);
  for (const address of to) {
    await enqueueEmail(tx, { to: address, ...email, dedupeKey: `reminder:${reminder.id}:${address}` });
  }
  await recordAudit(tx, {
    actorPersonId, action: "status.reminder_sent", entityType: "Organization", entityId: t.organizationId, cabinetId: t.cabinetId,
    organizationId: t.organizationId, data: { reminderId: reminder.id, missing: t.missing, recipients: to.length },
  });
}

export function reminderEmail(t: Pick<Target, "name" | "fullName" | "lkoId" | "missing" | "deadline" | "cabinetId">, now = new Date()) {
  const deadline = t.deadline
    ? t.deadline < now
      ? `Срок подключения — до ${formatDay(t.deadline)} — уже прошёл.`
      : `Срок подключения — до ${formatDay(t.deadline)}.`
    : null;
  const steps = t.missing.map((code, i) => `${i + 1}. ${missingText(code)}`);
  const content = renderEmail({
    title: "Напоминание о подключении к Платформе обратной связи",
    paragraphs: [
      sentence(`Учреждение: ${t.fullName}${t.lkoId ? ` (уникальный номер ЛКО ${t.lkoId})` : ""}`),
      ...(deadline ? [deadline] : []),
      "Осталось выполнить:",
      ...steps,
    ],
    action: t.cabinetId
      ? { label: "Открыть администрирование ЛКО", url: `${portalUrl()}/admin` }
      : { label: "Подать заявку на кабинет", url: `${portalUrl()}/registration` },
  });
  return { subject: `Напоминание о подключении к ПОС: ${t.name}`, ...content };
}

/**
 * Who is written to: the cabinet's administrators (Администратор ЛКО, confirmed or invited); when
 * it has none, the cabinet's email; without a cabinet, the request's email, then the
 * organization's email from ЕСИА.
 */
async function recipientsOf(targets: Target[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (targets.length === 0) return map;
  const rows = await db.$queryRaw<Array<{ organizationId: string; email: string }>>`
    WITH t AS (SELECT o.id, o.email FROM "Organization" o WHERE o.id IN (${Prisma.join(targets.map((t) => t.organizationId))}))
    SELECT t.id AS "organizationId", coalesce(
      admins.emails,
      CASE WHEN c.email IS NOT NULL THEN ARRAY[c.email] END,
      CASE WHEN rv.email IS NOT NULL THEN ARRAY[rv.email] END,
      CASE WHEN t.email IS NOT NULL THEN ARRAY[t.email] END
    ) AS emails
    FROM t
    LEFT JOIN "Cabinet" c ON c."organizationId" = t.id AND c.kind = 'WORK' AND c.status = 'ACTIVE'
    LEFT JOIN LATERAL (
      SELECT array_agg(DISTINCT a.email ORDER BY a.email) AS emails FROM "Account" a
      JOIN "AccountRole" r ON r."accountId" = a.id AND r.role = 'LKO_ADMIN'
      WHERE a."cabinetId" = c.id AND a.status IN ('CONFIRMED', 'INVITED')
    ) admins ON true
    LEFT JOIN LATERAL (
      SELECT rv.email FROM "CabinetRequest" r JOIN "CabinetRequestRevision" rv ON rv."requestId" = r.id AND rv.number = r."currentRevision"
      WHERE r."organizationId" = t.id AND r.kind = 'WORK' ORDER BY r."createdAt" DESC LIMIT 1
    ) rv ON true`.then((r) =>
    (r as unknown as Array<{ organizationId: string; emails: Array<string | null> | null }>).flatMap((x) =>
      (x.emails ?? []).filter((e): e is string => Boolean(e)).map((email) => ({ organizationId: x.organizationId, email })),
    ),
  );
  for (const r of rows) map.set(r.organizationId, [...(map.get(r.organizationId) ?? []), r.email.toLowerCase()]);
  return map;
}
