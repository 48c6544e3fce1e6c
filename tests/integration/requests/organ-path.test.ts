// Organs (issue 4): an editorial cabinet goes to the region's operator; an organ's own work cabinet
// comes after it, takes Регион, Тип, Редакция and Сферы from it, and also goes to the operator.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ORG } from "@/lib/demo-world/esia-world";
import { fileCabinetRequest } from "@/lib/requests/filing-actions";
import { loadRegistration } from "@/lib/requests/filing";
import { approveCabinetRequest } from "@/lib/requests/review-actions";
import { signInAs } from "../../helpers/session";
import { ED, REGION, expectOk, expectRefused, snapshot } from "./support";

const TO_ADMIN = { personId: "person-to-minobr-magnitogorsk-admin" };
const UO_ADMIN = { personId: "person-omsu-mag-uo-admin" };

describe("кабинет редакции и рабочий кабинет органа", () => {
  it("кабинет редакции в регионе без регионального оператора подать некому (пока у органа нет кабинета редакции)", async () => {
    await signInAs(TO_ADMIN);
    const result = await fileCabinetRequest({ kind: "EDITORIAL", name: "Где-то ещё", regionId: "region-77", type: "TERRITORIAL_ROIV", sphereIds: ["sphere-education"], email: "x@to-minobr-mgn.demo.test" });
    expectRefused(result, "нет регионального оператора ПОС");
  });

  it("территориальный орган: кабинет редакции → оператор одобряет → рабочий кабинет по его данным", async () => {
    await signInAs(TO_ADMIN);
    const editorialInput = { kind: "EDITORIAL", name: "ТО Минобрнауки по г. Магнитогорску", regionId: REGION, type: "TERRITORIAL_ROIV", sphereIds: ["sphere-education"], email: "to@to-minobr-mgn.demo.test" };
    const { requestId } = expectOk(await fileCabinetRequest(editorialInput));
    expect(await db.cabinetRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ kind: "EDITORIAL", reviewerOrganizationId: ORG.ministryDigital });

    // The Управление образования does not review organs' editorial cabinets; the operator does.
    await signInAs("organAdmin");
    expectRefused(await approveCabinetRequest({ requestId, version: 0 }), "адресована другому органу");
    await signInAs("operator");
    const { lkoId, cabinetId } = expectOk(await approveCabinetRequest({ requestId, version: 0 }));
    expect(await db.cabinet.findUniqueOrThrow({ where: { id: cabinetId } })).toMatchObject({ lkoId, kind: "EDITORIAL", type: "TERRITORIAL_ROIV", editorialCabinetId: null });

    const registration = await loadRegistration("org-to-minobr-magnitogorsk", "WORK");
    expect(registration.ownEditorial).toMatchObject({ id: cabinetId, regionId: REGION, type: "TERRITORIAL_ROIV", sphereIds: ["sphere-education"] });

    await signInAs(TO_ADMIN);
    const work = { kind: "WORK", name: "ТО Минобрнауки (рабочий кабинет)", regionId: REGION, type: "TERRITORIAL_ROIV", editorialCabinetId: cabinetId, sphereIds: ["sphere-education"], email: "to@to-minobr-mgn.demo.test" };
    const before = await snapshot();
    for (const changed of [{ sphereIds: ["sphere-education", "sphere-culture"] }, { type: "ROIV" }, { editorialCabinetId: ED.ministryEducation }]) {
      expectRefused(await fileCabinetRequest({ ...work, ...changed }), "заполняются по кабинету редакции вашей организации");
    }
    expect(await snapshot()).toEqual(before);
    const filed = expectOk(await fileCabinetRequest(work));
    expect(await db.cabinetRequest.findUniqueOrThrow({ where: { id: filed.requestId } })).toMatchObject({ kind: "WORK", reviewerOrganizationId: ORG.ministryDigital });

    await signInAs("operator");
    const approved = expectOk(await approveCabinetRequest({ requestId: filed.requestId, version: 0 }));
    expect(await db.cabinet.findUniqueOrThrow({ where: { id: approved.cabinetId } })).toMatchObject({ kind: "WORK", editorialCabinetId: cabinetId });
    // Its own editorial cabinet does not make the organ its own supervisor.
    expect(await db.organization.findUniqueOrThrow({ where: { id: "org-to-minobr-magnitogorsk" } })).toMatchObject({ kind: "TERRITORIAL_ROIV", parentId: ORG.ministryEducation });
  });

  it("ОМСУ с кабинетом редакции подаёт заявку на рабочий кабинет с заблокированными полями", async () => {
    await signInAs(UO_ADMIN);
    const registration = await loadRegistration(ORG.eduDepartment, "WORK");
    expect(registration.ownEditorial?.id).toBe(ED.eduDepartment);
    const own = registration.ownEditorial!;
    const { requestId } = expectOk(
      await fileCabinetRequest({ kind: "WORK", name: "Управление образования (рабочий кабинет)", regionId: own.regionId, type: own.type, editorialCabinetId: own.id, sphereIds: own.sphereIds, email: "uo@uo-mgn.demo.test" }),
    );
    expect(await db.cabinetRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ reviewerOrganizationId: ORG.ministryDigital });
  });

  it("кабинет редакции — только для органов", async () => {
    await signInAs(UO_ADMIN);
    const result = await fileCabinetRequest({ kind: "EDITORIAL", name: "Школа", regionId: REGION, type: "SUBORDINATE_OMSU", sphereIds: ["sphere-education"], email: "x@uo-mgn.demo.test" });
    expectRefused(result, "Проверьте правильность заполнения полей.");
    expect(!result.ok && result.fieldErrors?.type?.[0]).toMatch(/Кабинет редакции создают РОИВ, ОМСУ/);
  });
});
