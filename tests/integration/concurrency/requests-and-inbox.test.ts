// Concurrency (issue 8): two people of one organization file at once — one request, with its
// revision; two coordinators accept one message at once — one transition. (Two reviewers deciding
// one request at once: tests/integration/requests/review.test.ts.)
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { citizenAddress, formFields } from "../../helpers/citizen-form";
import { DEMO_INSTITUTION } from "@/lib/demo-world/esia-world";
import { acceptMessage } from "@/lib/messages/actions";
import { STALE_MESSAGE } from "@/lib/messages/transition";
import { submitCitizenMessage } from "@/lib/messages/submit";
import { fileCabinetRequest } from "@/lib/requests/filing-actions";
import { requestContext } from "../../helpers/request-context";
import { cookiesOf } from "../../helpers/session";
import { schoolWorkRequest } from "../requests/support";

beforeEach(() => requestContext.clear());

const PENDING = "Ваша заявка на подключение кабинета уже находится на рассмотрении: дождитесь решения.";

describe("одновременная подача заявки", () => {
  it("руководитель и администратор профиля одной школы подают заявку в одну секунду: одна заявка с редакцией, второй — понятный отказ", async () => {
    const organizationId = DEMO_INSTITUTION.filing;
    const jars = await cookiesOf({ personId: "person-mag-school-5-head" }, "institutionAdmin", { personId: "person-mag-school-5-head" });
    const before = { requests: await db.cabinetRequest.count(), revisions: await db.cabinetRequestRevision.count() };
    const results = await Promise.all(
      jars.map((jar, i) => requestContext.runWithCookies(jar, () => fileCabinetRequest(schoolWorkRequest({ name: `МОУ «СОШ № 5», вкладка ${i + 1}` })))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: PENDING }, { ok: false, error: PENDING }]);

    const requests = await db.cabinetRequest.findMany({ where: { organizationId }, include: { revisions: true } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ status: "PENDING", currentRevision: 1 });
    expect(requests[0].revisions.map((r) => r.number)).toEqual([1]);
    expect(await db.cabinetRequest.count()).toBe(before.requests + 1);
    expect(await db.cabinetRequestRevision.count()).toBe(before.revisions + 1);
    expect(await db.auditEvent.count({ where: { entityId: requests[0].id, action: "request.submitted" } })).toBe(1);
  });
});

describe("одновременная работа с сообщением", () => {
  it("два координатора школы принимают одно сообщение одновременно: один переход, одно событие, второму — обновить страницу", async () => {
    const cabinet = await db.cabinet.update({ where: { id: "cab-work-mag-school-33" }, data: { officialSite: "https://school33.demo.test", noSite: false }, select: { lkoId: true } });
    // The school's ИКТ specialist is its «Модератор/исполнитель сообщений»: a second person who may accept.
    const submitted = await submitCitizenMessage(
      cabinet.lkoId,
      { category: "food", text: "В столовой школы нет горячей воды третий день.", authorName: "Гражданин", contact: "citizen@mail.demo.test", consent: "on", ...formFields(cabinet.lkoId) },
      { origin: "http://portal.test", address: citizenAddress() },
    );
    if (!submitted.ok) throw new Error(submitted.error);
    const jars = await cookiesOf({ personId: "person-mag-school-33-coordinator" }, { personId: "person-mag-school-33-it" });
    const results = await Promise.all(jars.map((jar) => requestContext.runWithCookies(jar, () => acceptMessage({ messageId: submitted.messageId, version: 0 }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: STALE_MESSAGE });
    expect(await db.citizenMessage.findUniqueOrThrow({ where: { id: submitted.messageId } })).toMatchObject({ stage: "EXECUTION", version: 1 });
    expect(await db.auditEvent.count({ where: { entityId: submitted.messageId, action: "message.accepted" } })).toBe(1);
  });
});
