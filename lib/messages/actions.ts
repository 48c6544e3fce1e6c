"use server";
// Every transition of the back office (./workflow.ts) as a server action, through ./transition.ts.
import { ActionError } from "@/lib/actions/errors";
import { formSwitch } from "@/lib/actions/define-action";
import { dateAsDay, dayAsDate, formatDay, fullName } from "@/lib/ui/format";
import { MESSAGE_RESOLUTION } from "@/lib/ui/strings";
import { categoryLabel } from "./categories";
import { isWorkingDay } from "./calendar";
import { loadCalendar, plannedDayFor } from "./deadlines";
import { mailAnswer, notifyCoordinators, notifyStaff } from "./notices";
import { ratingToken, ratingUrl } from "./rating-link";
import { autoRuleExecutor, executorsOf, redirectTargets } from "./routing";
import {
  ZAcceptMessage, ZApproveAnswer, ZAssignExecutor, ZCategorizeMessage, ZDecideExtension, ZRedirectMessage, ZRejectMessage, ZRequestExtension,
  ZReturnAnswer, ZSaveDraft, ZSubmitAnswer,
} from "./schemas";
import { defineTransition, type TActionMessage } from "./transition";
import type { DbTx } from "@/lib/db";

const notice = (m: TActionMessage, cabinet = m.cabinet) => ({ cabinet, messageId: m.id, number: m.number });

async function accountName(tx: DbTx, id: string): Promise<string> {
  return fullName(await tx.account.findUniqueOrThrow({ where: { id }, select: { lastName: true, firstName: true, middleName: true } }));
}

/** Tells the executor the message is theirs. */
async function tellExecutor(tx: DbTx, m: TActionMessage, executorId: string, subject: string, paragraphs: string[], key: string, cabinet = m.cabinet) {
  await notifyStaff(tx, { accountIds: [executorId] }, { ...notice(m, cabinet), subject, key, paragraphs });
}

// ───────────── Модерация ─────────────

export const acceptMessage = defineTransition({
  name: "messages.accept",
  transition: "accept",
  schema: ZAcceptMessage,
  async plan({ tx, message, accountId }) {
    const auto = await autoRuleExecutor(tx, message.cabinetId, message.category);
    if (!auto) return { update: { stage: "COORDINATION", status: "ACCEPTED", coordinatorId: accountId }, event: "accepted", data: { assigned: false } };
    return {
      update: { stage: "EXECUTION", status: "EXECUTOR_ASSIGNED", coordinatorId: accountId, executorId: auto.id },
      event: "accepted",
      audit: { executorId: auto.id, executorName: await accountName(tx, auto.id), autoRule: true },
      after: () => tellExecutor(tx, message, auto.id, "Вам назначено сообщение", [`Тема: «${categoryLabel(message.category)}». Срок ответа — ${formatDay(message.plannedOn)}.`], `message-assigned:${message.id}:${message.version}`),
      data: { assigned: true },
    };
  },
  message: (d) => (d.assigned ? "Сообщение принято и по правилу кабинета передано исполнителю." : "Сообщение принято. Назначьте исполнителя или перенаправьте его."),
});

export const rejectMessage = defineTransition({
  name: "messages.reject",
  transition: "reject",
  schema: ZRejectMessage,
  async plan({ input, message, accountId, at }) {
    void message;
    return {
      update: { stage: "CLOSED", status: "REJECTED", rejection: input.rejection, closedAt: at, coordinatorId: accountId },
      event: "rejected",
      audit: { rejection: input.rejection, reason: input.reason },
      data: {},
    };
  },
  message: "Сообщение отклонено модератором.",
});

// ───────────── Координация ─────────────

export const categorizeMessage = defineTransition({
  name: "messages.categorize",
  transition: "categorize",
  schema: ZCategorizeMessage,
  async plan({ input, tx, message }) {
    // The planned date follows the category's rule, counted from arrival — unless Руководитель already moved it or a re-review set it.
    const keepDate = message.reReviews > 0 || message.status === "EXTENSION_APPROVED" || input.category === message.category;
    const plannedOn = keepDate ? message.plannedOn : await plannedDayFor(tx, message.cabinet.regionId, input.category, message.createdAt);
    return {
      update: { category: input.category, subcategory: input.subcategory ?? null, plannedOn },
      event: "categorized",
      audit: { category: input.category, subcategory: input.subcategory ?? null, plannedOn: dateAsDay(plannedOn) },
      data: {},
    };
  },
  message: "Категория сохранена.",
});

export const assignExecutor = defineTransition({
  name: "messages.assign",
  transition: "assign",
  schema: ZAssignExecutor,
  async plan({ input, tx, message, accountId }) {
    const executor = (await executorsOf(tx, message.cabinetId)).find((e) => e.id === input.executorId);
    if (!executor) throw new ActionError("Выберите исполнителя из списка.", { executorId: ["Этот сотрудник не может быть исполнителем в этом кабинете."] });
    return {
      update: { stage: "EXECUTION", status: "EXECUTOR_ASSIGNED", executorId: executor.id, coordinatorId: accountId },
      event: "assigned",
      audit: { executorId: executor.id, executorName: executor.name },
      after: () => tellExecutor(tx, message, executor.id, "Вам назначено сообщение", [`Тема: «${categoryLabel(message.category)}». Срок ответа — ${formatDay(message.plannedOn)}.`], `message-assigned:${message.id}:${message.version}`),
      data: { executorName: executor.name },
    };
  },
  message: (d) => `Исполнитель назначен: ${d.executorName}.`,
});

export const redirectMessage = defineTransition({
  name: "messages.redirect",
  transition: "redirect",
  schema: ZRedirectMessage,
  async plan({ input, tx, message, accountId }) {
    const target = (await redirectTargets(tx, message.cabinet)).find((t) => t.id === input.targetCabinetId);
    if (!target) throw new ActionError("Выберите организацию из списка.", { targetCabinetId: ["Сообщение можно направить только в подведомственную или вышестоящую организацию."] });
    const cabinet = await tx.cabinet.findUniqueOrThrow({ where: { id: target.id }, select: { id: true, lkoId: true, name: true, email: true, kind: true, regionId: true, organizationId: true, editorialCabinetId: true } });
    const auto = await autoRuleExecutor(tx, target.id, message.category);
    const status = target.direction === "DOWN" ? "REDIRECTED_DOWN" : "REDIRECTED_UP";
    return {
      // The planned date stays: the citizen's deadline counts from arrival, wherever the message goes (decision 074).
      update: {
        cabinetId: target.id, stage: auto ? "EXECUTION" : "COORDINATION", status: auto ? "EXECUTOR_ASSIGNED" : status, executorId: auto?.id ?? null,
        coordinatorId: accountId, answerText: null, resolution: null,
      },
      event: "redirected",
      audit: { toCabinetId: target.id, toCabinetName: target.name, toLkoId: target.lkoId, direction: target.direction, reason: input.reason, ...(auto ? { executorId: auto.id, autoRule: true } : {}) },
      after: async () => {
        const paragraphs = [`Сообщение поступило из кабинета «${message.cabinet.name}». Причина: ${input.reason}`, `Срок ответа — ${formatDay(message.plannedOn)}.`];
        if (auto) await tellExecutor(tx, message, auto.id, "Вам назначено сообщение", paragraphs, `message-assigned:${message.id}:${message.version}`, cabinet);
        else await notifyCoordinators(tx, { ...notice(message, cabinet), subject: "Сообщение направлено в ваш кабинет", paragraphs, key: `message-redirected:${message.id}:${message.version}` });
      },
      data: { toName: target.name, direction: target.direction },
    };
  },
  message: (d) => `Сообщение ${d.direction === "DOWN" ? "направлено в подведомственную организацию" : "передано в вышестоящую организацию"}: ${d.toName}.`,
  redirect: (d) => `/admin/cabinets/${d.lkoId}/messages?sent=redirected`,
});

// ───────────── Исполнение ─────────────

async function templateText(tx: DbTx, cabinetId: string, templateId: string): Promise<string> {
  const template = await tx.answerTemplate.findFirst({ where: { id: templateId, cabinetId }, select: { text: true } });
  if (!template) throw new ActionError("Шаблон не найден: выберите шаблон из списка.", { templateId: ["Выберите шаблон из списка."] });
  return template.text;
}

export const saveAnswerDraft = defineTransition({
  name: "messages.saveDraft",
  transition: "saveDraft",
  schema: ZSaveDraft,
  async plan({ input, tx, message }) {
    let answerText = input.answerText ?? null;
    if (input.templateId) {
      const text = await templateText(tx, message.cabinetId, input.templateId);
      answerText = answerText ? `${answerText}\n\n${text}` : text;
    }
    if (answerText && answerText.length > 8000) throw new ActionError("Ответ получится длиннее 8000 символов.", { answerText: ["Не больше 8000 символов."] });
    return { update: { answerText, resolution: input.resolution ?? null }, event: "draft_saved", data: { template: Boolean(input.templateId) } };
  },
  message: (d) => (d.template ? "Текст шаблона добавлен в ответ. Проверьте его и дополните." : "Черновик ответа сохранён."),
});

export const submitAnswer = defineTransition({
  name: "messages.submitAnswer",
  transition: "submitAnswer",
  schema: ZSubmitAnswer,
  async plan({ input, tx, message }) {
    return {
      update: { stage: "APPROVAL", status: "ON_APPROVAL", answerText: input.answerText, resolution: input.resolution },
      event: "answer_submitted",
      audit: { answer: input.answerText, resolution: input.resolution },
      after: async () => {
        await notifyStaff(tx, { roles: ["SUPERVISOR"] }, { ...notice(message), subject: "Ответ ждёт утверждения", key: `message-submitted:${message.id}:${message.version}`, paragraphs: [`Тип решения: «${MESSAGE_RESOLUTION[input.resolution]}». Срок ответа — ${formatDay(message.plannedOn)}.`] });
      },
      data: {},
    };
  },
  message: "Ответ отправлен на согласование руководителю.",
});

export const requestExtension = defineTransition({
  name: "messages.requestExtension",
  transition: "requestExtension",
  schema: ZRequestExtension,
  async plan({ input, tx, message }) {
    const calendar = await loadCalendar(tx, message.cabinet.regionId);
    if (input.until <= dateAsDay(message.plannedOn)) throw new ActionError("Новая дата должна быть позже текущего срока.", { until: [`Текущий срок — ${formatDay(message.plannedOn)}: укажите дату позже.`] });
    if (!isWorkingDay(calendar, input.until)) throw new ActionError("Новая дата — нерабочий день.", { until: ["Выберите рабочий день по производственному календарю."] });
    return {
      update: { status: "EXTENSION_REQUESTED", extensionUntil: dayAsDate(input.until), extensionReason: input.reason },
      event: "extension_requested",
      audit: { until: input.until, reason: input.reason },
      after: async () => {
        await notifyStaff(tx, { roles: ["SUPERVISOR"] }, { ...notice(message), subject: "Запрошен перенос срока", key: `message-extension:${message.id}:${message.version}`, paragraphs: [`Исполнитель просит перенести срок с ${formatDay(message.plannedOn)} на ${formatDay(dayAsDate(input.until))}. Причина: ${input.reason}`] });
      },
      data: {},
    };
  },
  message: "Запрос на перенос срока направлен руководителю.",
});

// ───────────── Согласование ─────────────

export const decideExtension = defineTransition({
  name: "messages.decideExtension",
  transition: "decideExtension",
  schema: ZDecideExtension,
  async plan({ input, tx, message, accountId }) {
    const until = message.extensionUntil;
    const approved = input.decision === "approve" && until !== null;
    const words = approved ? `Перенос срока утвержден: новый срок — ${formatDay(until)}.` : "Перенос срока отклонен: срок прежний.";
    return {
      update: approved
        ? { status: "EXTENSION_APPROVED", plannedOn: until, extensionUntil: null, extensionReason: null, supervisorId: accountId }
        : { status: "EXTENSION_DECLINED", extensionUntil: null, extensionReason: null, supervisorId: accountId },
      event: approved ? "extension_approved" : "extension_declined",
      audit: { until: until ? dateAsDay(until) : null, previous: dateAsDay(message.plannedOn), comment: input.comment ?? null },
      after: async () => {
        if (message.executorId) await tellExecutor(tx, message, message.executorId, approved ? "Перенос срока утвержден" : "Перенос срока отклонен", [words, ...(input.comment ? [`Комментарий: ${input.comment}`] : [])], `message-extension-decided:${message.id}:${message.version}`);
      },
      data: { words },
    };
  },
  message: (d) => d.words,
});

export const approveAnswer = defineTransition({
  name: "messages.approve",
  transition: "approve",
  schema: ZApproveAnswer,
  async plan({ tx, message, accountId, at }) {
    if (!message.answerText || !message.resolution) throw new ActionError("Ответа нет: верните сообщение исполнителю.");
    const round = message.answerRound + 1;
    const answer = message.answerText;
    let mailed = false;
    return {
      update: { stage: "CLOSED", status: "ANSWERED", closedAt: at, supervisorId: accountId, answerRound: round },
      event: "answer_sent",
      audit: { answer, resolution: message.resolution, round },
      after: async () => {
        mailed = await mailAnswer(tx, {
          id: message.id, number: message.number, contact: message.contact, authorName: message.authorName, cabinetName: message.cabinet.name,
          answer, round, ratingLink: ratingUrl(ratingToken(message.id, round, at)), createdAt: message.createdAt, rating: round > 1 ? "again" : "first",
        });
        if (message.executorId) await tellExecutor(tx, message, message.executorId, "Ответ утвержден и направлен заявителю", [mailed ? "Ответ отправлен на электронную почту заявителя." : "Заявитель оставил телефон: сообщите ответ по телефону."], `message-approved:${message.id}:${round}`);
      },
      get data() {
        return { mailed };
      },
    };
  },
  message: (d) => (d.mailed ? "Ответ утвержден и отправлен заявителю на электронную почту." : "Ответ утвержден. Заявитель оставил телефон: исполнитель сообщит ответ по телефону."),
});

export const returnAnswer = defineTransition({
  name: "messages.returnAnswer",
  transition: "returnAnswer",
  schema: ZReturnAnswer,
  async plan({ input, tx, message, accountId }) {
    return {
      update: { stage: "EXECUTION", status: "RETURNED", supervisorId: accountId },
      event: "answer_returned",
      audit: { comment: input.comment },
      after: async () => {
        if (message.executorId) await tellExecutor(tx, message, message.executorId, "Ответ возвращен на доработку", [`Комментарий руководителя: ${input.comment}`], `message-returned:${message.id}:${message.version}`);
      },
      data: {},
    };
  },
  message: "Ответ возвращен исполнителю на доработку.",
});

export const acceptMessageForm = acceptMessage.form;
export const rejectMessageForm = rejectMessage.form;
export const categorizeMessageForm = categorizeMessage.form;
export const assignExecutorForm = assignExecutor.form;
export const redirectMessageForm = redirectMessage.form;
export const saveAnswerDraftForm = saveAnswerDraft.form;
export const submitAnswerForm = submitAnswer.form;
export const requestExtensionForm = requestExtension.form;
export const decideExtensionForm = decideExtension.form;
export const approveAnswerForm = approveAnswer.form;
export const returnAnswerForm = returnAnswer.form;

/** The answer form: «Сохранить черновик», «Вставить шаблон» and «Отправить на согласование» are its buttons. */
export const answerForm = formSwitch([submitAnswer, saveAnswerDraft], (values) => (values.intent === "submit" ? submitAnswer : values.intent === "draft" || values.intent === "template" ? saveAnswerDraft : null));
