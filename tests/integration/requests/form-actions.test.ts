// The form actions of the request pages (issue 4) as a browser posts them — FormData, with or
// without JavaScript — and the reason templates of «Отклонить» fed malformed input: a Russian
// message at the field, nothing written.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ORG } from "@/lib/demo-world/esia-world";
import { submitCabinetRequestForm } from "@/lib/requests/filing-actions";
import { approveCabinetRequestForm as approveRequestForm, rejectCabinetRequest, rejectCabinetRequestForm as rejectRequestForm } from "@/lib/requests/review-actions";
import { signInAs } from "../../helpers/session";
import { expectOk, pendingSchoolRequest, schoolWorkRequest, snapshot } from "./support";

function formOf(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(key, v);
  return form;
}

/** redirect() throws; its digest names the address. */
async function redirectOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    (result) => { throw new Error(`ожидался переход, а вернулось ${JSON.stringify(result)}`); },
    (e: unknown) => e,
  );
  const digest = String((error as { digest?: unknown }).digest ?? error);
  expect(digest).toMatch(/^NEXT_REDIRECT;/);
  return digest.split(";")[2];
}

const RUSSIAN = /[А-Яа-яЁё]/;

describe("форма заявки, отправленная как FormData", () => {
  it("«Создать кабинет»: заявка подана, переход к баннеру ожидания", async () => {
    await signInAs({ personId: "person-mag-school-13-head" });
    const fields = schoolWorkRequest() as Record<string, string | string[]>;
    // The $ACTION_ keys React adds to a form post are not fields.
    const form = formOf({ ...fields, "$ACTION_REF_1": "", sphereIds: ["sphere-education", "sphere-sport"] });
    expect(await redirectOf(submitCabinetRequestForm(null, form))).toBe("/registration/work");
    const request = await db.cabinetRequest.findFirstOrThrow({ where: { organizationId: "org-mag-school-13" }, include: { revisions: true } });
    expect(request.revisions[0].sphereIds.sort()).toEqual(["sphere-education", "sphere-sport"]);
  });

  it("неверная форма возвращается с тем, что человек ввёл, и сообщениями у полей", async () => {
    await signInAs("institutionAdmin");
    const before = await snapshot();
    const form = formOf(schoolWorkRequest({ email: "school@", name: "" }) as Record<string, string | string[]>);
    const result = await submitCabinetRequestForm(null, form);
    expect(result).toMatchObject({ ok: false, error: "Проверьте правильность заполнения полей.", values: { email: "school@", name: "" } });
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors).sort()).toEqual(["email", "name"]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("решения, отправленные как FormData", () => {
  it("«Одобрить» и «Отклонить» ведут обратно на карточку заявки", async () => {
    const approved = await pendingSchoolRequest();
    const rejected = await pendingSchoolRequest();
    await signInAs("organAdmin");
    expect(await redirectOf(approveRequestForm(null, formOf({ requestId: approved.requestId, version: "0" })))).toBe(`/admin/requests/${approved.requestId}`);
    const form = formOf({ requestId: rejected.requestId, version: "0", reason: "Уточните сферы деятельности", templateId: "", saveAsTemplate: "on" });
    expect(await redirectOf(rejectRequestForm(null, form))).toBe(`/admin/requests/${rejected.requestId}`);
    expect(await db.cabinetRequest.findUniqueOrThrow({ where: { id: approved.requestId } })).toMatchObject({ status: "APPROVED" });
    expect(await db.cabinetRequest.findUniqueOrThrow({ where: { id: rejected.requestId } })).toMatchObject({ status: "REJECTED", rejectionReason: "Уточните сферы деятельности" });
    expect(await db.rejectionReasonTemplate.count({ where: { text: "Уточните сферы деятельности", organizationId: ORG.eduDepartment } })).toBe(1);
  });
});

describe("шаблоны причин отклонения: неверные данные — отказ по-русски, ничего не записано", () => {
  const HUGE = "ш".repeat(65);

  it.each([
    ["шаблон — число", { templateId: 7 }, ["templateId"]],
    ["шаблон — объект", { templateId: { id: "reason-1" } }, ["templateId"]],
    ["два шаблона сразу", { templateId: ["reason-1", "reason-2"] }, ["templateId"]],
    ["идентификатор шаблона слишком длинный", { templateId: HUGE }, ["templateId"]],
    ["невидимый символ в идентификаторе шаблона", { templateId: "reason\u00001" }, ["templateId"]],
    ["сохранить шаблон без текста причины", { templateId: "", reason: "", saveAsTemplate: "on" }, ["reason"]],
    ["сохранить шаблон из пробелов", { reason: "      ", saveAsTemplate: true }, ["reason"]],
    ["сохранить шаблон из слишком длинной причины", { reason: "п".repeat(1001), saveAsTemplate: "on" }, ["reason"]],
    ["сохранить шаблон с одиноким суррогатом", { reason: "Приложите \uD800 устав", saveAsTemplate: "on" }, ["reason"]],
    ["сохранить шаблон из слишком короткой причины", { reason: "Нет", saveAsTemplate: "on" }, ["reason"]],
  ] as const)("%s", async (_name, extra, fields) => {
    const filed = await pendingSchoolRequest();
    await signInAs("organAdmin");
    const before = await snapshot();
    const result = await rejectCabinetRequest({ requestId: filed.requestId, version: 0, ...extra });
    expect(result.ok, JSON.stringify(result)).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(RUSSIAN);
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([...fields].sort());
    for (const messages of Object.values(result.fieldErrors ?? {})) for (const m of messages) expect(m).toMatch(RUSSIAN);
    expect(await snapshot()).toEqual(before);
    expect(await db.cabinetRequest.findUniqueOrThrow({ where: { id: filed.requestId } })).toMatchObject({ status: "PENDING", version: 0 });
  });

  it.each([
    ["несуществующий шаблон", "reason-nobody"],
    ["шаблон другого органа", "foreign"],
    ["SQL вместо идентификатора", "' OR '1'='1"],
  ])("%s: «Выберите шаблон причины из списка.»", async (_name, templateId) => {
    const filed = await pendingSchoolRequest();
    const foreign = await db.rejectionReasonTemplate.create({ data: { organizationId: ORG.cultureDepartment, text: `Шаблон культуры ${filed.requestId}` } });
    await signInAs("organAdmin");
    const before = await snapshot();
    const result = await rejectCabinetRequest({ requestId: filed.requestId, version: 0, templateId: templateId === "foreign" ? foreign.id : templateId });
    expect(result).toEqual({ ok: false, error: "Выберите шаблон причины из списка.", fieldErrors: { templateId: ["Выберите шаблон причины из списка."] } });
    expect(await snapshot()).toEqual(before);
  });

  it("тот же шаблон через форму: повторённое поле — отказ у поля, введённое возвращается", async () => {
    const filed = await pendingSchoolRequest();
    await signInAs("organAdmin");
    const before = await snapshot();
    const result = await rejectRequestForm(null, formOf({ requestId: filed.requestId, version: "0", templateId: ["reason-1", "reason-2"], reason: "" }));
    expect(result).toMatchObject({ ok: false, values: { templateId: ["reason-1", "reason-2"] } });
    expect(Object.keys(result && !result.ok ? (result.fieldErrors ?? {}) : {})).toContain("templateId");
    expect(await snapshot()).toEqual(before);
  });

  it("флажок «сохранить как шаблон» не того вида не сохраняет шаблон; повтор общего шаблона не дублируется", async () => {
    await signInAs("organAdmin");
    const odd = await pendingSchoolRequest();
    const templatesBefore = await db.rejectionReasonTemplate.count();
    expectOk(await rejectCabinetRequest({ requestId: odd.requestId, version: 0, reason: "Странный флажок у шаблона", saveAsTemplate: { on: true } }));
    expect(await db.rejectionReasonTemplate.count()).toBe(templatesBefore);

    const shared = await db.rejectionReasonTemplate.findFirstOrThrow({ where: { organizationId: null }, orderBy: { id: "asc" } });
    const again = await pendingSchoolRequest();
    expectOk(await rejectCabinetRequest({ requestId: again.requestId, version: 0, reason: shared.text, saveAsTemplate: "on" }));
    expect(await db.rejectionReasonTemplate.count({ where: { text: shared.text } })).toBe(1);
    expect(await db.rejectionReasonTemplate.count()).toBe(templatesBefore);
  });
});
