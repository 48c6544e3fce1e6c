import "server-only";
import { db, type AccountRoleKind, type CabinetKind, type DbTx, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { cabinetsWhere } from "@/lib/access/policies";
import { ASSIGNABLE_ROLES, ROLE_LABELS, rolesForCabinet } from "@/lib/access/roles";
import { ActionError, ForbiddenError } from "@/lib/actions/errors";
import { recordAudit } from "@/lib/audit/log";
import { issueInvitation } from "@/lib/invitations/service";
import { isUniqueViolation } from "@/lib/db/errors";
import { normalizeRussianPhone, type TAddAccount } from "./schemas";
import { displayStatus } from "./status";
import { lastAndFirstName } from "@/lib/ui/format";
import { ACCOUNT_STATUS } from "@/lib/ui/strings";

export interface CabinetForAccounts {
  id: string;
  lkoId: number;
  name: string;
  kind: CabinetKind;
  organizationId: string;
  /** Spheres a curator of this cabinet may be given: the cabinet's, or every sphere if it has none. */
  curatorSphereIds: string[];
}

const FOR_ACCOUNTS = { id: true, lkoId: true, name: true, kind: true, organizationId: true, spheres: { select: { sphereId: true } } } as const;

async function forAccounts(cabinet: Prisma.CabinetGetPayload<{ select: typeof FOR_ACCOUNTS }>, tx: DbTx): Promise<CabinetForAccounts> {
  const own = cabinet.spheres.map((s) => s.sphereId);
  const curatorSphereIds = own.length > 0 ? own : (await tx.sphere.findMany({ select: { id: true } })).map((s) => s.id);
  return { id: cabinet.id, lkoId: cabinet.lkoId, name: cabinet.name, kind: cabinet.kind, organizationId: cabinet.organizationId, curatorSphereIds };
}

/** A working cabinet as the accounts area needs it; null when it is archived or missing. */
export async function loadCabinetForAccounts(cabinetId: string, tx: DbTx = db): Promise<CabinetForAccounts | null> {
  const cabinet = await tx.cabinet.findFirst({ where: { id: cabinetId, status: "ACTIVE" }, select: FOR_ACCOUNTS });
  return cabinet ? forAccounts(cabinet, tx) : null;
}

/** For the accounts actions' load: the working cabinet whose accounts the person manages, or refused. */
export async function manageableCabinet(actor: Actor, cabinetId: string): Promise<CabinetForAccounts> {
  const cabinet = await db.cabinet.findFirst({ where: { AND: [{ id: cabinetId, status: "ACTIVE" }, cabinetsWhere(actor, "accounts.manage")] }, select: FOR_ACCOUNTS });
  if (!cabinet) throw new ForbiddenError("Нет прав на управление учётными записями этого кабинета.");
  return forAccounts(cabinet, db);
}

const EDITORIAL_ONLY_ROLES = `Роли ${ASSIGNABLE_ROLES.filter((r) => !rolesForCabinet("WORK").includes(r)).map((r) => `«${ROLE_LABELS[r]}»`).join(" и ")} есть только в кабинете редакции органа.`;

/** Field errors for roles the cabinet cannot have and spheres outside its list; empty when fine. */
export function roleProblems(input: Pick<TAddAccount, "roles" | "curatorSphereIds">, cabinet: CabinetForAccounts): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const allowed = rolesForCabinet(cabinet.kind);
  const foreign = input.roles.filter((r) => !allowed.includes(r));
  if (foreign.length > 0) problems.roles = [EDITORIAL_ONLY_ROLES];
  if (input.roles.includes("CURATOR") && input.curatorSphereIds.some((s) => !cabinet.curatorSphereIds.includes(s))) {
    problems.curatorSphereIds = ["Выберите сферы из списка сфер кабинета."];
  }
  return problems;
}

export const DUPLICATE_EMAIL_MESSAGE = "Учётная запись с таким адресом электронной почты уже есть в системе. Адрес должен быть индивидуален для каждой учётной записи.";

/**
 * Refuses an email that any account in the system already has. Where the existing account is in
 * a cabinet the actor manages, the message says where (so that they can restore or resend);
 * otherwise it does not reveal another organization's staff.
 */
export async function assertEmailFree(actor: Actor, email: string, tx: DbTx = db): Promise<void> {
  const existing = await tx.account.findUnique({
    where: { email },
    select: { status: true, cabinetId: true, cabinet: { select: { name: true } }, invitations: { select: { expiresAt: true, usedAt: true, revokedAt: true } } },
  });
  if (!existing) return;
  const visible = await tx.cabinet.count({ where: { AND: [{ id: existing.cabinetId }, cabinetsWhere(actor, "accounts.manage")] } });
  const where = visible ? ` Она в кабинете «${existing.cabinet.name}», статус «${ACCOUNT_STATUS[displayStatus(existing, new Date())]}».` : "";
  throw new ActionError(DUPLICATE_EMAIL_MESSAGE + where, { email: [DUPLICATE_EMAIL_MESSAGE + where] });
}

/** The database's unique index on Account.email (the last word when two requests race). */
export function isDuplicateEmailError(error: unknown): boolean {
  return isUniqueViolation(error, "email");
}

export function duplicateEmailConflict(): ActionError {
  return new ActionError(DUPLICATE_EMAIL_MESSAGE, { email: [DUPLICATE_EMAIL_MESSAGE] });
}

/** Creates an invited account with its roles, issues its invitation and records it; in the caller's transaction. */
export async function createInvitedAccount(
  tx: DbTx,
  input: TAddAccount,
  cabinet: CabinetForAccounts,
  actorPersonId: string,
  opts: { now?: Date; source?: "form" | "import" } = {},
): Promise<{ accountId: string }> {
  const now = opts.now ?? new Date();
  const roles = [...new Set(input.roles)] as AccountRoleKind[];
  const account = await tx.account.create({
    data: {
      cabinetId: cabinet.id,
      email: input.email,
      lastName: input.lastName,
      firstName: input.firstName,
      middleName: input.middleName || null,
      phone: input.phone ? normalizeRussianPhone(input.phone) : null,
      position: input.position,
      status: "INVITED",
      createdById: actorPersonId,
      createdAt: now,
      roles: {
        create: roles.map((role) => ({
          role,
          spheres: role === "CURATOR" ? { create: [...new Set(input.curatorSphereIds)].map((sphereId) => ({ sphereId })) } : undefined,
        })),
      },
    },
    select: { id: true, email: true, lastName: true, firstName: true, middleName: true },
  });
  const { expiresAt } = await issueInvitation(tx, { account: { ...account, roles }, cabinet }, now);
  await recordAudit(tx, {
    actorPersonId,
    action: "account.invited",
    entityType: "Account",
    entityId: account.id,
    cabinetId: cabinet.id,
    organizationId: cabinet.organizationId,
    data: {
      email: account.email, name: lastAndFirstName(account), roles, curatorSphereIds: roles.includes("CURATOR") ? input.curatorSphereIds : [],
      expiresAt: expiresAt.toISOString(), source: opts.source ?? "form",
    },
  });
  return { accountId: account.id };
}

/**
 * The account an action names, if the actor holds the capability on its cabinet; otherwise refused.
 * `notOwn`: the refusal when it is the actor's own account (nobody archives or approves themself;
 * the words say which).
 */
export async function accountForActor(actor: Actor, accountId: string, options: { notOwn?: string } = {}) {
  const account = await db.account.findFirst({
    where: { id: accountId, cabinet: cabinetsWhere(actor, "accounts.manage") },
    select: {
      id: true, email: true, status: true, statusBeforeArchive: true, personId: true, lastName: true, firstName: true, middleName: true,
      roles: { select: { role: true } },
      // Who accepted, as ЕСИА named them (issue 17, finding 3).
      person: { select: { lastName: true, firstName: true, middleName: true, email: true } },
      cabinet: { select: { id: true, lkoId: true, name: true, organizationId: true, status: true } },
    },
  });
  // Another organ's account and a missing one get the same answer.
  if (!account) throw new ForbiddenError("Нет доступа к этой учётной записи.");
  if (options.notOwn && account.personId === actor.personId) throw new ForbiddenError(options.notOwn);
  return account;
}


/** The cabinets where the person's accepted invitation waits for an administrator (decision 077), for /admin to say so. */
export async function accountsAwaitingApprovalOf(personId: string): Promise<Array<{ lkoId: number; name: string }>> {
  const rows = await db.account.findMany({
    where: { personId, status: "AWAITING_APPROVAL", cabinet: { status: "ACTIVE" } },
    orderBy: { createdAt: "asc" },
    select: { cabinet: { select: { lkoId: true, name: true } } },
  });
  return rows.map((r) => r.cabinet);
}
