// The whole path of a request through the actions (issue 4): filed, rejected with a reason, fixed
// and sent back as a new revision (the reviewer sees what changed), approved.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/access/actor";
import { fileCabinetRequest, resubmitCabinetRequest } from "@/lib/requests/filing-actions";
import { loadRegistration } from "@/lib/requests/filing";
import { approveCabinetRequest, rejectCabinetRequest } from "@/lib/requests/review-actions";
import { loadRequestCard } from "@/lib/requests/review";
import { signInAs } from "../../helpers/session";
import { ED, expectOk, expectRefused, schoolWorkRequest, snapshot } from "./support";

const SCHOOL_13 = "org-mag-school-13";
const head13 = { personId: "person-mag-school-13-head" };

describe("отклонение, исправление, повторная подача, одобрение", () => {
  let requestId = "";

  it("заявитель видит причину отклонения и исправляет заявку новой редакцией", async () => {
    await signInAs(head13);
    ({ requestId } = expectOk(await fileCabinetRequest(schoolWorkRequest({ name: "Кабинет школы" }))));
    await signInAs("organAdmin");
    expectOk(await rejectCabinetRequest({ requestId, version: 0, reason: "Изменить название кабинета" }));

    const registration = await loadRegistration(SCHOOL_13, "WORK");
    expect(registration.request).toMatchObject({ id: requestId, status: "REJECTED", rejectionReason: "Изменить название кабинета", version: 1 });
    expect(registration.request?.revision).toMatchObject({ number: 1, name: "Кабинет школы" });

    const { personId } = await signInAs(head13);
    const result = await resubmitCabinetRequest({ ...schoolWorkRequest({ sphereIds: ["sphere-education", "sphere-digital"] }), requestId, version: 1 });
    expect(expectOk(result)).toEqual({ requestId, revision: 2 });
    const request = await db.cabinetRequest.findUniqueOrThrow({ where: { id: requestId }, include: { revisions: { orderBy: { number: "asc" } } } });
    expect(request).toMatchObject({ status: "PENDING", version: 2, currentRevision: 2, rejectionReason: null, decidedAt: null });
    expect(request.revisions.map((r) => [r.number, r.name, r.decision])).toEqual([
      [1, "Кабинет школы", "REJECTED"],
      [2, "МОУ «СОШ № 13» г. Магнитогорска", null],
    ]);
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: requestId, action: "request.resubmitted" } })).toMatchObject({ actorPersonId: personId, data: { revision: 2 } });
  });

  it("рассматривающий видит, что изменилось между редакциями", async () => {
    const card = await loadRequestCard(await loadActor("person-organ-admin"), requestId);
    expect(card?.revisions.map((r) => r.number)).toEqual([1, 2]);
    expect(card?.revisions[1].changes).toEqual([
      { field: "name", label: "Название кабинета", before: "Кабинет школы", after: "МОУ «СОШ № 13» г. Магнитогорска" },
      { field: "sphereIds", label: "Сферы", before: "Образование", after: "Образование, Цифровое развитие и связь" },
    ]);
    expect(card?.revisions[0]).toMatchObject({ decision: "REJECTED", reason: "Изменить название кабинета" });
  });

  it("пока заявка на рассмотрении, повторно отправить её нельзя", async () => {
    await signInAs(head13);
    const before = await snapshot();
    expectRefused(await resubmitCabinetRequest({ ...schoolWorkRequest(), requestId, version: 2 }), "уже находится на рассмотрении");
    expect(await snapshot()).toEqual(before);
  });

  it("одобрение второй редакции создаёт кабинет по ней", async () => {
    await signInAs("organAdmin");
    const { lkoId } = expectOk(await approveCabinetRequest({ requestId, version: 2 }));
    const cabinet = await db.cabinet.findUniqueOrThrow({ where: { lkoId }, include: { spheres: true } });
    expect(cabinet).toMatchObject({ name: "МОУ «СОШ № 13» г. Магнитогорска", organizationId: SCHOOL_13, editorialCabinetId: ED.eduDepartment });
    expect(cabinet.spheres.map((s) => s.sphereId).sort()).toEqual(["sphere-digital", "sphere-education"]);
    expect(await db.outboxEmail.findMany({ where: { to: "priemnaya@mag-school13.demo.test" }, orderBy: { createdAt: "asc" }, select: { subject: true } })).toEqual([
      { subject: "Заявка на подключение кабинета отклонена" },
      { subject: "Заявка на подключение кабинета одобрена" },
    ]);
    const registration = await loadRegistration(SCHOOL_13, "WORK");
    expect(registration.cabinet?.lkoId).toBe(lkoId);
    expect(registration.request?.status).toBe("APPROVED");
  });
});

describe("отказы при повторной подаче", () => {
  async function rejectedRequest() {
    await signInAs("institutionAdmin");
    const { requestId } = expectOk(await fileCabinetRequest(schoolWorkRequest({ name: "МОУ «СОШ № 5»", email: "school5@mag-school5.demo.test" })));
    await signInAs("organAdmin");
    expectOk(await rejectCabinetRequest({ requestId, version: 0, reason: "Изменить название кабинета" }));
    return requestId;
  }

  it("сотрудник без права подать заявку, чужая организация, устаревшая версия, неверные данные", async () => {
    const requestId = await rejectedRequest();
    const input = { ...schoolWorkRequest({ name: "МОУ «СОШ № 5» г. Магнитогорска" }), requestId, version: 1 };
    const before = await snapshot();

    await signInAs("institutionEmployee"); // СОШ № 5, no admin role
    expectRefused(await resubmitCabinetRequest(input), "нет роли «Администратор» или «Руководитель»");
    await signInAs(head13); // another school's head: the request is not theirs
    expectRefused(await resubmitCabinetRequest(input), "Заявка не найдена.");
    await signInAs("organAdmin"); // the reviewer is not the applicant's organization
    expectRefused(await resubmitCabinetRequest(input), /Подать заявку нельзя|Заявка не найдена/);

    await signInAs("institutionAdmin");
    expectRefused(await resubmitCabinetRequest({ ...input, version: 0 }), "Заявка изменилась, пока вы её исправляли. Обновите страницу.");
    expectRefused(await resubmitCabinetRequest({ ...input, kind: "EDITORIAL", editorialCabinetId: undefined, type: "OMSU" }), /Заявка не найдена|подведомственное/);
    for (const bad of [{ ...input, version: "последняя" }, { ...input, requestId: "" }, { ...input, email: "нет" }, { requestId, version: 1 }]) {
      const result = await resubmitCabinetRequest(bad);
      expect(result.ok).toBe(false);
      expect(!result.ok && Object.keys(result.fieldErrors ?? {}).length).toBeGreaterThan(0);
    }
    expect(await snapshot()).toEqual(before);

    expectOk(await resubmitCabinetRequest(input));
  });
});
