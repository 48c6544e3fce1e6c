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

  it("ИНН организации — 10 цифр, КПП — 9 цифр", async () => {
    const base = { fullName: "Ошибка", shortName: "Ошибка", kind: "OMSU" as const, regionId: "region-74" };
    await expectRejected(
      db.organization.create({ data: { ...base, esiaOid: "9999999003", ogrn: "1027400000019", inn: "74140000" } }),
      /Organization_inn_format/,
    );
    await expectRejected(
      db.organization.create({ data: { ...base, esiaOid: "9999999004", ogrn: "1027400000020", inn: "7414000015", kpp: "74140100" } }),
      /Organization_kpp_format/,
    );
    await expectRejected(
      db.organization.create({ data: { ...base, esiaOid: "9999999005", ogrn: "1027400000031", inn: "7414000015", kpp: "74140100А" } }),
      /Organization_kpp_format/,
    );
    // The same row with valid requisites is accepted: the rejections above came from the formats.
    await expect(
      db.organization.create({ data: { ...base, esiaOid: "9999999006", ogrn: "1027400000042", inn: "7414000015", kpp: "741401001" } }),
    ).resolves.toMatchObject({ kpp: "741401001" });
  });

  it("СНИЛС — 11 цифр без разделителей", async () => {
    await expectRejected(
      db.person.create({ data: { esiaOid: "9999999101", lastName: "Тестов", firstName: "Тест", snils: "190-000-013 86" } }),
      /Person_snils_format/,
    );
    await expect(db.person.create({ data: { esiaOid: "9999999102", lastName: "Тестов", firstName: "Тест", snils: "19000099900" } })).resolves.toMatchObject({
      snils: "19000099900",
    });
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

  it("отклонённая заявка тоже открыта: новая заявка той же организации и вида не создаётся", async () => {
    const rejected = await db.cabinetRequest.findFirstOrThrow({ where: { status: "REJECTED", kind: "WORK" } });
    expect(await db.cabinetRequest.count({ where: { organizationId: rejected.organizationId, kind: "WORK", status: "PENDING" } })).toBe(0);
    await expectRejected(
      db.cabinetRequest.create({
        data: { organizationId: rejected.organizationId, kind: "WORK", applicantId: rejected.applicantId, reviewerOrganizationId: rejected.reviewerOrganizationId },
      }),
      /CabinetRequest_open_per_organization_kind|Unique constraint/i,
    );
  });

  it("решённая заявка всегда со временем решения", async () => {
    const pending = await db.cabinetRequest.findFirstOrThrow({ where: { status: "PENDING" } });
    await expectRejected(
      db.cabinetRequest.update({ where: { id: pending.id }, data: { status: "REJECTED", rejectionReason: "Укажите полное наименование", decidedAt: null } }),
      /CabinetRequest_decided_has_time/,
    );
    await expect(db.cabinetRequest.findUniqueOrThrow({ where: { id: pending.id } })).resolves.toMatchObject({ status: "PENDING", rejectionReason: null });
  });

  it("одобренная заявка всегда с кабинетом", async () => {
    const pending = await db.cabinetRequest.findFirstOrThrow({ where: { status: "PENDING" } });
    await expectRejected(
      db.cabinetRequest.update({ where: { id: pending.id }, data: { status: "APPROVED", decidedAt: new Date(), cabinetId: null } }),
      /CabinetRequest_approved_has_cabinet/,
    );
    await expect(db.cabinetRequest.findUniqueOrThrow({ where: { id: pending.id } })).resolves.toMatchObject({ status: "PENDING", cabinetId: null });
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

  it("внешние ключи: рабочий кабинет привязан только к существующему кабинету редакции", async () => {
    const work = await db.cabinet.findFirstOrThrow({ where: { kind: "WORK" } });
    await expectRejected(
      db.cabinet.update({ where: { id: work.id }, data: { editorialCabinetId: "нет-такого" } }),
      /Cabinet_editorialCabinetId_fkey|Foreign key/i,
    );
    await expect(db.cabinet.findUniqueOrThrow({ where: { id: work.id } })).resolves.toMatchObject({ editorialCabinetId: work.editorialCabinetId });
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
