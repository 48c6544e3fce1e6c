// The count of waiting requests next to «Заявки» in the navigation (issue 4): exactly the PENDING
// requests addressed to the organ(s) where the person reviews — not the decided ones, not another
// organ's; someone who reviews nothing has no «Заявки» at all.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { navigationFor } from "@/lib/access/navigation";
import { getSignedIn } from "@/lib/auth/session";
import { ORG, type DemoPersonKey } from "@/lib/demo-world/esia-world";
import type { RequestStatus } from "@/lib/db/generated/enums";
import { NAV } from "@/lib/ui/strings";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";

const REGION = "region-74";
let serial = 0;

/** A new organization with one request of the given status addressed to `reviewer`. */
async function requestTo(reviewer: string, status: RequestStatus) {
  serial += 1;
  const n = String(serial).padStart(3, "0");
  const digits = String(process.pid % 100000).padStart(5, "0");
  const organization = await db.organization.create({
    data: {
      esiaOid: `7${digits}${n}`, fullName: `Учреждение для счётчика № ${n}`, shortName: `Учреждение № ${n}`,
      ogrn: `11574${digits}${n}`, inn: `74${digits}${n}`, kind: "SUBORDINATE_OMSU", regionId: REGION,
    },
  });
  const applicant = await db.person.create({ data: { esiaOid: `6${digits}${n}`, lastName: "Счётова", firstName: "Вера", email: `nav${n}.${randomUUID().slice(0, 6)}@demo.test` } });
  // An approved request names the cabinet it created (a check constraint).
  const cabinet = status === "APPROVED"
    ? await db.cabinet.create({
      data: {
        kind: "WORK", type: "SUBORDINATE_OMSU", name: organization.shortName, organizationId: organization.id, regionId: REGION,
        editorialCabinetId: (await db.cabinet.findFirstOrThrow({ where: { organizationId: reviewer, kind: "EDITORIAL" } })).id, email: `office${n}@demo.test`,
      },
    })
    : null;
  return db.cabinetRequest.create({
    data: {
      organizationId: organization.id, kind: "WORK", applicantId: applicant.id, reviewerOrganizationId: reviewer, status, cabinetId: cabinet?.id,
      decidedAt: status === "PENDING" ? null : new Date(), rejectionReason: status === "REJECTED" ? "Уточните название" : null,
      revisions: {
        create: {
          number: 1, name: organization.shortName, regionId: REGION, type: "SUBORDINATE_OMSU", editorialCabinetId: null,
          sphereIds: ["sphere-education"], email: `office${n}@demo.test`, authorId: applicant.id,
        },
      },
    },
  });
}

/** The navigation as the page header builds it for the signed-in person. */
async function navOf(who: DemoPersonKey | { personId: string }) {
  await signInAs(who);
  try {
    const signedIn = await getSignedIn();
    if (!signedIn) throw new Error("нет сессии");
    return await navigationFor(signedIn);
  } finally {
    requestContext.clear();
  }
}

async function waitingCount(who: DemoPersonKey | { personId: string }): Promise<number | undefined> {
  const item = (await navOf(who)).find((i) => i.href === "/admin/requests");
  expect(item, "нет пункта «Заявки»").toBeDefined();
  expect(item!.label).toBe(NAV.requests);
  return item!.count;
}

const pendingTo = (organizationId: string) => db.cabinetRequest.count({ where: { reviewerOrganizationId: organizationId, status: "PENDING" } });

describe("число ожидающих заявок в навигации", () => {
  const before = { edu: 0, culture: 0, operator: 0 };

  beforeAll(async () => {
    before.edu = (await waitingCount("organAdmin"))!;
    before.culture = (await waitingCount("otherOrganAdmin"))!;
    before.operator = (await waitingCount("operator"))!;
    // Управление образования: two waiting, one approved, two rejected; Управление культуры: one
    // waiting, one approved, one rejected; the operator (Минцифры): one waiting, one rejected.
    for (const status of ["PENDING", "PENDING", "APPROVED", "REJECTED", "REJECTED"] as const) await requestTo(ORG.eduDepartment, status);
    for (const status of ["PENDING", "APPROVED", "REJECTED"] as const) await requestTo(ORG.cultureDepartment, status);
    for (const status of ["PENDING", "REJECTED"] as const) await requestTo(ORG.ministryDigital, status);
  });

  it("администратор органа видит ровно ожидающие заявки своего органа", async () => {
    const edu = await waitingCount("organAdmin");
    expect(edu).toBe(before.edu + 2);
    expect(edu).toBe(await pendingTo(ORG.eduDepartment));
    expect(edu).toBeGreaterThan(0);

    const culture = await waitingCount("otherOrganAdmin");
    expect(culture).toBe(before.culture + 1);
    expect(culture).toBe(await pendingTo(ORG.cultureDepartment));
    // Neither counts the other's, nor the decided ones.
    expect(edu).not.toBe(culture);
  });

  it("региональный оператор видит ожидающие заявки, адресованные ему (кабинеты редакций РОИВ и ОМСУ)", async () => {
    const operator = await waitingCount("operator");
    expect(operator).toBe(before.operator + 1);
    expect(operator).toBe(await pendingTo(ORG.ministryDigital));
    expect(operator).toBeGreaterThan(0);
  });

  it("решение по заявке уменьшает число у своего органа и не трогает чужие", async () => {
    const waiting = await db.cabinetRequest.findFirstOrThrow({ where: { reviewerOrganizationId: ORG.eduDepartment, status: "PENDING" }, orderBy: { createdAt: "desc" } });
    const edu = await waitingCount("organAdmin");
    const culture = await waitingCount("otherOrganAdmin");
    await db.cabinetRequest.update({ where: { id: waiting.id }, data: { status: "REJECTED", rejectionReason: "Проверка счётчика", decidedAt: new Date() } });
    try {
      expect(await waitingCount("organAdmin")).toBe(edu! - 1);
      expect(await waitingCount("otherOrganAdmin")).toBe(culture);
    } finally {
      await db.cabinetRequest.update({ where: { id: waiting.id }, data: { status: "PENDING", rejectionReason: null, decidedAt: null } });
    }
  });

  it.each([
    ["сотрудник учреждения без роли администратора", "institutionEmployee"],
    ["администратор учреждения, подающий заявку", "institutionAdmin"],
    ["ИТ-специалист города (мониторинг)", "cityIt"],
    ["гражданин без организаций", "noOrg"],
  ] as const)("%s: пункта «Заявки» и числа нет", async (_name, who) => {
    const nav = await navOf(who);
    expect(nav.find((i) => i.href === "/admin/requests")).toBeUndefined();
    expect(nav.every((i) => i.count === undefined)).toBe(true);
  });

  it("администратор ЛКО учреждения: заявок ему не адресуют — пункта «Заявки» с пустой очередью нет", async () => {
    // МОУ «СОШ № 16» has a work cabinet, its head is the cabinet's Администратор ЛКО.
    await requestTo(ORG.eduDepartment, "PENDING");
    const nav = await navOf({ personId: "person-mag-school-16-head" });
    expect(nav.find((i) => i.href === "/admin")).toBeDefined();
    expect(nav.find((i) => i.href === "/admin/requests")).toBeUndefined();
  });

  it("администратор органа без отметки об обучении заявок не рассматривает — и числа не видит", async () => {
    await db.account.updateMany({ where: { personId: "person-organ-admin" }, data: { trainingConfirmedAt: null } });
    try {
      const nav = await navOf("organAdmin");
      expect(nav.find((i) => i.href === "/admin/requests")).toBeUndefined();
    } finally {
      await db.account.updateMany({ where: { personId: "person-organ-admin" }, data: { trainingConfirmedAt: new Date() } });
    }
  });
});
