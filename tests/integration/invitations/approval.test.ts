// Issue 17, finding 3 — decision 077: an invitation accepted through ЕСИА membership by a person
// whose ФИО differs from the invitation gives no rights until a cabinet administrator presses
// «Подтвердить»; «В архив» ends it. On main such an acceptance was «Подтвержден» at once.
import { beforeEach, describe, expect, it } from "vitest";
import { addAccount, approveAccount, archiveAccount, confirmTraining, restoreAccount } from "@/lib/accounts/actions";
import { listAccounts, ZAccountListQuery } from "@/lib/accounts/list";
import { loadActor } from "@/lib/access/actor";
import { hasCabinetCapability } from "@/lib/access/policies";
import { requireCabinet } from "@/lib/access/guards";
import { acceptInvitation } from "@/lib/invitations/actions";
import { personById } from "@/lib/demo-world/esia-world";
import AdminPage from "@/app/admin/page";
import InvitationPage from "@/app/invite/[token]/page";
import { USED_AWAITING_APPROVAL_TEXT } from "@/lib/invitations/texts";
import { testDb } from "../../helpers/db";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { SCHOOL_16_CABINET, lastEmailTo, navigationOf, newUser, pageHtml, refused, tokenIn } from "../accounts/helpers";

const db = testDb();
// A teacher of СОШ № 16 in ЕСИА (a member of its organization), with an address of her own.
const TEACHER = "person-mag-school-16-teacher";
beforeEach(async () => {
  requestContext.clear();
  // One person, one account per cabinet: the teacher's account from the previous test is set aside.
  await db.account.updateMany({ where: { personId: TEACHER, cabinetId: SCHOOL_16_CABINET }, data: { personId: null, status: "ARCHIVED" } });
});

const teacher = personById.get(TEACHER)!;
const ORGAN_ADMIN = personById.get("person-organ-admin")!;

/** The organ's administrator invites someone to СОШ № 16 under the given name and address; the emailed token. */
async function invite(name: { lastName: string; firstName: string; middleName?: string }, email: string) {
  await signInAs("organAdmin");
  const r = await addAccount(newUser({ ...name, middleName: name.middleName ?? "", email }));
  if (!r.ok) throw new Error(r.error);
  return { accountId: r.data.accountId, token: tokenIn((await lastEmailTo(email))!.text) };
}

const rowOf = async (accountId: string) => (await listAccounts(SCHOOL_16_CABINET, ZAccountListQuery.parse({}))).rows.find((r) => r.id === accountId)!;
const lkoOf16 = async () => String((await db.cabinet.findUniqueOrThrow({ where: { id: SCHOOL_16_CABINET } })).lkoId);

describe("кто на самом деле принял приглашение", () => {
  it("то же ФИО, другой адрес (рабочий в приглашении, личный в ЕСИА): «Подтвержден» сразу, как прежде", async () => {
    const { accountId, token } = await invite({ lastName: teacher.lastName, firstName: teacher.firstName }, "teacher.work@school16.demo.test");
    await signInAs({ personId: TEACHER });
    expect(await acceptInvitation({ token })).toEqual({ ok: true, data: { lkoId: Number(await lkoOf16()), awaitingApproval: false } });
    expect(await db.account.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({ status: "CONFIRMED", personId: TEACHER });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "account.confirmed", entityId: accountId } })).toMatchObject({ data: expect.objectContaining({ matchedBy: "membership" }) });
    // The differing address is only marked; no letter asks the administrators to approve.
    expect((await rowOf(accountId)).acceptance?.mismatch).toEqual(["email"]);
    expect(await db.outboxEmail.count({ where: { dedupeKey: { startsWith: `account-approval:${accountId}:` } } })).toBe(0);
  });

  it("другое ФИО по адресу приглашения (человек сменил фамилию): «Подтвержден», ФИО отмечено", async () => {
    const { accountId, token } = await invite({ lastName: "Прежняя", firstName: teacher.firstName }, teacher.email);
    await signInAs({ personId: TEACHER });
    expect(await acceptInvitation({ token })).toMatchObject({ ok: true, data: { awaitingApproval: false } });
    expect((await db.account.findUniqueOrThrow({ where: { id: accountId } })).status).toBe("CONFIRMED");
    expect((await rowOf(accountId)).acceptance?.mismatch).toEqual(["name"]);
  });

  it("другое ФИО через членство в ЕСИА: ждёт администратора, прав нет; администратор подтверждает — «Подтвержден», в истории", async () => {
    const { accountId, token } = await invite({ lastName: "Луговская", firstName: "Алина", middleName: "Андреевна" }, "a.lugovskaya@school16.demo.test");
    await signInAs({ personId: TEACHER });
    expect(await acceptInvitation({ token })).toMatchObject({ ok: true, data: { awaitingApproval: true } });
    expect(await db.account.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({ status: "AWAITING_APPROVAL", personId: TEACHER, confirmedAt: null });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "account.accepted_awaiting_approval", entityId: accountId } })).toMatchObject({
      actorPersonId: TEACHER, cabinetId: SCHOOL_16_CABINET,
      data: expect.objectContaining({ matchedBy: "membership", acceptedBy: `${teacher.lastName} ${teacher.firstName}${teacher.middleName ? ` ${teacher.middleName}` : ""}` }),
    });

    // No rights: not in the actor, the cabinet is «не найдено», the training tick has nothing to tick.
    expect((await loadActor(TEACHER)).accounts.some((a) => a.cabinetId === SCHOOL_16_CABINET)).toBe(false);
    expect(await hasCabinetCapability(await loadActor(TEACHER), "cabinet.view", SCHOOL_16_CABINET)).toBe(false);
    expect(await navigationOf(async () => requireCabinet(await lkoOf16()))).toBe("not-found");
    expect(await refused(confirmTraining({ trained: true }))).toContain("нет подтверждённых учётных записей");
    // And /admin tells them why.
    const html = await pageHtml(AdminPage({ searchParams: Promise.resolve({}) }));
    expect(html).toContain("Учётная запись ожидает подтверждения администратором");
    expect(html).toContain("Доступ к кабинету откроется, когда администратор ЛКО подтвердит учётную запись");

    // The administrators get a letter; the list shows who accepted and the status.
    const letter = await db.outboxEmail.findFirstOrThrow({ where: { dedupeKey: `account-approval:${accountId}:${ORGAN_ADMIN.email.toLowerCase()}` } });
    expect(letter.subject).toContain("Подтвердите учётную запись");
    expect(letter.text).toContain(`${teacher.lastName} ${teacher.firstName}`);
    const row = await rowOf(accountId);
    expect(row.displayStatus).toBe("AWAITING_APPROVAL");
    expect(row.acceptance?.mismatch).toContain("name");
    expect(row).toMatchObject({ lastName: "Луговская", email: "a.lugovskaya@school16.demo.test" });

    // The person cannot approve themselves (they hold no right here anyway).
    expect(await refused(approveAccount({ accountId }))).toMatch(/Нет (прав|доступа)/);
    // The organ's administrator approves.
    await signInAs("organAdmin");
    expect(await approveAccount({ accountId })).toMatchObject({ ok: true });
    const approved = await db.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(approved).toMatchObject({ status: "CONFIRMED", personId: TEACHER });
    expect(approved.confirmedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "account.approved", entityId: accountId } })).toMatchObject({ actorPersonId: ORGAN_ADMIN.id });
    // The person is told, at their ЕСИА address, and the link leads through the training tick.
    const told = await db.outboxEmail.findFirstOrThrow({ where: { dedupeKey: `account-approved:${accountId}` } });
    const esiaEmail = (await db.person.findUniqueOrThrow({ where: { id: TEACHER } })).email;
    expect(esiaEmail).toBeTruthy();
    expect(told.to).toBe(esiaEmail!.toLowerCase());
    expect(told.subject).toContain("Учётная запись подтверждена");
    expect(told.text).toContain("/training?next=");
    // Twice: a clear refusal, nothing changes.
    expect(await refused(approveAccount({ accountId }))).toContain("не ожидает подтверждения");

    // Now the roles work after the training tick.
    await signInAs({ personId: TEACHER });
    expect((await confirmTraining({ trained: true })).ok).toBe(true);
    expect(await hasCabinetCapability(await loadActor(TEACHER), "cabinet.view", SCHOOL_16_CABINET)).toBe(true);
  });

  it("администратор отправляет ожидающую запись в архив; «Восстановить» возвращает её к ожиданию, не к правам", async () => {
    const { accountId, token } = await invite({ lastName: "Архипова", firstName: "Вера" }, "v.arkhipova@school16.demo.test");
    await signInAs({ personId: TEACHER });
    expect((await acceptInvitation({ token })).ok).toBe(true);
    await signInAs("organAdmin");
    expect((await archiveAccount({ accountId })).ok).toBe(true);
    expect(await db.account.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({ status: "ARCHIVED", statusBeforeArchive: "AWAITING_APPROVAL" });
    expect((await rowOf(accountId)).acceptance?.mismatch).toContain("name");
    expect(await refused(approveAccount({ accountId }))).toContain("не ожидает подтверждения");
    expect((await restoreAccount({ accountId })).ok).toBe(true);
    expect((await db.account.findUniqueOrThrow({ where: { id: accountId } })).status).toBe("AWAITING_APPROVAL");
    expect((await loadActor(TEACHER)).accounts.some((a) => a.cabinetId === SCHOOL_16_CABINET)).toBe(false);
  });

  it("администратор другого органа подтвердить не может; свою учётную запись не подтверждает никто сам", async () => {
    const { accountId, token } = await invite({ lastName: "Чужова", firstName: "Нина" }, "n.chuzhova@school16.demo.test");
    await signInAs({ personId: TEACHER });
    expect((await acceptInvitation({ token })).ok).toBe(true);
    await signInAs("otherOrganAdmin");
    expect(await refused(approveAccount({ accountId }))).toBe("Нет доступа к этой учётной записи.");
    expect((await db.account.findUniqueOrThrow({ where: { id: accountId } })).status).toBe("AWAITING_APPROVAL");
    // The used link does not claim the account is confirmed.
    requestContext.clear();
    expect(await pageHtml(InvitationPage({ params: Promise.resolve({ token }) }))).toContain(USED_AWAITING_APPROVAL_TEXT);

    // The organ's administrator took a subordinate's link under another name: not theirs to approve.
    const own = await db.account.create({
      data: { cabinetId: SCHOOL_16_CABINET, email: "organ.admin.pending@school16.demo.test", lastName: "Иванова", firstName: "Ирина", position: "Учитель", status: "AWAITING_APPROVAL", personId: ORGAN_ADMIN.id },
    });
    await signInAs("organAdmin");
    expect(await refused(approveAccount({ accountId: own.id }))).toContain("Нельзя подтвердить собственную учётную запись");
    expect((await db.account.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("AWAITING_APPROVAL");
  });
});
