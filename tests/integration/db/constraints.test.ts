// Each rule that must never break is enforced by the database itself, not only by the services.
import { describe, expect, it } from "vitest";
import { testDb } from "../../helpers/db";
import { organizationById, ORG } from "@/lib/demo-world/esia-world";

const db = testDb();

async function expectRejected(write: Promise<unknown>, constraint: RegExp) {
  await expect(write).rejects.toThrow(constraint);
}

describe("ограничения базы данных", () => {
  it("ОГРН уникален", async () => {
    const existing = organizationById.get(ORG.eduDepartment)!;
    await expectRejected(
      db.organization.create({
        data: { esiaOid: "9999999001", fullName: "Двойник", shortName: "Двойник", ogrn: existing.ogrn, inn: "7414000015", kind: "OMSU", regionId: "region-74" },
      }),
      /ogrn/,
    );
  });

  it("ОГРН — 13 цифр", async () => {
    await expectRejected(
      db.organization.create({
        data: { esiaOid: "9999999002", fullName: "Ошибка", shortName: "Ошибка", ogrn: "12345", inn: "7414000015", kind: "OMSU", regionId: "region-74" },
      }),
      /Organization_ogrn_format|check constraint/i,
    );
  });

  it("адрес электронной почты учётной записи уникален и хранится в нижнем регистре", async () => {
    const existing = await db.account.findFirstOrThrow();
    const base = { cabinetId: existing.cabinetId, lastName: "Тестов", firstName: "Тест", position: "Специалист" };
    await expectRejected(db.account.create({ data: { ...base, email: existing.email } }), /email/);
    await expectRejected(db.account.create({ data: { ...base, email: existing.email.toUpperCase() } }), /Account_email_lower_case|check constraint/i);
  });

  it("одна открытая заявка на организацию и вид кабинета", async () => {
    const pending = await db.cabinetRequest.findFirstOrThrow({ where: { status: "PENDING", kind: "WORK" } });
    await expectRejected(
      db.cabinetRequest.create({
        data: { organizationId: pending.organizationId, kind: "WORK", applicantId: pending.applicantId, reviewerOrganizationId: pending.reviewerOrganizationId },
      }),
      /CabinetRequest_open_per_organization_kind|Unique constraint/i,
    );
    // A request of the other kind for the same organization is allowed.
    await expect(
      db.cabinetRequest.create({
        data: { organizationId: pending.organizationId, kind: "EDITORIAL", applicantId: pending.applicantId, reviewerOrganizationId: pending.reviewerOrganizationId },
      }),
    ).resolves.toMatchObject({ status: "PENDING" });
  });

  it("отклонённая заявка всегда с причиной", async () => {
    const pending = await db.cabinetRequest.findFirstOrThrow({ where: { status: "PENDING" } });
    await expectRejected(
      db.cabinetRequest.update({ where: { id: pending.id }, data: { status: "REJECTED", decidedAt: new Date(), rejectionReason: "  " } }),
      /CabinetRequest_rejected_has_reason|check constraint/i,
    );
  });

  it("внешние ключи: учётная запись только в существующем кабинете", async () => {
    await expectRejected(
      db.account.create({ data: { cabinetId: "нет-такого", email: "ghost@demo.test", lastName: "Нет", firstName: "Нет", position: "Нет" } }),
      /Foreign key|cabinetId/i,
    );
  });

  it("одно действующее приглашение на учётную запись", async () => {
    const live = await db.invitation.findFirstOrThrow({ where: { usedAt: null, revokedAt: null } });
    await expectRejected(
      db.invitation.create({ data: { accountId: live.accountId, tokenHash: "x".repeat(64), sentTo: live.sentTo, expiresAt: new Date(Date.now() + 1e8) } }),
      /Invitation_one_live_per_account|Unique constraint/i,
    );
  });

  it("рабочий кабинет привязан к кабинету редакции, кабинет редакции — ни к чему", async () => {
    const organ = await db.cabinet.findFirstOrThrow({ where: { kind: "EDITORIAL" } });
    await expectRejected(
      db.cabinet.update({ where: { id: organ.id }, data: { editorialCabinetId: organ.id } }),
      /Cabinet_work_bound_to_editorial|check constraint/i,
    );
    const work = await db.cabinet.findFirstOrThrow({ where: { kind: "WORK" } });
    await expectRejected(
      db.cabinet.update({ where: { id: work.id }, data: { editorialCabinetId: null } }),
      /Cabinet_work_bound_to_editorial|check constraint/i,
    );
  });

  it("у организации один кабинет каждого вида", async () => {
    const work = await db.cabinet.findFirstOrThrow({ where: { kind: "WORK" } });
    await expectRejected(
      db.cabinet.create({
        data: { kind: "WORK", type: work.type, name: "Второй", organizationId: work.organizationId, regionId: work.regionId, editorialCabinetId: work.editorialCabinetId, email: "x@demo.test" },
      }),
      /organizationId|Unique constraint/i,
    );
  });

  it("номер ЛКО выдаётся последовательностью и уникален", async () => {
    const work = await db.cabinet.findFirstOrThrow({ where: { kind: "WORK" } });
    const org = await db.organization.findFirstOrThrow({ where: { cabinets: { none: {} }, kind: "SUBORDINATE_OMSU" } });
    const created = await db.cabinet.create({
      data: { kind: "WORK", type: "SUBORDINATE_OMSU", name: "Новый", organizationId: org.id, regionId: work.regionId, editorialCabinetId: work.editorialCabinetId, email: "n@demo.test" },
    });
    expect(created.lkoId).toBeGreaterThanOrEqual(300_000);
    await expectRejected(db.cabinet.update({ where: { id: created.id }, data: { lkoId: work.lkoId } }), /lkoId|Unique constraint/i);
  });
});
