import "server-only";
// One way for every transition of the state machine (./workflow.ts) to be a server action:
// `load` finds the message through the cabinets where the person holds the transition's capability
// and the account they act with (for an executor's transitions: the one the message is given to);
// the handler refuses a version the person did not see (someone else acted first) or a state the
// transition cannot be taken from, then writes the change, its audit event (the card's history)
// and its emails in one transaction, the version bumped in the same UPDATE.
import type { z } from "zod";
import { db, type DbTx, type Prisma } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { ActionError, ConflictError, ForbiddenError } from "@/lib/actions/errors";
import type { Actor } from "@/lib/access/actor";
import { cabinetsWhere } from "@/lib/access/policies";
import { reachOf } from "@/lib/access/roles";
import type { PortalSession } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/log";
import { now } from "@/lib/server/clock";
import { MESSAGE_STAGE, MESSAGE_STATUS } from "@/lib/ui/strings";
import { allowedFrom, TRANSITIONS, type TTransition } from "./workflow";

export const STALE_MESSAGE = "Сообщение уже изменил другой сотрудник, пока вы работали с ним. Обновите страницу: вы увидите, что изменилось, и сможете продолжить.";
export const NO_RIGHT = "Нет прав на это действие с сообщением.";

export const MESSAGE_FOR_ACTION = {
  id: true, number: true, version: true, stage: true, status: true, category: true, subcategory: true, text: true, authorName: true, contact: true,
  plannedOn: true, createdAt: true, executorId: true, coordinatorId: true, answerText: true, resolution: true, answerRound: true, reReviews: true,
  extensionUntil: true, extensionReason: true, cabinetId: true,
  cabinet: { select: { id: true, lkoId: true, name: true, email: true, kind: true, regionId: true, organizationId: true, editorialCabinetId: true } },
} as const satisfies Prisma.CitizenMessageSelect;

export type TActionMessage = Prisma.CitizenMessageGetPayload<{ select: typeof MESSAGE_FOR_ACTION }>;

/** The person's active account in the cabinet whose role carries the capability there. */
export function actingAccount(actor: Actor, cabinetId: string, capability: (typeof TRANSITIONS)[TTransition]["capability"]) {
  return actor.accounts.find((a) => a.active && a.cabinetId === cabinetId && a.roles.some((r) => reachOf(r.role, capability).includes("own"))) ?? null;
}

export interface TTransitionContext<I> {
  input: I;
  tx: DbTx;
  message: TActionMessage;
  accountId: string;
  session: PortalSession;
  at: Date;
}

export interface TTransitionPlan<T> {
  /** What the UPDATE writes (the version is bumped by the helper). */
  update: Prisma.CitizenMessageUncheckedUpdateManyInput;
  /** The audit event: its verb (message.<event>) and what the history shows. */
  event: string;
  audit?: Record<string, Prisma.InputJsonValue | null>;
  /** After the UPDATE, in the same transaction: emails, ratings… */
  after?: () => Promise<void>;
  data: T;
}

export function defineTransition<S extends z.ZodType<{ messageId: string; version: number }>, T>(def: {
  name: string;
  transition: TTransition;
  schema: S;
  /** Reads and checks what the transition needs beyond the state (the executor, the target cabinet…); throws ActionError. */
  plan: (ctx: TTransitionContext<z.output<S>>) => Promise<TTransitionPlan<T>>;
  message?: string | ((data: T) => string);
  redirect?: (data: T & { lkoId: number }) => string;
}) {
  const rule = TRANSITIONS[def.transition];
  return defineAction({
    name: def.name,
    schema: def.schema,
    async load(input, { actor }) {
      const message = await db.citizenMessage.findFirst({
        where: { id: input.messageId, cabinet: { AND: [cabinetsWhere(actor, rule.capability), { status: "ACTIVE" }] } },
        select: MESSAGE_FOR_ACTION,
      });
      const account = message ? actingAccount(actor, message.cabinetId, rule.capability) : null;
      if (!message || !account) throw new ForbiddenError(NO_RIGHT);
      if (rule.assignedOnly && message.executorId !== account.accountId) throw new ForbiddenError("Сообщение назначено другому исполнителю: ответ готовит он.");
      return { message, accountId: account.accountId };
    },
    async handler(input, { session, resource: { message, accountId } }) {
      if (message.version !== input.version) throw new ConflictError(STALE_MESSAGE);
      if (!allowedFrom(def.transition, message)) {
        throw new ActionError(`Действие «${rule.label}» недоступно: сообщение на стадии «${MESSAGE_STAGE[message.stage]}», статус «${MESSAGE_STATUS[message.status]}».`);
      }
      const at = now();
      const data = await db.$transaction(async (tx) => {
        const plan = await def.plan({ input, tx, message, accountId, session, at });
        const { count } = await tx.citizenMessage.updateMany({ where: { id: message.id, version: message.version }, data: { ...plan.update, version: { increment: 1 } } });
        if (count === 0) throw new ConflictError(STALE_MESSAGE);
        const after = await tx.citizenMessage.findUniqueOrThrow({ where: { id: message.id }, select: { stage: true, status: true, cabinetId: true, cabinet: { select: { lkoId: true, organizationId: true } } } });
        await recordAudit(tx, {
          actorPersonId: session.person.id, action: `message.${plan.event}`, entityType: "CitizenMessage", entityId: message.id,
          cabinetId: message.cabinetId, organizationId: message.cabinet.organizationId,
          data: { accountId, stage: after.stage, status: after.status, ...plan.audit },
        });
        await plan.after?.();
        // lkoId: the cabinet the person acted in (after a redirect they may not see the new one); movedTo: where the message went.
        return { ...plan.data, lkoId: message.cabinet.lkoId, movedTo: after.cabinetId === message.cabinetId ? null : after.cabinet.lkoId };
      });
      return data;
    },
    // A redirect changes two cabinets' inboxes: every cabinet page is revalidated.
    revalidate: [["/admin/cabinets", "layout"]],
    form: { message: def.message, redirect: def.redirect ? (data) => def.redirect!(data) : undefined },
  });
}
