// The back office's state machine through its server actions, as the staff of the demo world act:
// a widget message to МОУ «СОШ № 40» goes up to the Управление образования and down to
// МОУ «СОШ № 33», is assigned, answered, returned, approved and mailed with a rating link; the
// citizen's «Не решено» opens «Повторное рассмотрение». Refusals change nothing.
import { citizenAddress, formFields } from "../../helpers/citizen-form";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  acceptMessage, approveAnswer, assignExecutor, categorizeMessage, decideExtension, redirectMessage, rejectMessage, requestExtension, returnAnswer,
  saveAnswerDraft, submitAnswer,
} from "@/lib/messages/actions";
import { listInbox, parseInboxQuery } from "@/lib/messages/inbox";
import { rateAnswer, ratingPage } from "@/lib/messages/rating";
import { digestWindowMs, sendDueDigests } from "@/lib/messages/digest";
import { submitCitizenMessage } from "@/lib/messages/submit";
import { STALE_MESSAGE } from "@/lib/messages/transition";
import { changedTables, databaseFingerprint } from "../../helpers/fingerprint";
import { signInAs } from "../../helpers/session";

const SCHOOL_40 = "cab-work-mag-school-40";
const SCHOOL_33 = "cab-work-mag-school-33";
const ORGAN = "cab-ed-omsu-mag-uo";
const as = {
  coordinator40: { personId: "person-mag-school-40-coordinator" },
  organCoordinator: { personId: "person-omsu-mag-uo-coordinator" },
  coordinator33: { personId: "person-mag-school-33-coordinator" },
  executor33: { personId: "person-mag-school-33-executor" },
  supervisor33: { personId: "person-mag-school-33-supervisor" },
  executor40: { personId: "person-mag-school-40-executor" },
} as const;

let messageId = "";
const version = async () => (await db.citizenMessage.findUniqueOrThrow({ where: { id: messageId }, select: { version: true } })).version;
const state = () => db.citizenMessage.findUniqueOrThrow({ where: { id: messageId }, select: { stage: true, status: true, cabinetId: true, executorId: true, plannedOn: true, answerRound: true, reReviews: true } });

async function expectUnchanged(call: () => Promise<unknown>, expected: unknown) {
  const before = await databaseFingerprint();
  expect(await call()).toEqual(expected);
  expect(changedTables(before, await databaseFingerprint())).toEqual([]);
}

beforeAll(async () => {
  const cabinet = await db.cabinet.update({ where: { id: SCHOOL_40 }, data: { officialSite: "https://school40.demo.test", noSite: false }, select: { lkoId: true } });
  const r = await submitCitizenMessage(
    cabinet.lkoId,
    { category: "organization", text: "Почему школа не отвечает на звонки родителей по утрам?", authorName: "Кедрова Дарья", contact: "d.kedrova@mail.demo.test", consent: "on", ...formFields(cabinet.lkoId) },
    { origin: "http://portal.test", address: citizenAddress() },
  );
  if (!r.ok) throw new Error(r.error);
  messageId = r.messageId;
});

describe("поступление", () => {
  it("у сообщения номер, срок через 10 рабочих дней и стадия «Модерация»; координатор школы получил письмо", async () => {
    const m = await db.citizenMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(m).toMatchObject({ stage: "MODERATION", status: "NEW", cabinetId: SCHOOL_40, receivedCabinetId: SCHOOL_40, version: 0 });
    expect(m.number).toBeGreaterThan(0);
    expect(m.plannedOn.getTime()).toBeGreaterThan(m.createdAt.getTime());
    const coordinator = await db.account.findFirstOrThrow({ where: { personId: as.coordinator40.personId }, select: { email: true } });
    // Told in the cabinet's digest of new messages, once its window ends (decision 078).
    expect(await sendDueDigests(new Date(Date.now() + digestWindowMs()))).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: coordinator.email, subject: { contains: `№ ${m.number}` } } })).toBe(1);
  });
});

describe("права на переходы", () => {
  it("исполнитель, администратор ЛКО и координатор другой школы не модерируют; ничего не меняется", async () => {
    for (const who of [as.executor40, { personId: "person-mag-school-40-head" }, as.coordinator33, "organAdmin"] as const) {
      await signInAs(who);
      await expectUnchanged(() => acceptMessage({ messageId, version: 0 }), { ok: false, error: "Нет прав на это действие с сообщением.", fieldErrors: undefined });
    }
  });
});

describe("путь сообщения", () => {
  it("координатор школы принимает и передаёт в вышестоящую организацию; срок сохраняется", async () => {
    await signInAs(as.coordinator40);
    const planned = (await state()).plannedOn;
    expect(await acceptMessage({ messageId, version: 0 })).toMatchObject({ ok: true });
    expect(await state()).toMatchObject({ stage: "COORDINATION", status: "ACCEPTED" });
    // A stale version (the form of a page opened before the acceptance) is told, not applied.
    await expectUnchanged(() => redirectMessage({ messageId, version: 0, targetCabinetId: ORGAN, reason: "Вопрос к управлению" }), { ok: false, error: STALE_MESSAGE, fieldErrors: undefined });
    // Only a subordinate or the supervising organization's cabinet.
    await expectUnchanged(() => redirectMessage({ messageId, version: 1, targetCabinetId: SCHOOL_33, reason: "В другую школу" }), {
      ok: false, error: "Выберите организацию из списка.", fieldErrors: { targetCabinetId: ["Сообщение можно направить только в подведомственную или вышестоящую организацию."] },
    });
    // The coordinator goes back to their own cabinet's inbox (they cannot see the organ's).
    const [school, organ] = await Promise.all([SCHOOL_40, ORGAN].map((id) => db.cabinet.findUniqueOrThrow({ where: { id }, select: { lkoId: true } })));
    expect(await redirectMessage({ messageId, version: 1, targetCabinetId: ORGAN, reason: "Режим работы телефонов школ устанавливает управление" })).toMatchObject({
      ok: true, data: { lkoId: school.lkoId, movedTo: organ.lkoId },
    });
    expect(await state()).toMatchObject({ stage: "COORDINATION", status: "REDIRECTED_UP", cabinetId: ORGAN, plannedOn: planned });
    // Gone from the school's reach: its coordinator cannot act on it any more.
    await expectUnchanged(() => categorizeMessage({ messageId, version: 2, category: "organization" }), { ok: false, error: "Нет прав на это действие с сообщением.", fieldErrors: undefined });
  });

  it("координатор управления направляет в подведомственную школу № 33 — история идёт с сообщением", async () => {
    await signInAs(as.organCoordinator);
    expect(await categorizeMessage({ messageId, version: 2, category: "organization", subcategory: "Режим работы" })).toMatchObject({ ok: true });
    expect(await categorizeMessage({ messageId, version: 3, category: "organization", subcategory: "Питание" })).toMatchObject({ ok: false, fieldErrors: { subcategory: ["Выберите подкатегорию из списка выбранной категории."] } });
    expect(await redirectMessage({ messageId, version: 3, targetCabinetId: SCHOOL_33, reason: "Вопрос касается школы № 33" })).toMatchObject({ ok: true });
    expect(await state()).toMatchObject({ stage: "COORDINATION", status: "REDIRECTED_DOWN", cabinetId: SCHOOL_33 });
    const events = await db.auditEvent.findMany({ where: { entityId: messageId }, orderBy: { id: "asc" }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(["message.received", "message.accepted", "message.redirected", "message.categorized", "message.redirected"]);
  });

  it("координатор школы № 33 назначает исполнителя; исполнителю письмо", async () => {
    await signInAs(as.coordinator33);
    expect(await assignExecutor({ messageId, version: 4, executorId: "acc-mag-school-40-msg-2" })).toMatchObject({ ok: false, fieldErrors: { executorId: expect.any(Array) } });
    expect(await assignExecutor({ messageId, version: 4, executorId: "acc-mag-school-33-msg-2" })).toMatchObject({ ok: true });
    expect(await state()).toMatchObject({ stage: "EXECUTION", status: "EXECUTOR_ASSIGNED", executorId: "acc-mag-school-33-msg-2" });
    expect(await db.outboxEmail.count({ where: { dedupeKey: { startsWith: `message-assigned:${messageId}:` } } })).toBe(1);
  });

  it("исполнитель другой школы не отвечает; свой — черновик из шаблона, затем на согласование", async () => {
    await signInAs(as.executor40);
    await expectUnchanged(() => submitAnswer({ messageId, version: 5, answerText: "Ответ не своего исполнителя", resolution: "RESOLVED" }), { ok: false, error: "Нет прав на это действие с сообщением.", fieldErrors: undefined });
    await signInAs(as.executor33);
    expect(await saveAnswerDraft({ messageId, version: 5, templateId: "tpl-demo-2" })).toMatchObject({ ok: true });
    expect((await db.citizenMessage.findUniqueOrThrow({ where: { id: messageId } })).answerText).toBe("Здравствуйте! Разъясняем порядок: ");
    expect(await submitAnswer({ messageId, version: 6, answerText: "Коротко", resolution: "EXPLAINED" })).toMatchObject({ ok: false, fieldErrors: { answerText: ["Ответ слишком короткий: не меньше 10 символов."] } });
    expect(await submitAnswer({ messageId, version: 6, answerText: "Здравствуйте! Телефон школы работает с 8:00.", resolution: "EXPLAINED" })).toMatchObject({ ok: true });
    expect(await state()).toMatchObject({ stage: "APPROVAL", status: "ON_APPROVAL" });
  });

  it("руководитель возвращает с комментарием, исполнитель исправляет, руководитель утверждает — письмо заявителю с ответом и ссылкой", async () => {
    await signInAs(as.supervisor33);
    expect(await returnAnswer({ messageId, version: 7, comment: "" })).toMatchObject({ ok: false, fieldErrors: { comment: ["Напишите, что исправить в ответе."] } });
    expect(await returnAnswer({ messageId, version: 7, comment: "Укажите номер телефона приёмной." })).toMatchObject({ ok: true });
    expect(await state()).toMatchObject({ stage: "EXECUTION", status: "RETURNED" });
    await signInAs(as.executor33);
    expect(await submitAnswer({ messageId, version: 8, answerText: "Здравствуйте! Приёмная школы отвечает с 8:00, телефон 00-00-33.", resolution: "EXPLAINED" })).toMatchObject({ ok: true });
    await signInAs(as.supervisor33);
    expect(await approveAnswer({ messageId, version: 9 })).toEqual({ ok: true, data: { mailed: true, lkoId: expect.any(Number), movedTo: null } });
    expect(await state()).toMatchObject({ stage: "CLOSED", status: "ANSWERED", answerRound: 1 });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: "d.kedrova@mail.demo.test", subject: { startsWith: "Ответ на ваше сообщение" } } });
    expect(mail.text).toContain("Приёмная школы отвечает с 8:00");
    expect(mail.text).toMatch(/\/rate\/[A-Za-z0-9_.-]+/);
  });

  it("оценка «Не решено» по ссылке открывает повторное рассмотрение; вторая оценка той же ссылкой — отказ", async () => {
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: "d.kedrova@mail.demo.test", subject: { startsWith: "Ответ на ваше сообщение" } } });
    const token = /\/rate\/([A-Za-z0-9_.-]+)/.exec(mail.text)![1];
    expect(await ratingPage(token)).toMatchObject({ state: "open", answer: expect.stringContaining("Приёмная") });
    expect(await rateAnswer(`${token}x`, { score: "3", resolved: "no" })).toEqual({ ok: false, reason: "invalid" });
    expect(await rateAnswer(token, { score: "7", resolved: "no" })).toEqual({ ok: false, reason: "fields", fieldErrors: { score: "Выберите оценку от 1 до 5." } });
    expect(await rateAnswer(token, { score: "2", resolved: "no" })).toEqual({ ok: true, reReview: true });
    expect(await state()).toMatchObject({ stage: "EXECUTION", status: "RE_REVIEW", executorId: "acc-mag-school-33-msg-2", reReviews: 1 });
    expect(await rateAnswer(token, { score: "5", resolved: "yes" })).toEqual({ ok: false, reason: "rated" });
    expect(await db.messageRating.count({ where: { messageId } })).toBe(1);
  });

  it("перенос срока: исполнитель просит рабочий день позже срока, руководитель утверждает — срок новый", async () => {
    await signInAs(as.executor33);
    const { plannedOn } = await state();
    const v = await version();
    expect(await requestExtension({ messageId, version: v, until: "2027-01-01", reason: "Нужно дождаться ремонта" })).toMatchObject({ ok: false });
    expect(await requestExtension({ messageId, version: v, until: "2099-01-05", reason: "Нужно дождаться ремонта" })).toMatchObject({ ok: true });
    await signInAs(as.supervisor33);
    expect(await decideExtension({ messageId, version: v + 1, decision: "approve" })).toMatchObject({ ok: true });
    const after = await state();
    expect(after.status).toBe("EXTENSION_APPROVED");
    expect(after.plannedOn.toISOString().slice(0, 10)).toBe("2099-01-05");
    expect(after.plannedOn.getTime()).toBeGreaterThan(plannedOn.getTime());
  });

  it("ответ повторно — утверждён, второй раунд, новая ссылка", async () => {
    await signInAs(as.executor33);
    expect(await submitAnswer({ messageId, version: await version(), answerText: "Здравствуйте! С понедельника по утрам звонки принимает дежурный администратор.", resolution: "RESOLVED" })).toMatchObject({ ok: true });
    await signInAs(as.supervisor33);
    expect(await approveAnswer({ messageId, version: await version() })).toMatchObject({ ok: true, data: { mailed: true } });
    expect(await state()).toMatchObject({ stage: "CLOSED", answerRound: 2 });
    expect(await db.outboxEmail.count({ where: { to: "d.kedrova@mail.demo.test", subject: { startsWith: "Ответ на ваше сообщение" } } })).toBe(2);
  });
});

describe("модерация: отклонение", () => {
  it("спам отклоняется с причиной и закрывается; принять после этого нельзя", async () => {
    const cabinet = await db.cabinet.findUniqueOrThrow({ where: { id: SCHOOL_40 }, select: { lkoId: true } });
    const r = await submitCitizenMessage(cabinet.lkoId, { category: "other", text: "Реклама окон и дверей недорого!!!", authorName: "Реклама", contact: "ads@spam.demo.test", consent: "on", ...formFields(cabinet.lkoId) }, { origin: "http://portal.test", address: citizenAddress() });
    if (!r.ok) throw new Error(r.error);
    await signInAs(as.coordinator40);
    expect(await rejectMessage({ messageId: r.messageId, version: 0, rejection: "SPAM", reason: "Реклама" })).toMatchObject({ ok: true });
    expect(await db.citizenMessage.findUniqueOrThrow({ where: { id: r.messageId } })).toMatchObject({ stage: "CLOSED", status: "REJECTED", rejection: "SPAM" });
    await expectUnchanged(() => acceptMessage({ messageId: r.messageId, version: 1 }), { ok: false, error: "Действие «Принять» недоступно: сообщение на стадии «Завершено», статус «Отклонено модератором».", fieldErrors: undefined });
  });
});

describe("папки", () => {
  it("«Мне на исполнение», «На согласовании», «Просроченные», «Все» и отборы", async () => {
    const viewer = { accountIds: ["acc-mag-school-33-msg-2"] };
    const all = await listInbox(SCHOOL_33, parseInboxQuery({}), viewer, "all");
    expect(all.total).toBe(all.counts.all);
    expect(all.total).toBeGreaterThanOrEqual(11);
    const mine = await listInbox(SCHOOL_33, parseInboxQuery({}), viewer, "mine");
    const executor = await db.account.findUniqueOrThrow({ where: { id: "acc-mag-school-33-msg-2" }, select: { lastName: true } });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((m) => m.executorName?.startsWith(executor.lastName) && m.stage === "EXECUTION")).toBe(true);
    const overdue = await listInbox(SCHOOL_33, parseInboxQuery({}), viewer, "overdue");
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((m) => m.overdue)).toBe(true);
    const approval = await listInbox(SCHOOL_33, parseInboxQuery({}), viewer, "approval");
    expect(approval.items.every((m) => m.stage === "APPROVAL" || m.status === "EXTENSION_REQUESTED")).toBe(true);
    const number = (await db.citizenMessage.findUniqueOrThrow({ where: { id: messageId } })).number;
    expect((await listInbox(SCHOOL_33, parseInboxQuery({ q: String(number) }), viewer, "all")).items.map((m) => m.id)).toEqual([messageId]);
    expect((await listInbox(SCHOOL_33, parseInboxQuery({ q: "мусор" }), viewer, "all")).items.map((m) => m.number)).toHaveLength(1);
    expect((await listInbox(SCHOOL_33, parseInboxQuery({ stage: "CLOSED", category: "food" }), viewer, "all")).items.every((m) => m.stage === "CLOSED" && m.category === "food")).toBe(true);
    // A hand-edited address reads as «not set»: never a failed page.
    expect(parseInboxQuery({ stage: "BOGUS", page: "-4", q: "\u0000" })).toEqual({ page: 1 });
  });
});
