// The message back office as a state machine: which transition may be taken from which stage and
// status, by whom (the capability), and where it leads. Pure: the actions (./actions.ts) check
// here before they write, the card (app/admin/cabinets/[lkoId]/messages/[messageId]) offers only
// what is allowed here. See docs/decisions/074-message-workflow.md.
import type { MessageStage, MessageStatus } from "@/lib/db/generated/enums";
import type { CabinetCapability } from "@/lib/access/roles";

export type TTransition =
  | "accept" // Модерация → Координация
  | "reject" // Модерация → Завершено («Отклонено модератором»)
  | "categorize" // category and subcategory (the planned date follows the category's rule)
  | "assign" // → Исполнение («Назначен исполнитель»)
  | "redirect" // to a subordinate or the supervising organization's cabinet (→ Координация there)
  | "saveDraft" // the executor's draft answer
  | "submitAnswer" // Исполнение → Согласование
  | "requestExtension" // «Перенос срока»: asked
  | "decideExtension" // «Перенос срока»: approved or declined by Руководитель
  | "approve" // Согласование → Завершено (the answer goes to the citizen)
  | "returnAnswer"; // Согласование → Исполнение («Возвращено на доработку»)

export interface TMessageState {
  stage: MessageStage;
  status: MessageStatus;
}

interface TRule {
  capability: CabinetCapability;
  /** The stages it may be taken from. */
  from: readonly MessageStage[];
  /** …and within them, the statuses it may not be taken from. */
  notFrom?: readonly MessageStatus[];
  /** Only from these statuses. */
  onlyFrom?: readonly MessageStatus[];
  /** Only the executor the message is given to (for messages.execute). */
  assignedOnly?: boolean;
  /** The button's words (the card) and the history's. */
  label: string;
}

const OPEN_WORK: readonly MessageStage[] = ["COORDINATION", "EXECUTION"];

export const TRANSITIONS: Record<TTransition, TRule> = {
  accept: { capability: "messages.coordinate", from: ["MODERATION"], label: "Принять" },
  reject: { capability: "messages.coordinate", from: ["MODERATION"], label: "Отклонить" },
  categorize: { capability: "messages.coordinate", from: OPEN_WORK, label: "Изменить категорию" },
  assign: { capability: "messages.coordinate", from: OPEN_WORK, notFrom: ["EXTENSION_REQUESTED"], label: "Назначить исполнителя" },
  redirect: { capability: "messages.coordinate", from: OPEN_WORK, notFrom: ["EXTENSION_REQUESTED"], label: "Перенаправить" },
  saveDraft: { capability: "messages.execute", from: ["EXECUTION"], assignedOnly: true, label: "Сохранить черновик" },
  submitAnswer: { capability: "messages.execute", from: ["EXECUTION"], notFrom: ["EXTENSION_REQUESTED"], assignedOnly: true, label: "Отправить на согласование" },
  requestExtension: { capability: "messages.execute", from: ["EXECUTION"], notFrom: ["EXTENSION_REQUESTED"], assignedOnly: true, label: "Запросить перенос срока" },
  decideExtension: { capability: "messages.approve", from: ["EXECUTION"], onlyFrom: ["EXTENSION_REQUESTED"], label: "Решить о переносе срока" },
  approve: { capability: "messages.approve", from: ["APPROVAL"], label: "Утвердить и направить заявителю" },
  returnAnswer: { capability: "messages.approve", from: ["APPROVAL"], label: "Вернуть на доработку" },
};

export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TTransition[];

/** Whether the transition may be taken from this state (the capability and the executor are checked apart). */
export function allowedFrom(transition: TTransition, state: TMessageState): boolean {
  const rule = TRANSITIONS[transition];
  if (!rule.from.includes(state.stage)) return false;
  if (rule.notFrom?.includes(state.status)) return false;
  if (rule.onlyFrom && !rule.onlyFrom.includes(state.status)) return false;
  return true;
}

/** Where «Не решено» from the citizen leads: back to the executor, or to the coordinator if there is none who can take it. */
export function reReviewState(hasExecutor: boolean): TMessageState {
  return hasExecutor ? { stage: "EXECUTION", status: "RE_REVIEW" } : { stage: "COORDINATION", status: "RE_REVIEW" };
}

export const isClosed = (stage: MessageStage) => stage === "CLOSED";
