"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { goWithFlash } from "@/lib/ui/flash-server";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/access/actor";
import { defineAction, formDataToObject } from "@/lib/actions/define-action";
import { ActionError, ConflictError, ForbiddenError, type ActionResult } from "@/lib/actions/errors";
import { recordAudit } from "@/lib/audit/log";
import { issueInvitation } from "@/lib/invitations/service";
import { isUniqueViolation } from "./db-errors";
import { buildImportReport, type TImportReport } from "./import";
import { ZAccountRef, ZAddAccount, ZConfirmTraining, ZImportAccounts } from "./schemas";
import {
  accountForActor, assertCanManageCabinet, assertEmailFree, createInvitedAccount, duplicateEmailConflict, isDuplicateEmailError,
  loadCabinetForAccounts, roleProblems,
} from "./service";
import { confirmTrainingFor, safeNextPath } from "./training";

const refresh = () => revalidatePath("/admin", "layout");

// ───────────── «Добавить пользователя» ─────────────

export const addAccount = defineAction({
  name: "accounts.add",
  schema: ZAddAccount,
  async authorize(input, { session }) {
    await assertCanManageCabinet(await loadActor(session.person.id), input.cabinetId);
  },
  async handler(input, { session }) {
    const cabinet = await loadCabinetForAccounts(input.cabinetId);
    if (!cabinet) throw new ForbiddenError();
    const problems = roleProblems(input, cabinet);
    if (Object.keys(problems).length > 0) throw new ActionError("Проверьте роли пользователя.", problems);
    await assertEmailFree(await loadActor(session.person.id), input.email);
    try {
      const { accountId } = await db.$transaction((tx) => createInvitedAccount(tx, input, cabinet, session.person.id));
      refresh();
      return { accountId, lkoId: cabinet.lkoId, email: input.email };
    } catch (error) {
      // Two administrators adding the same address at once: the unique index lets one through.
      if (isDuplicateEmailError(error)) throw duplicateEmailConflict();
      throw error;
    }
  },
});

/** Form action of «Добавить пользователя» (also without JavaScript): back to the table, which says it once. */
export async function addAccountFormAction(_prev: unknown, form: FormData) {
  const result = await addAccount(form);
  if (result.ok) {
    const data = await goWithFlash(`/admin/cabinets/${result.data.lkoId}/accounts`, {
      tone: "success",
      title: `Пользователь добавлен, приглашение отправлено на ${result.data.email}.`,
      text: "Статус станет «Подтвержден», когда он перейдёт по ссылке из письма и войдёт через Госуслуги.",
    });
    return { ok: true as const, data };
  }
  return { ...result, values: formDataToObject(form) };
}

// ───────────── Row actions: resend, archive, restore ─────────────

export const resendInvitation = defineAction({
  name: "accounts.resendInvitation",
  schema: ZAccountRef,
  async authorize(input, { session }) {
    await accountForActor(await loadActor(session.person.id), input.accountId);
  },
  async handler(input, { session }) {
    const account = await accountForActor(await loadActor(session.person.id), input.accountId);
    if (account.status === "CONFIRMED") throw new ConflictError("Учётная запись уже подтверждена: приглашение не нужно.");
    if (account.status === "ARCHIVED") throw new ConflictError("Учётная запись в архиве: сначала восстановите её.");
    // The link would only say «Приглашение отменено» (an archived cabinet takes no one).
    if (account.cabinet.status !== "ACTIVE") throw new ConflictError("Кабинет в архиве: приглашения в него не отправляются.");
    const now = new Date();
    try {
      const { expiresAt, revoked } = await db.$transaction(async (tx) => {
        const current = await tx.account.findUnique({ where: { id: account.id }, select: { status: true } });
        if (current?.status !== "INVITED") throw new ConflictError("Статус учётной записи изменился. Обновите страницу.");
        const issued = await issueInvitation(tx, { account: { ...account, roles: account.roles.map((r) => r.role) }, cabinet: account.cabinet }, now);
        await recordAudit(tx, {
          actorPersonId: session.person.id, action: "account.invitation_resent", entityType: "Account", entityId: account.id,
          cabinetId: account.cabinet.id, organizationId: account.cabinet.organizationId,
          data: { email: account.email, revokedLinks: issued.revoked, expiresAt: issued.expiresAt.toISOString() },
        });
        return issued;
      });
      refresh();
      return { expiresAt, revoked };
    } catch (error) {
      // The partial unique index allows one live link: a simultaneous resend lost the race.
      if (isUniqueViolation(error)) throw new ConflictError("Приглашение только что отправлено повторно. Обновите страницу.");
      throw error;
    }
  },
});

export const archiveAccount = defineAction({
  name: "accounts.archive",
  schema: ZAccountRef,
  async authorize(input, { session }) {
    const account = await accountForActor(await loadActor(session.person.id), input.accountId);
    if (account.personId === session.person.id) throw new ForbiddenError("Нельзя перенести в архив собственную учётную запись.");
  },
  async handler(input, { session }) {
    const account = await accountForActor(await loadActor(session.person.id), input.accountId);
    if (account.status === "ARCHIVED") throw new ConflictError("Учётная запись уже в архиве.");
    const now = new Date();
    const sessionsEnded = await db.$transaction(async (tx) => {
      const { count } = await tx.account.updateMany({
        where: { id: account.id, status: account.status },
        data: { status: "ARCHIVED", statusBeforeArchive: account.status, archivedAt: now },
      });
      if (count === 0) throw new ConflictError("Статус учётной записи изменился. Обновите страницу.");
      await tx.invitation.updateMany({ where: { accountId: account.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
      // Access ends at once: every portal session of the person is ended (docs/decisions/007-accounts-invitations.md).
      const ended = account.personId
        ? (await tx.authSession.updateMany({ where: { personId: account.personId, revokedAt: null }, data: { revokedAt: now } })).count
        : 0;
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "account.archived", entityType: "Account", entityId: account.id,
        cabinetId: account.cabinet.id, organizationId: account.cabinet.organizationId,
        data: { email: account.email, statusBefore: account.status, sessionsEnded: ended },
      });
      return ended;
    });
    refresh();
    const name = [account.lastName, account.firstName, account.middleName].filter(Boolean).join(" ");
    return { sessionsEnded, lkoId: account.cabinet.lkoId, name };
  },
});

export const restoreAccount = defineAction({
  name: "accounts.restore",
  schema: ZAccountRef,
  async authorize(input, { session }) {
    await accountForActor(await loadActor(session.person.id), input.accountId);
  },
  async handler(input, { session }) {
    const account = await accountForActor(await loadActor(session.person.id), input.accountId);
    if (account.status !== "ARCHIVED") throw new ConflictError("Учётная запись не в архиве.");
    const status = account.statusBeforeArchive === "CONFIRMED" && account.personId ? "CONFIRMED" : "INVITED";
    await db.$transaction(async (tx) => {
      const { count } = await tx.account.updateMany({
        where: { id: account.id, status: "ARCHIVED" },
        data: { status, statusBeforeArchive: null, archivedAt: null },
      });
      if (count === 0) throw new ConflictError("Статус учётной записи изменился. Обновите страницу.");
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "account.restored", entityType: "Account", entityId: account.id,
        cabinetId: account.cabinet.id, organizationId: account.cabinet.organizationId, data: { email: account.email, status },
      });
    });
    refresh();
    return { status };
  },
});

/**
 * «В архив» after its confirmation page (…/accounts/[accountId]/archive): back to the table, which
 * says it once. Never one click in the table: archiving ends the person's access at once.
 */
export async function archiveAccountFormAction(_prev: unknown, form: FormData) {
  const result = await archiveAccount(form);
  if (!result.ok) return result;
  const data = await goWithFlash(`/admin/cabinets/${result.data.lkoId}/accounts`, {
    tone: "success",
    title: `Учётная запись ${result.data.name} перенесена в архив. Доступ пользователя прекращён.`,
    text: result.data.sessionsEnded > 0 ? "Открытые сеансы пользователя завершены." : undefined,
  });
  return { ok: true as const, data };
}

const ROW_ACTIONS = { resend: resendInvitation, restore: restoreAccount } as const;
const ROW_DONE: Record<keyof typeof ROW_ACTIONS, string> = {
  resend: "Приглашение отправлено повторно. Прежняя ссылка больше не действует.",
  restore: "Учётная запись восстановлена.",
};

/** One form per table row: the pressed button names the action (works without JavaScript too). */
export async function accountRowFormAction(_prev: unknown, form: FormData): Promise<ActionResult<unknown>> {
  // Read through formDataToObject: a direct call with anything but FormData must not throw. Own keys
  // only: "constructor" or "hasOwnProperty" must not reach Object.prototype.
  const intent = String(formDataToObject(form).intent ?? "") as keyof typeof ROW_ACTIONS;
  if (!Object.hasOwn(ROW_ACTIONS, intent)) return { ok: false, error: "Неизвестное действие." };
  const action = ROW_ACTIONS[intent];
  const result = await action(form);
  return result.ok ? { ...result, message: ROW_DONE[intent] } : result;
}

// ───────────── Bulk import from CSV ─────────────

async function importPrecheck(cabinetId: string, personId: string) {
  await assertCanManageCabinet(await loadActor(personId), cabinetId);
}

/** Dry run: every row checked, nothing written. */
export const previewAccountImport = defineAction({
  name: "accounts.import.preview",
  schema: ZImportAccounts,
  authorize: (input, { session }) => importPrecheck(input.cabinetId, session.person.id),
  async handler(input, { session }): Promise<TImportReport> {
    const cabinet = await loadCabinetForAccounts(input.cabinetId);
    if (!cabinet) throw new ForbiddenError();
    return (await buildImportReport(input.csv, cabinet, await loadActor(session.person.id))).report;
  },
});

/** The import itself: the same checks again, then every row in one transaction — or nothing. */
export const importAccounts = defineAction({
  name: "accounts.import",
  schema: ZImportAccounts,
  authorize: (input, { session }) => importPrecheck(input.cabinetId, session.person.id),
  async handler(input, { session }): Promise<TImportReport> {
    const cabinet = await loadCabinetForAccounts(input.cabinetId);
    if (!cabinet) throw new ForbiddenError();
    const { report, valid } = await buildImportReport(input.csv, cabinet, await loadActor(session.person.id));
    if (report.errorCount > 0 || valid.length === 0) return report;
    const now = new Date();
    try {
      await db.$transaction(
        async (tx) => {
          for (const row of valid) await createInvitedAccount(tx, row, cabinet, session.person.id, { now, source: "import" });
          await recordAudit(tx, {
            actorPersonId: session.person.id, action: "accounts.imported", entityType: "Cabinet", entityId: cabinet.id, cabinetId: cabinet.id,
            organizationId: cabinet.organizationId, data: { count: valid.length, emails: valid.map((r) => r.email) },
          });
        },
        { timeout: 60_000 },
      );
    } catch (error) {
      if (isDuplicateEmailError(error)) throw new ConflictError("Пока шла загрузка, один из адресов занял другой пользователь. Ничего не записано: проверьте файл ещё раз.");
      throw error;
    }
    refresh();
    return { ...report, imported: valid.length };
  },
});

// ───────────── «Мною пройдено обучение» ─────────────

export const confirmTraining = defineAction({
  name: "accounts.confirmTraining",
  schema: ZConfirmTraining,
  async authorize(_input, { session }) {
    const awaiting = await db.account.count({ where: { personId: session.person.id, status: "CONFIRMED", trainingConfirmedAt: null } });
    if (awaiting === 0) throw new ForbiddenError("Отметка об обучении уже стоит или у вас нет подтверждённых учётных записей.");
  },
  async handler(input, { session }) {
    const confirmed = await confirmTrainingFor(session.person.id);
    refresh();
    return { confirmed, next: safeNextPath(input.next) };
  },
});

export async function confirmTrainingFormAction(_prev: unknown, form: FormData) {
  const result = await confirmTraining(form);
  if (result.ok) redirect(result.data.next);
  return result;
}
