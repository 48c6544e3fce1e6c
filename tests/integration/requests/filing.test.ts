// Filing a cabinet request (issue 4): who may file, the instruction's rules, and where it goes.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { fileCabinetRequest } from "@/lib/requests/filing-actions";
import { ORG, DEMO_INSTITUTION } from "@/lib/demo-world/esia-world";
import { signInAs, signOutOfContext } from "../../helpers/session";
import { ED, REGION, expectOk, expectRefused, schoolWorkRequest, snapshot } from "./support";

const SCHOOL_13 = "org-mag-school-13";
const head13 = { personId: "person-mag-school-13-head" };

describe("подача заявки на рабочий кабинет", () => {
  it("руководитель школы с группой доступа подаёт заявку; она уходит в орган, чью редакцию он выбрал", async () => {
    const { personId } = await signInAs(head13);
    const { requestId } = expectOk(await fileCabinetRequest(schoolWorkRequest()));
    const request = await db.cabinetRequest.findUniqueOrThrow({ where: { id: requestId }, include: { revisions: true } });
    expect(request).toMatchObject({
      organizationId: SCHOOL_13, kind: "WORK", status: "PENDING", applicantId: personId, reviewerOrganizationId: ORG.eduDepartment,
      currentRevision: 1, version: 0, rejectionReason: null,
    });
    expect(request.revisions).toEqual([
      expect.objectContaining({
        number: 1, name: "МОУ «СОШ № 13» г. Магнитогорска", regionId: REGION, type: "SUBORDINATE_OMSU", editorialCabinetId: ED.eduDepartment,
        sphereIds: ["sphere-education"], email: "priemnaya@mag-school13.demo.test", authorId: personId, decision: null,
      }),
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: requestId } });
    expect(audit).toMatchObject({ action: "request.submitted", actorPersonId: personId, organizationId: SCHOOL_13 });
    // No notice yet: the result of the review is what the applicant is emailed.
    expect(await db.outboxEmail.count({ where: { to: "priemnaya@mag-school13.demo.test" } })).toBe(0);
  });

  it("вторая открытая заявка того же вида не принимается", async () => {
    await signInAs({ personId: "person-mag-school-14-head" });
    const before = await snapshot();
    expectRefused(await fileCabinetRequest(schoolWorkRequest({ name: "СОШ № 14" })), "Ваша заявка на подключение кабинета уже находится на рассмотрении");
    expect(await snapshot()).toEqual(before);
  });

  it("отклонённую заявку исправляют, а не подают заново", async () => {
    const rejected = await db.cabinetRequest.findFirstOrThrow({ where: { status: "REJECTED", kind: "WORK", organization: { parentId: ORG.eduDepartment } }, select: { organizationId: true } });
    await signInAs({ personId: `person-${rejected.organizationId.replace(/^org-/, "")}-head` });
    const before = await snapshot();
    expectRefused(await fileCabinetRequest(schoolWorkRequest()), /отклонена: исправьте её/);
    expect(await snapshot()).toEqual(before);
  });

  it("у организации уже есть рабочий кабинет", async () => {
    await signInAs({ personId: "person-mag-school-16-head" });
    const before = await snapshot();
    expectRefused(await fileCabinetRequest(schoolWorkRequest()), /уже есть рабочий кабинет: уникальный номер ЛКО \d+/);
    expect(await snapshot()).toEqual(before);
  });
});

describe("отказ тем, у кого нет права подать заявку: каждый видит, чего не хватает", () => {
  it("руководитель без группы доступа «ПОС. Госпаблики. Кабинет учреждения»", async () => {
    await signInAs("institutionHead");
    const before = await snapshot();
    const result = await fileCabinetRequest(schoolWorkRequest({ name: "МОУ «СОШ № 8»" }));
    expectRefused(result, "вы не добавлены в группу доступа «ПОС. Госпаблики. Кабинет учреждения» в ЕСИА");
    expect(result.ok || result.error).not.toMatch(/роли/);
    expect(await snapshot()).toEqual(before);
  });

  it("сотрудник без роли «Администратор» или «Руководитель»", async () => {
    await signInAs("institutionEmployee");
    const before = await snapshot();
    const result = await fileCabinetRequest(schoolWorkRequest({ name: "МОУ «СОШ № 5»" }));
    expectRefused(result, "в профиле организации в ЕСИА у вас нет роли «Администратор» или «Руководитель»");
    expect(result.ok || result.error).not.toMatch(/группу доступа/);
    expect(await snapshot()).toEqual(before);
  });

  it("специалист без роли и без группы видит оба пробела", async () => {
    await signInAs({ personId: "person-mag-school-13-it" });
    const result = await fileCabinetRequest(schoolWorkRequest());
    expectRefused(result, /нет роли «Администратор» или «Руководитель».*; вы не добавлены в группу доступа/);
  });

  it("сотрудник двух организаций, не выбравший организацию", async () => {
    await signInAs("multiOrg");
    expectRefused(await fileCabinetRequest(schoolWorkRequest()), "Выберите организацию, от имени которой подаёте заявку.");
  });

  it("без входа", async () => {
    signOutOfContext();
    expectRefused(await fileCabinetRequest(schoolWorkRequest()), "Сеанс завершён");
  });
});

describe("рабочий кабинет — только после кабинета редакции", () => {
  it("территориальный орган без своего кабинета редакции не может создать рабочий кабинет", async () => {
    await signInAs({ personId: "person-to-minobr-magnitogorsk-admin" });
    const before = await snapshot();
    const result = await fileCabinetRequest(schoolWorkRequest({ name: "ТО Минобрнауки", type: "TERRITORIAL_ROIV", editorialCabinetId: ED.ministryEducation, sphereIds: ["sphere-education"] }));
    expectRefused(result, "Рабочий кабинет РОИВ или ОМСУ создаётся после кабинета редакции");
    expect(!result.ok && result.fieldErrors?.editorialCabinetId).toBeTruthy();
    expect(await snapshot()).toEqual(before);
  });

  it("учреждение не может выбрать редакцию, которой нет, или не своего типа и региона", async () => {
    await signInAs("institutionAdmin");
    const before = await snapshot();
    for (const bad of [
      { editorialCabinetId: "cab-ed-nobody" }, // no such editorial cabinet
      { editorialCabinetId: ED.ministryEducation }, // a РОИВ's for a subordinate ОМСУ organization
      { editorialCabinetId: "cab-work-omsu-magnitogorsk" }, // a work cabinet, not an editorial one
      { regionId: "region-77" }, // Moscow: the Управление образования is not there
      { type: "SUBORDINATE_ROIV" }, // an ОМСУ's editorial cabinet for a РОИВ's institution
    ]) {
      const result = await fileCabinetRequest(schoolWorkRequest(bad));
      expectRefused(result, /Выберите из списка кабинет редакции органа|Проверьте/);
      expect(!result.ok && Object.keys(result.fieldErrors ?? {})).toContain("editorialCabinetId");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("кабинет редакции — не для подведомственного учреждения", async () => {
    await signInAs("institutionAdmin");
    const before = await snapshot();
    const result = await fileCabinetRequest(schoolWorkRequest({ kind: "EDITORIAL", type: "OMSU", editorialCabinetId: undefined, name: "СОШ № 5" }));
    expectRefused(result, "подведомственное учреждение: ей нужен рабочий кабинет");
    expect(await snapshot()).toEqual(before);
    expect(DEMO_INSTITUTION.filing).toBe("org-mag-school-5");
  });
});

describe("неверные данные: понятное сообщение по-русски, ничего не записано", () => {
  it.each([
    ["пустой ввод", {}, ["kind", "name", "regionId", "type", "sphereIds", "email"]],
    ["не объект", "заявка", ["_"]],
    ["неизвестный вид кабинета", schoolWorkRequest({ kind: "ARCHIVE" }), ["kind"]],
    ["неизвестный тип", schoolWorkRequest({ type: "ROIV'; DROP TABLE" }), ["type"]],
    ["слишком длинное название", schoolWorkRequest({ name: "Ш".repeat(251) }), ["name"]],
    ["пробелы вместо названия", schoolWorkRequest({ name: "   " }), ["name"]],
    ["почта без домена", schoolWorkRequest({ email: "school13@" }), ["email"]],
    ["сферы не выбраны", schoolWorkRequest({ sphereIds: [] }), ["sphereIds"]],
    ["сферы — не строки", schoolWorkRequest({ sphereIds: [{ id: 1 }] }), ["sphereIds.0"]],
    ["несуществующая сфера", schoolWorkRequest({ sphereIds: ["sphere-space"] }), ["sphereIds"]],
    ["несуществующий регион", schoolWorkRequest({ regionId: "region-999" }), ["regionId"]],
    ["редакция не выбрана", schoolWorkRequest({ editorialCabinetId: "" }), ["editorialCabinetId"]],
  ] as const)("%s", async (_name, input, fields) => {
    // A school without a request, so that only the input is wrong.
    await signInAs("institutionAdmin");
    const before = await snapshot();
    const result = await fileCabinetRequest(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([...fields].sort());
    for (const messages of Object.values(result.fieldErrors ?? {})) for (const m of messages) expect(m).toMatch(/[А-Яа-яЁё]/);
    expect(await snapshot()).toEqual(before);
  });
});
