"use server";
import { db } from "@/lib/db";
import { defineAction, formSwitch } from "@/lib/actions/define-action";
import { ActionError, ConflictError, ForbiddenError } from "@/lib/actions/errors";
import { recordAudit } from "@/lib/audit/log";
import { fullName } from "@/lib/ui/format";
import { isUniqueViolation } from "@/lib/db/errors";
import { issueInvitation } from "@/lib/invitations/service";
import { tellPersonApproved } from "@/lib/invitations/approval";
import { buildImportReport, type TImportReport } from "./import";
import { ZAccountRef, ZAddAccount, ZConfirmTraining, ZImportAccounts } from "./schemas";
import { accountForActor, assertEmailFree, createInvitedAccount, duplicateEmailConflict, isDuplicateEmailError, manageableCabinet, roleProblems } from "./service";
import { confirmTrainingFor, safeNextPath } from "./training";

// Accounts show in the tree, the cabinet's tabs and the navigation: the whole admin area changes.
const ADMIN_AREA = [["/admin", "layout"]] as const;

// ───────────── «Добавить пользователя» ─────────────

export const addAccount = defineAction({
  name: "accounts.add",
  schema: ZAddAccount,
  load: (input, { actor }) => manageableCabinet(actor, input.cabinetId),
  async handler(input, { session, actor, resource: cabinet }) {
    const problems = roleProblems(input, cabinet);
    if (Object.keys(problems).length > 0) throw new ActionError("Проверьте роли пользователя.", problems);
    await assertEmailFree(actor, input.email);
    try {
      const { accountId } = await db.$transaction((tx) => createInvitedAccount(tx, input, cabinet, session.person.id));
      return { accountId, lkoId: cabinet.lkoId, email: input.email };
    } catch (error) {
      // Two administrators adding the same address at once: the unique index lets one through.
      if (isDuplicateEmailError(error)) throw duplicateEmailConflict();
      throw error;
    }
  },
  revalidate: ADMIN_AREA,
  // Back to the table, which says once where the invitation went (also without JavaScript).
  form: {
    redirect: (data) => `/admin/cabinets/${data.lkoId}/accounts`,
    flash: (data) => ({
      tone: "success",
      title: `Пользователь добавлен, приглашение отправлено на ${data.email}.`,
      text: "Статус станет «Подтвержден», когда он перейдёт по ссылке из письма и войдёт через Госуслуги.",
    }),
  },
});
export const addAccountForm = addAccount.form;

// ───────────── Row actions: resend, archive, restore ─────────────

export const resendInvitation = defineAction({
  name: "accounts.resendInvitation",
  schema: ZAccountRef,
  load: (input, { actor }) => accountForActor(actor, input.accountId),
  async handler(_input, { session, resource: account }) {
    if (account.status === "CONFIRMED") throw new ConflictError("Учётная запись уже подтверждена: приглашение не нужно.");
    if (account.status === "AWAITING_APPROVAL") throw new ConflictError("Приглашение уже принято: подтвердите учётную запись или перенесите её в архив.");
    if (account.status === "ARCHIVED") throw new ConflictError("Учётная запись в архиве: сначала восстановите её.");
    // The link would only say «Приглашение отменено» (an archived cabinet takes no one).
    if (account.cabinet.status !== "ACTIVE") throw new ConflictError("Кабинет в архиве: приглашения в него не отправляются.");
    const now = new Date();
    try {
      return await db.$transaction(async (tx) => {
        const current = await tx.account.findUnique({ where: { id: account.id }, select: { status: true } });
        if (current?.status !== "INVITED") throw new ConflictError("Статус учётной записи изменился. Обновите страницу.");
        const issued = await issueInvitation(tx, { account: { ...account, roles: account.roles.map((r) => r.role) }, cabinet: account.cabinet }, now);
        await recordAudit(tx, {
          actorPersonId: session.person.id, action: "account.invitation_resent", entityType: "Account", entityId: account.id,
          cabinetId: account.cabinet.id, organizationId: account.cabinet.organizationId,
          data: { email: account.email, revokedLinks: issued.revoked, expiresAt: issued.expiresAt.toISOString() },
        });
        return { expiresAt: issued.expiresAt, revoked: issued.revoked };
      });
    } catch (error) {
      // The partial unique index allows one live link: a simultaneous resend lost the race.
      if (isUniqueViolation(error)) throw new ConflictError("Приглашение только что отправлено повторно. Обновите страницу.");
      throw error;
    }
  },
  revalidate: ADMIN_AREA,
  form: { message: "Приглашение отправлено повторно. Прежняя ссылка больше не действует." },
});

export const archiveAccount = defineAction({
  name: "accounts.archive",
  schema: ZAccountRef,
  load: (input, { actor }) => accountForActor(actor, input.accountId, { notOwn: "Нельзя перенести в архив собственную учётную запись." }),
  async handler(_input, { session, resource: account }) {
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
    return { sessionsEnded, lkoId: account.cabinet.lkoId, name: fullName(account) };
  },
  revalidate: ADMIN_AREA,
  // Back to the table, which says it once (lib/ui/flash.ts).
  form: {
    redirect: (data) => `/admin/cabinets/${data.lkoId}/accounts`,
    flash: (data) => ({
      tone: "success",
      title: `Учётная запись ${data.name} перенесена в архив. Доступ пользователя прекращён.`,
      text: data.sessionsEnded > 0 ? "Открытые сеансы пользователя завершены." : undefined,
    }),
  },
});

export const restoreAccount = defineAction({
  name: "accounts.restore",
  schema: ZAccountRef,
  load: (input, { actor }) => accountForActor(actor, input.accountId),
  async handler(_input, { session, resource: account }) {
    if (account.status !== "ARCHIVED") throw new ConflictError("Учётная запись не в архиве.");
    // An account that waited for the administrator waits again (decision 077).
    const before = account.statusBeforeArchive;
    const status = (before === "CONFIRMED" || before === "AWAITING_APPROVAL") && account.personId ? before : "INVITED";
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
    return { status };
  },
  revalidate: ADMIN_AREA,
  form: { message: "Учётная запись восстановлена." },
});

/**
 * «Подтвердить»: an invitation accepted through ЕСИА membership by a person with another name
 * waits for this (decision 077); the account then grants its roles (after the training tick).
 * Nobody approves their own: an organ's administrator may have accepted a subordinate's link.
 */
export const approveAccount = defineAction({
  name: "accounts.approve",
  schema: ZAccountRef,
  load: (input, { actor }) => accountForActor(actor, input.accountId, { notOwn: "Нельзя подтвердить собственную учётную запись: это делает другой администратор ЛКО." }),
  async handler(_input, { session, resource: account }) {
    if (account.status !== "AWAITING_APPROVAL") throw new ConflictError("Учётная запись не ожидает подтверждения администратором. Обновите страницу.");
    const now = new Date();
    await db.$transaction(async (tx) => {
      const { count } = await tx.account.updateMany({ where: { id: account.id, status: "AWAITING_APPROVAL" }, data: { status: "CONFIRMED", confirmedAt: now } });
      if (count === 0) throw new ConflictError("Статус учётной записи изменился. Обновите страницу.");
      await recordAudit(tx, {
        actorPersonId: session.person.id, action: "account.approved", entityType: "Account", entityId: account.id,
        cabinetId: account.cabinet.id, organizationId: account.cabinet.organizationId,
        data: { email: account.email, acceptedBy: account.person ? fullName(account.person) : null },
      });
      await tellPersonApproved(tx, account);
    });
    return { name: fullName(account) };
  },
  revalidate: ADMIN_AREA,
  form: { message: "Учётная запись подтверждена. Доступ откроется после отметки «Мною пройдено обучение»." },
});

/**
 * «В архив» after its confirmation page (…/accounts/[accountId]/archive), never one click in the
 * table: archiving ends the person's access at once.
 */
export const archiveAccountForm = archiveAccount.form;

// «В архив» is not among them: it asks first, on a page of its own.
const ROW_ACTIONS = { resend: resendInvitation, restore: restoreAccount, approve: approveAccount } as const;

/** One form per table row: the pressed button names the action (works without JavaScript too). */
export const accountRowForm = formSwitch<unknown>(Object.values(ROW_ACTIONS), ({ intent }) =>
  // Own keys only: "constructor" or "hasOwnProperty" must not reach Object.prototype.
  typeof intent === "string" && Object.hasOwn(ROW_ACTIONS, intent) ? ROW_ACTIONS[intent as keyof typeof ROW_ACTIONS] : null,
);

// ───────────── Bulk import from CSV ─────────────

/** Dry run: every row checked, nothing written. */
export const previewAccountImport = defineAction({
  name: "accounts.import.preview",
  schema: ZImportAccounts,
  load: (input, { actor }) => manageableCabinet(actor, input.cabinetId),
  async handler(input, { actor, resource: cabinet }): Promise<TImportReport> {
    return (await buildImportReport(input.csv, cabinet, actor)).report;
  },
});

/** The import itself: the same checks again, then every row in one transaction — or nothing. */
export const importAccounts = defineAction({
  name: "accounts.import",
  schema: ZImportAccounts,
  load: (input, { actor }) => manageableCabinet(actor, input.cabinetId),
  async handler(input, { session, actor, resource: cabinet }): Promise<TImportReport> {
    const { report, valid } = await buildImportReport(input.csv, cabinet, actor);
    if (report.errorCount > 0 || valid.length === 0) return { ...report, imported: 0 };
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
    return { ...report, imported: valid.length };
  },
  revalidate: ADMIN_AREA,
});

/** «Проверить файл» and «Загрузить»: one form, the pressed button says which (works without JavaScript too). */
export const accountImportForm = formSwitch<TImportReport>([importAccounts, previewAccountImport], ({ step }) => (step === "import" ? importAccounts : previewAccountImport));

// ───────────── «Мною пройдено обучение» ─────────────

export const confirmTraining = defineAction({
  name: "accounts.confirmTraining",
  schema: ZConfirmTraining,
  async load(_input, { session }) {
    // Counted here, not taken from the actor: an account of an archived cabinet waits for the tick too.
    const awaiting = await db.account.count({ where: { personId: session.person.id, status: "CONFIRMED", trainingConfirmedAt: null } });
    if (awaiting === 0) throw new ForbiddenError("Отметка об обучении уже стоит или у вас нет подтверждённых учётных записей.");
    return awaiting;
  },
  async handler(input, { session }) {
    const confirmed = await confirmTrainingFor(session.person.id);
    return { confirmed, next: safeNextPath(input.next) };
  },
  revalidate: ADMIN_AREA,
  form: { redirect: (data) => data.next },
});
export const confirmTrainingForm = confirmTraining.form;
