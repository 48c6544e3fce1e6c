// Review of cabinet requests by the supervising organ (issue 4): approval creates the cabinet and
// its first administrator, rejection needs a reason, only the addressed organ decides, and of two
// reviewers deciding at once exactly one wins.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/access/actor";
import { ORG } from "@/lib/demo-world/esia-world";
import { approveCabinetRequest, rejectCabinetRequest } from "@/lib/requests/review-actions";
import { listReviewQueue, loadRequestCard } from "@/lib/requests/review";
import { ZRequestQueueFilter } from "@/lib/requests/schemas";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { ED, REGION, expectOk, expectRefused, pendingSchoolRequest, snapshot } from "./support";

const DECIDED_BY_OTHER = "Заявку уже рассмотрел другой сотрудник. Обновите страницу.";
const SECOND_REVIEWER = "person-omsu-mag-uo-admin";

beforeAll(async () => {
  // A second administrator of the Управление образования's ЛКО, to decide at the same time as the first.
  await db.account.create({
    data: {
      cabinetId: ED.eduDepartment, email: "second.reviewer@uo-mgn.demo.test", lastName: "Второй", firstName: "Рецензент", position: "Главный специалист",
      status: "CONFIRMED", personId: SECOND_REVIEWER, confirmedAt: new Date(), trainingConfirmedAt: new Date(), roles: { create: { role: "LKO_ADMIN" } },
    },
  });
});

describe("одобрение", () => {
  it("создаёт кабинет с уникальным номером ЛКО, привязывает к редакции органа, делает заявителя администратором", async () => {
    // ЕСИА did not say what the school is: the approval does.
    const filed = await pendingSchoolRequest({ sphereIds: ["sphere-education", "sphere-sport"], kind: null });
    const { personId: reviewerId } = await signInAs("organAdmin");
    const { lkoId, cabinetId } = expectOk(await approveCabinetRequest({ requestId: filed.requestId, version: filed.version }));

    expect(lkoId).toBeGreaterThanOrEqual(300000);
    const cabinet = await db.cabinet.findUniqueOrThrow({ where: { id: cabinetId }, include: { spheres: true, accounts: { include: { roles: true } } } });
    expect(cabinet).toMatchObject({ lkoId, kind: "WORK", type: "SUBORDINATE_OMSU", organizationId: filed.organizationId, regionId: REGION, editorialCabinetId: ED.eduDepartment, status: "ACTIVE", email: filed.email });
    expect(cabinet.spheres.map((s) => s.sphereId).sort()).toEqual(["sphere-education", "sphere-sport"]);
    expect(cabinet.accounts).toHaveLength(1);
    expect(cabinet.accounts[0]).toMatchObject({ personId: filed.applicantId, status: "CONFIRMED", trainingConfirmedAt: null, createdById: reviewerId, position: "Директор", email: filed.applicantEmail });
    expect(cabinet.accounts[0].confirmedAt).toBeInstanceOf(Date);
    expect(cabinet.accounts[0].roles.map((r) => r.role)).toEqual(["LKO_ADMIN"]);

    expect(await db.organization.findUniqueOrThrow({ where: { id: filed.organizationId } })).toMatchObject({ kind: "SUBORDINATE_OMSU", parentId: ORG.eduDepartment });
    const request = await db.cabinetRequest.findUniqueOrThrow({ where: { id: filed.requestId }, include: { revisions: true } });
    expect(request).toMatchObject({ status: "APPROVED", cabinetId, version: 1 });
    expect(request.revisions[0]).toMatchObject({ decision: "APPROVED", reviewerId });

    const audit = await db.auditEvent.findMany({ where: { cabinetId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["request.approved", "cabinet.created", "account.created"]);
    expect(audit.every((a) => a.actorPersonId === reviewerId)).toBe(true);

    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: filed.email } });
    expect(email.subject).toBe("Заявка на подключение кабинета одобрена");
    expect(email.text).toContain(`Уникальный номер ЛКО: ${lkoId}.`);
    expect(email.text).toMatch(/http:\/\/portal\.test\/admin/);
    expect(email.dedupeKey).toBe(`request-decided:${filed.requestId}:1`);
  });

  it("адрес учётной записи: из ЕСИА, а если он занят другим кабинетом — из заявки", async () => {
    const filed = await pendingSchoolRequest();
    await db.account.create({ data: { cabinetId: ED.cultureDepartment, email: filed.applicantEmail, lastName: "Занято", firstName: "Адрес", position: "Наблюдатель" } });
    await signInAs("organAdmin");
    const { cabinetId } = expectOk(await approveCabinetRequest({ requestId: filed.requestId, version: 0 }));
    expect((await db.account.findFirstOrThrow({ where: { cabinetId } })).email).toBe(filed.email);
  });
});

describe("отклонение", () => {
  it("с причиной: заявка отклонена, причина в редакции, событие в журнале, письмо заявителю", async () => {
    const filed = await pendingSchoolRequest();
    const { personId } = await signInAs("organAdmin");
    expectOk(await rejectCabinetRequest({ requestId: filed.requestId, version: 0, reason: "  Изменить название кабинета  " }));
    const request = await db.cabinetRequest.findUniqueOrThrow({ where: { id: filed.requestId }, include: { revisions: true } });
    expect(request).toMatchObject({ status: "REJECTED", rejectionReason: "Изменить название кабинета", version: 1, cabinetId: null });
    expect(request.revisions[0]).toMatchObject({ decision: "REJECTED", reason: "Изменить название кабинета", reviewerId: personId });
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: filed.requestId, action: "request.rejected" } })).toMatchObject({ actorPersonId: personId, data: { revision: 1, reason: "Изменить название кабинета" } });
    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: filed.email } });
    expect(email.subject).toBe("Заявка на подключение кабинета отклонена");
    expect(email.text).toContain("отклонена по причине: Изменить название кабинета");
    expect(email.text).toContain("Исправьте параметры заявки и снова верните на рассмотрение");
    expect(email.text).toContain("http://portal.test/registration/work");
  });

  it("по шаблону причины; свою причину можно сохранить как шаблон органа", async () => {
    const first = await pendingSchoolRequest();
    await signInAs("organAdmin");
    const shared = await db.rejectionReasonTemplate.findFirstOrThrow({ where: { organizationId: null }, orderBy: { id: "asc" } });
    expectOk(await rejectCabinetRequest({ requestId: first.requestId, version: 0, templateId: shared.id }));
    expect((await db.cabinetRequest.findUniqueOrThrow({ where: { id: first.requestId } })).rejectionReason).toBe(shared.text);

    const second = await pendingSchoolRequest();
    const { personId } = await signInAs("organAdmin");
    expectOk(await rejectCabinetRequest({ requestId: second.requestId, version: 0, reason: "Приложите устав учреждения", saveAsTemplate: "on" }));
    const own = await db.rejectionReasonTemplate.findFirstOrThrow({ where: { text: "Приложите устав учреждения" } });
    expect(own.organizationId).toBe(ORG.eduDepartment);
    expect(await db.auditEvent.count({ where: { action: "reason_template.created", entityId: own.id, actorPersonId: personId } })).toBe(1);
    const card = await loadRequestCard(await loadActor(personId), second.requestId);
    expect(card?.templates.map((t) => t.text)).toContain("Приложите устав учреждения");
  });

  it("шаблон другого органа использовать нельзя", async () => {
    const filed = await pendingSchoolRequest();
    const foreign = await db.rejectionReasonTemplate.create({ data: { organizationId: ORG.cultureDepartment, text: "Шаблон управления культуры" } });
    await signInAs("organAdmin");
    const before = await snapshot();
    const result = await rejectCabinetRequest({ requestId: filed.requestId, version: 0, templateId: foreign.id });
    expectRefused(result, "Выберите шаблон причины из списка.");
    expect(await snapshot()).toEqual(before);
    // Not visible on the card either.
    const card = await loadRequestCard(await loadActor("person-organ-admin"), filed.requestId);
    expect(card?.templates.map((t) => t.id)).not.toContain(foreign.id);
  });
});

describe("решает только орган, которому адресована заявка (действие вызвано напрямую)", () => {
  const SCHOOL_14 = "req-work-mag-school-14";

  it.each([
    ["администратор другого органа (Управление культуры)", "otherOrganAdmin"],
    ["администратор органа другого района", "agapovoAdmin"],
    ["администратор учреждения", "institutionAdmin"],
    ["ИТ-специалист города", "cityIt"],
    ["региональный оператор (заявки учреждений — не его)", "operator"],
  ] as const)("%s", async (_name, who) => {
    await signInAs(who);
    const before = await snapshot();
    const { version } = await db.cabinetRequest.findUniqueOrThrow({ where: { id: SCHOOL_14 } });
    expectRefused(await approveCabinetRequest({ requestId: SCHOOL_14, version }), "Заявка не найдена или адресована другому органу.");
    expectRefused(await rejectCabinetRequest({ requestId: SCHOOL_14, version, reason: "Чужое решение" }), "Заявка не найдена или адресована другому органу.");
    expect(await snapshot()).toEqual(before);
    expect(await db.cabinetRequest.findUniqueOrThrow({ where: { id: SCHOOL_14 } })).toMatchObject({ status: "PENDING", version });
  });

  it("администратор органа не решает заявки чужого дерева и чужого района", async () => {
    await signInAs("organAdmin");
    const before = await snapshot();
    for (const requestId of ["req-work-mag-culture-1", "req-work-agapovo-school-1"]) {
      const { version } = await db.cabinetRequest.findUniqueOrThrow({ where: { id: requestId } });
      expectRefused(await approveCabinetRequest({ requestId, version }), "Заявка не найдена или адресована другому органу.");
      expectRefused(await rejectCabinetRequest({ requestId, version, reason: "Чужое решение" }), "Заявка не найдена или адресована другому органу.");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("учётная запись без отметки об обучении не даёт права рассматривать", async () => {
    const filed = await pendingSchoolRequest();
    await db.account.updateMany({ where: { personId: "person-organ-admin" }, data: { trainingConfirmedAt: null } });
    try {
      await signInAs("organAdmin");
      expectRefused(await approveCabinetRequest({ requestId: filed.requestId, version: 0 }), "Заявка не найдена или адресована другому органу.");
    } finally {
      await db.account.updateMany({ where: { personId: "person-organ-admin" }, data: { trainingConfirmedAt: new Date() } });
    }
  });
});

describe("одновременные решения", () => {
  it("два администратора органа решают одну заявку одновременно: побеждает ровно одно решение", async () => {
    const filed = await pendingSchoolRequest();
    await signInAs("organAdmin");
    const first = requestContext.cookies();
    await signInAs({ personId: SECOND_REVIEWER });
    const second = requestContext.cookies();
    const before = await snapshot();

    const results = await Promise.all([
      requestContext.runWithCookies(first, () => approveCabinetRequest({ requestId: filed.requestId, version: 0 })),
      requestContext.runWithCookies(second, () => rejectCabinetRequest({ requestId: filed.requestId, version: 0, reason: "Изменить название кабинета" })),
    ]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([{ ok: false, error: DECIDED_BY_OTHER }]);

    const request = await db.cabinetRequest.findUniqueOrThrow({ where: { id: filed.requestId }, include: { revisions: true } });
    expect(request.version).toBe(1);
    expect(request.revisions.filter((r) => r.decision !== null)).toHaveLength(1);
    const after = await snapshot();
    expect(after.emails - before.emails).toBe(1);
    expect(after.decided - before.decided).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: filed.requestId, action: { in: ["request.approved", "request.rejected"] } } })).toBe(1);
    expect(after.cabinets - before.cabinets).toBe(request.status === "APPROVED" ? 1 : 0);
  });

  it("два одобрения одновременно создают один кабинет", async () => {
    const filed = await pendingSchoolRequest();
    await signInAs("organAdmin");
    const first = requestContext.cookies();
    await signInAs({ personId: SECOND_REVIEWER });
    const second = requestContext.cookies();
    const before = await snapshot();
    const results = await Promise.all([first, second].map((cookies) => requestContext.runWithCookies(cookies, () => approveCabinetRequest({ requestId: filed.requestId, version: 0 }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: DECIDED_BY_OTHER });
    const after = await snapshot();
    expect([after.cabinets - before.cabinets, after.accounts - before.accounts, after.emails - before.emails]).toEqual([1, 1, 1]);
  });

  it("решение по устаревшей версии или по уже рассмотренной заявке — понятный отказ", async () => {
    const filed = await pendingSchoolRequest();
    await signInAs("organAdmin");
    expectRefused(await approveCabinetRequest({ requestId: filed.requestId, version: 7 }), "Заявка изменилась, пока вы её рассматривали. Обновите страницу.");
    expectOk(await rejectCabinetRequest({ requestId: filed.requestId, version: 0, reason: "Изменить название кабинета" }));
    const before = await snapshot();
    expectRefused(await approveCabinetRequest({ requestId: filed.requestId, version: 0 }), DECIDED_BY_OTHER);
    expectRefused(await rejectCabinetRequest({ requestId: filed.requestId, version: 1, reason: "Ещё раз" }), DECIDED_BY_OTHER);
    expect(await snapshot()).toEqual(before);
  });
});

describe("неверные данные решений: сообщение по-русски, ничего не изменено", () => {
  it.each([
    ["одобрение без данных", "approve", {}, ["requestId", "version"]],
    ["одобрение строкой", "approve", "req-work-mag-school-14", ["_"]],
    ["версия не число", "approve", { requestId: "req-work-mag-school-14", version: "два" }, ["version"]],
    ["отрицательная версия", "approve", { requestId: "req-work-mag-school-14", version: -1 }, ["version"]],
    ["отклонение без причины", "reject", { requestId: "req-work-mag-school-14", version: 1 }, ["reason"]],
    ["причина из пробелов", "reject", { requestId: "req-work-mag-school-14", version: 1, reason: "    " }, ["reason"]],
    ["причина слишком длинная", "reject", { requestId: "req-work-mag-school-14", version: 1, reason: "я".repeat(1001) }, ["reason"]],
    ["причина — не строка", "reject", { requestId: "req-work-mag-school-14", version: 1, reason: { text: "x" } }, ["reason"]],
    ["шаблон без текста нельзя сохранить", "reject", { requestId: "req-work-mag-school-14", version: 1, templateId: "reason-1", saveAsTemplate: true }, ["reason"]],
    ["идентификатор заявки огромный", "reject", { requestId: "x".repeat(500), version: 1, reason: "Причина" }, ["requestId"]],
  ] as const)("%s", async (_name, action, input, fields) => {
    await signInAs("organAdmin");
    const before = await snapshot();
    const result = await (action === "approve" ? approveCabinetRequest : rejectCabinetRequest)(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([...fields].sort());
    for (const messages of Object.values(result.fieldErrors ?? {})) for (const m of messages) expect(m).toMatch(/[А-Яа-яЁё]/);
    expect(await snapshot()).toEqual(before);
  });

  it("несуществующая заявка", async () => {
    await signInAs("organAdmin");
    expectRefused(await approveCabinetRequest({ requestId: "req-nobody", version: 0 }), "Заявка не найдена или адресована другому органу.");
  });
});

describe("очередь заявок", () => {
  const filter = (raw: Record<string, unknown> = {}) => ZRequestQueueFilter.parse(raw);

  it("только заявки своего органа, ожидающие — по умолчанию, старые — первыми", async () => {
    const actor = await loadActor("person-organ-admin");
    const queue = await listReviewQueue(actor, filter());
    expect(queue.total).toBeGreaterThan(0);
    const ids = queue.rows.map((r) => r.id);
    expect(ids).toContain("req-work-mag-school-14");
    expect(ids).not.toContain("req-work-mag-culture-1");
    expect(ids).not.toContain("req-work-agapovo-school-1");
    expect(queue.rows.every((r) => r.status === "PENDING")).toBe(true);
    const times = queue.rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(queue.total).toBe(await db.cabinetRequest.count({ where: { reviewerOrganizationId: ORG.eduDepartment, status: "PENDING" } }));
  });

  it("фильтры: статус, тип кабинета, вид кабинета, дата подачи", async () => {
    const organ = await loadActor("person-organ-admin");
    const all = await listReviewQueue(organ, filter({ status: "ALL" }));
    expect(new Set(all.rows.map((r) => r.status)).size).toBeGreaterThan(1);
    const rejected = await listReviewQueue(organ, filter({ status: "REJECTED" }));
    expect(rejected.rows.every((r) => r.status === "REJECTED")).toBe(true);
    expect(rejected.total).toBe(await db.cabinetRequest.count({ where: { reviewerOrganizationId: ORG.eduDepartment, status: "REJECTED" } }));

    expect((await listReviewQueue(organ, filter({ status: "ALL", type: "SUBORDINATE_ROIV" }))).total).toBe(0);
    expect((await listReviewQueue(organ, filter({ status: "ALL", type: "SUBORDINATE_OMSU" }))).total).toBe(all.total);

    const operator = await loadActor("person-operator");
    const editorial = await listReviewQueue(operator, filter({ status: "ALL", kind: "EDITORIAL" }));
    expect(editorial.total).toBe(10);
    expect((await listReviewQueue(operator, filter({ status: "ALL", type: "ROIV" }))).rows.map((r) => r.organization.shortName).sort()).toEqual(
      ["Минобрнауки Челябинской области", "Минцифры Челябинской области"],
    );

    const today = new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
    const recent = await listReviewQueue(organ, filter({ status: "ALL", from: today }));
    expect(recent.total).toBe(await db.cabinetRequest.count({ where: { reviewerOrganizationId: ORG.eduDepartment, createdAt: { gte: new Date(`${today}T00:00:00+05:00`) } } }));
    expect(recent.total).toBeGreaterThan(0); // the requests these tests filed
    expect((await listReviewQueue(organ, filter({ status: "ALL", to: "2000-01-01" }))).total).toBe(0);
  });

  it("тип кабинета — по текущей редакции заявки", async () => {
    const filed = await pendingSchoolRequest();
    // An earlier revision said «Подведомственная РОИВ организация»; the current one is ОМСУ's.
    await db.cabinetRequestRevision.updateMany({ where: { requestId: filed.requestId }, data: { number: 2 } });
    await db.cabinetRequest.update({ where: { id: filed.requestId }, data: { currentRevision: 2 } });
    const rev = await db.cabinetRequestRevision.findFirstOrThrow({ where: { requestId: filed.requestId } });
    await db.cabinetRequestRevision.create({ data: { ...rev, id: undefined, number: 1, type: "SUBORDINATE_ROIV", decision: "REJECTED", reason: "Тип" } });
    const organ = await loadActor("person-organ-admin");
    expect((await listReviewQueue(organ, filter({ type: "SUBORDINATE_ROIV" }))).rows.map((r) => r.id)).not.toContain(filed.requestId);
    expect((await listReviewQueue(organ, filter({ type: "SUBORDINATE_OMSU" }))).rows.map((r) => r.id)).toContain(filed.requestId);
  });

  it("нечитаемые фильтры в адресе не ломают страницу", () => {
    expect(filter({ status: "DROP", type: "x", kind: 5, from: "вчера", page: "-3" })).toEqual({ status: "PENDING", type: undefined, kind: undefined, from: undefined, to: undefined, page: 1 });
  });

  it("карточка чужой заявки не открывается", async () => {
    expect(await loadRequestCard(await loadActor("person-other-organ-admin"), "req-work-mag-school-14")).toBeNull();
    const card = await loadRequestCard(await loadActor("person-organ-admin"), "req-work-mag-school-14");
    expect(card?.organization.ogrn).toMatch(/^\d{13}$/);
    expect(card?.membership).toMatchObject({ chief: true });
    expect(card?.revisions).toHaveLength(1);
  });
});
