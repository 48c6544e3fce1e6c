// Issue 17, finding 3: an ЕСИА employee of the organization accepted an invitation addressed to
// another person, and the accounts list still showed the invited name with «Подтвержден». Now it
// names the person from ЕСИА who accepted and marks what differs from the invitation.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listAccounts, ZAccountListQuery } from "@/lib/accounts/list";
import { acceptanceOf, mismatchText } from "@/lib/accounts/acceptance";

const CABINET = "cab-work-mag-school-18";
const invited = { lastName: "Рябинина", firstName: "Ксения", middleName: "Егоровна", email: "k.ryabinina@school18.demo.test" };

describe("кто на самом деле подтвердил приглашение", () => {
  it("тот же человек — без отметки; регистр, ё и пробелы не в счёт; отчество или почта, которых ЕСИА не дала, — не несовпадение", () => {
    expect(acceptanceOf(invited, null)).toBeNull();
    expect(acceptanceOf(invited, { ...invited })).toEqual({ person: "Рябинина Ксения Егоровна", mismatch: [] });
    expect(acceptanceOf(invited, { lastName: " рябинина", firstName: "КСЕНИЯ", middleName: null, email: null })!.mismatch).toEqual([]);
    expect(acceptanceOf({ ...invited, lastName: "Семёнова" }, { ...invited, lastName: "Семенова" })!.mismatch).toEqual([]);
  });

  it("другое ФИО или другой адрес — отмечены", () => {
    expect(acceptanceOf(invited, { ...invited, firstName: "Ольга" })).toEqual({ person: "Рябинина Ольга Егоровна", mismatch: ["name"] });
    expect(acceptanceOf(invited, { ...invited, middleName: "Петровна" })!.mismatch).toEqual(["name"]);
    expect(acceptanceOf(invited, { ...invited, email: "other@school18.demo.test" })!.mismatch).toEqual(["email"]);
    expect(mismatchText(["name", "email"])).toMatch(/^ФИО и адрес почты не совпадают с приглашением: .*в архив$/);
  });

  it("список учётных записей называет человека из ЕСИА и отмечает несовпадение", async () => {
    const account = await db.account.findFirstOrThrow({ where: { cabinetId: CABINET, status: "CONFIRMED", personId: { not: null } }, include: { person: true } });
    const rowOf = async () => (await listAccounts(CABINET, ZAccountListQuery.parse({}))).rows.find((r) => r.id === account.id)!;
    expect((await rowOf()).acceptance).toMatchObject({ mismatch: [] });

    // A colleague from the same organization in ЕСИА, with another name and address, accepted it.
    const colleague = await db.person.create({ data: { esiaOid: "9000017", lastName: "Другова", firstName: "Анна", middleName: null, email: "drugova@school18.demo.test" } });
    await db.account.update({ where: { id: account.id }, data: { personId: colleague.id } });
    const row = await rowOf();
    expect(row.displayStatus).toBe("CONFIRMED");
    expect(row.acceptance).toEqual({ person: "Другова Анна", mismatch: ["name", "email"] });
    // The invited name and address stay what the administrator typed.
    expect(row).toMatchObject({ lastName: account.lastName, email: account.email });
  });
});
