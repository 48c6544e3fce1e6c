// Invitation links: single use, expiry, revocation, the invited person only, asking for a new one;
// then the training tick that opens the cabinet.
import { beforeEach, describe, expect, it } from "vitest";
import { addAccount, confirmTraining, resendInvitation } from "@/lib/accounts/actions";
import { loadActor } from "@/lib/access/actor";
import { hasCabinetCapability } from "@/lib/access/policies";
import { requireCabinet } from "@/lib/access/guards";
import { acceptInvitation } from "@/lib/invitations/actions";
import { requestNewInvitation } from "@/lib/invitations/renewal";
import { findInvitationByToken } from "@/lib/invitations/service";
import { INVITATION_STATE_TEXT, RENEWAL_REQUEST_TEXT } from "@/lib/invitations/texts";
import { encodeFlash, FLASH_HEADER } from "@/lib/ui/flash";
import { personById } from "@/lib/demo-world/esia-world";
import { testDb } from "../../helpers/db";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import InvitationPage from "@/app/invite/[token]/page";
import { KINDERGARTEN_7_CABINET, SCHOOL_16_CABINET, lastEmailTo, newUser, pageHtml, refused, tokenIn } from "../accounts/helpers";

const db = testDb();
beforeEach(() => requestContext.clear());

const TEACHER = "person-mag-school-16-teacher";
const METHODIST = "person-mag-kindergarten-7-methodist";
const SCHOOL_16_LKO = async () => (await db.cabinet.findUniqueOrThrow({ where: { id: SCHOOL_16_CABINET } })).lkoId;

/** The organ's administrator invites someone to СОШ № 16; returns the account and the emailed token. */
async function invite(email: string, roles: Array<"MODERATOR" | "OBSERVER" | "LKO_ADMIN"> = ["MODERATOR"], cabinetId = SCHOOL_16_CABINET, name?: { lastName: string; firstName: string; middleName: string }) {
  await signInAs("organAdmin");
  const r = await addAccount(newUser({ email, roles, cabinetId, ...name }));
  if (!r.ok) throw new Error(r.error);
  return { accountId: r.data.accountId, token: tokenIn((await lastEmailTo(email))!.text) };
}

/** Whatever redirect() was asked for, as Next signals it (by throwing). */
async function redirectOf(fn: () => Promise<unknown>): Promise<string | null> {
  try {
    await fn();
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2];
  }
}

describe("переход по ссылке приглашения", () => {
  it("приглашённый входит через ЕСИА и подтверждает: учётная запись связана с ним и «Подтвержден»; повторно ссылка не работает", async () => {
    const teacher = personById.get(TEACHER)!;
    const { accountId, token } = await invite(teacher.email);
    expect((await findInvitationByToken(token))?.state).toBe("live");

    await signInAs({ personId: TEACHER });
    expect(await acceptInvitation({ token })).toEqual({ ok: true, data: { lkoId: await SCHOOL_16_LKO(), awaitingApproval: false } });
    const account = await db.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(account).toMatchObject({ status: "CONFIRMED", personId: TEACHER, trainingConfirmedAt: null });
    expect(account.confirmedAt).toBeInstanceOf(Date);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "account.confirmed", entityId: accountId } });
    expect(event).toMatchObject({ actorPersonId: TEACHER, cabinetId: SCHOOL_16_CABINET, data: expect.objectContaining({ matchedBy: "email" }) });

    // The same link again, by the same person or anyone: used.
    expect(await refused(acceptInvitation({ token }))).toBe(INVITATION_STATE_TEXT.used);
    expect((await findInvitationByToken(token))?.state).toBe("used");
  });

  it("не сотрудник организации с другим адресом — отказ; сотрудник проходит проверку, но вторую учётную запись в том же кабинете не получит", async () => {
    const { accountId, token } = await invite("kindergarten.it@other-mail.demo.test");
    // The kindergarten's methodist is not staff of СОШ № 16: refused.
    await signInAs({ personId: "person-mag-kindergarten-7-methodist" });
    expect(await refused(acceptInvitation({ token }))).toContain("Приглашение адресовано другому человеку");
    // The school's head is staff of СОШ № 16 in ЕСИА: accepted, by membership.
    await signInAs({ personId: "person-mag-school-16-head" });
    const r = await acceptInvitation({ token });
    // The head already has an account in this cabinet: one person, one account per cabinet.
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("уже есть учётная запись в этом кабинете");
    expect((await db.account.findUniqueOrThrow({ where: { id: accountId } })).status).toBe("INVITED");
  });

  it("чужой человек (не тот адрес и не сотрудник организации) получает отказ, учётная запись остаётся приглашённой", async () => {
    const { accountId, token } = await invite("someone.else@school16.demo.test");
    await signInAs("invitee");
    expect(await refused(acceptInvitation({ token }))).toContain("Приглашение адресовано другому человеку");
    expect((await db.account.findUniqueOrThrow({ where: { id: accountId } })).status).toBe("INVITED");
    expect((await findInvitationByToken(token))?.state).toBe("live");
  });

  it("истёкшая ссылка отклоняется", async () => {
    const teacher = personById.get(TEACHER)!;
    const { accountId, token } = await invite(`expired.${teacher.email}`);
    await db.invitation.updateMany({ where: { accountId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await signInAs({ personId: TEACHER });
    expect(await refused(acceptInvitation({ token }))).toBe(INVITATION_STATE_TEXT.expired);
    expect((await db.account.findUniqueOrThrow({ where: { id: accountId } })).status).toBe("INVITED");
  });

  it("ссылка, заменённая повторным приглашением, отклоняется; новая работает", async () => {
    const methodist = personById.get(METHODIST)!;
    const { accountId, token } = await invite(methodist.email);
    expect((await resendInvitation({ accountId })).ok).toBe(true);
    const fresh = tokenIn((await lastEmailTo(methodist.email))!.text);
    await signInAs({ personId: METHODIST });
    expect(await refused(acceptInvitation({ token }))).toBe(INVITATION_STATE_TEXT.revoked);
    expect(await refused(acceptInvitation({ token: "a-token-that-was-never-issued" }))).toBe(INVITATION_STATE_TEXT.unknown);
    // The methodist's own address (ЕСИА's email): the fresh link is accepted though she works elsewhere.
    expect((await acceptInvitation({ token: fresh })).ok).toBe(true);
  });

  it("демо-приглашение из сида (/invite/demo-invitation-mag-school-10) действует для приглашённой", async () => {
    await signInAs("invitee");
    expect((await acceptInvitation({ token: "demo-invitation-mag-school-10" })).ok).toBe(true);
  });
});

describe("«Запросить новое приглашение»", () => {
  it("по истёкшей ссылке администраторы кабинета и органа получают письмо — один раз; по действующей — не нужно", async () => {
    const { accountId, token } = await invite("asks.again@school16.demo.test");
    expect(await requestNewInvitation(token)).toBe("not-needed");
    await db.invitation.updateMany({ where: { accountId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await requestNewInvitation(token)).toBe("sent");
    const mails = await db.outboxEmail.findMany({ where: { subject: { startsWith: "Запрос нового приглашения" } } });
    const to = mails.map((m) => m.to);
    expect(to).toContain(personById.get("person-organ-admin")!.email.toLowerCase());
    expect(to).toContain(personById.get("person-mag-school-16-head")!.email.toLowerCase());
    expect(await requestNewInvitation(token)).toBe("already");
    expect(await db.outboxEmail.count({ where: { subject: { startsWith: "Запрос нового приглашения" } } })).toBe(mails.length);
    expect(await requestNewInvitation("nonsense-token-value")).toBe("unknown");
  });
});

describe("использованная ссылка", () => {
  const renderInvitation = (token: string) => pageHtml(InvitationPage({ params: Promise.resolve({ token }) }));

  it("страница говорит «уже использовано», предлагает «Войти» и запрос администратору; запрос уходит администраторам, новой ссылки никто не получает", async () => {
    // A person with no account yet, invited at the address ЕСИА has for them.
    const employee = personById.get("person-institution-employee")!;
    const { accountId, token } = await invite(employee.email);
    await signInAs({ personId: employee.id });
    expect((await acceptInvitation({ token })).ok).toBe(true);
    requestContext.clear(); // whoever holds the link now is not signed in

    const html = await renderInvitation(token);
    expect(html).toContain("<h1>Приглашение уже использовано</h1>");
    expect(html).toMatch(/<a[^>]*href="\/signin"[^>]*>Войти<\/a>/);
    expect(html).toContain("Если вы не подтверждали приглашение, запросите новое у администратора");
    expect(html).toContain(`action="/invite/${token}/request"`);

    const before = { invitations: await db.invitation.count({ where: { accountId } }), toAccount: await db.outboxEmail.count({ where: { to: employee.email.toLowerCase() } }) };
    expect(await requestNewInvitation(token)).toBe("reported");
    const reports = await db.outboxEmail.findMany({ where: { dedupeKey: { startsWith: "invitation-used-report:" } } });
    expect(reports.map((m) => m.to)).toEqual(expect.arrayContaining([personById.get("person-organ-admin")!.email.toLowerCase()]));
    expect(reports[0].subject).toContain("Приглашение уже использовано");
    expect(reports[0].text).toContain(`${employee.lastName} ${employee.firstName}`); // who confirmed, for the administrators to check
    // Never a token to whoever holds a used link: no new invitation, nothing mailed to the account's address.
    expect(await db.invitation.count({ where: { accountId } })).toBe(before.invitations);
    expect(await db.outboxEmail.count({ where: { to: employee.email.toLowerCase() } })).toBe(before.toAccount);
    expect(await db.account.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({ status: "CONFIRMED", personId: employee.id });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "invitation.renewal_requested", entityId: accountId } })).toMatchObject({ data: expect.objectContaining({ invitationState: "used" }) });
    // Once per link.
    expect(await requestNewInvitation(token)).toBe("already");
    expect(await db.outboxEmail.count({ where: { dedupeKey: { startsWith: "invitation-used-report:" } } })).toBe(reports.length);
    // The request's route leaves a one-shot message; the page shows what proxy.ts took for it.
    requestContext.setHeader(FLASH_HEADER, encodeFlash({ tone: "success", title: RENEWAL_REQUEST_TEXT.reported }));
    expect(await renderInvitation(token)).toContain("они проверят, кто подтвердил учётную запись");
  });

  it("использованная ссылка учётной записи, перенесённой в архив, тоже ведёт к администраторам", async () => {
    const { accountId, token } = await invite("used.then.archived@school16.demo.test");
    // Confirmed through this link, later archived (the state, not the path, matters here).
    await db.invitation.updateMany({ where: { accountId }, data: { usedAt: new Date() } });
    await db.account.update({ where: { id: accountId }, data: { status: "ARCHIVED", statusBeforeArchive: "CONFIRMED", archivedAt: new Date() } });
    expect((await findInvitationByToken(token))?.state).toBe("used");
    expect(await requestNewInvitation(token)).toBe("reported");
    const report = await db.outboxEmail.findFirstOrThrow({ where: { dedupeKey: { startsWith: "invitation-used-report:" }, text: { contains: "used.then.archived@" } } });
    expect(report.text).toContain("«В архиве»");
  });
});

describe("«Мною пройдено обучение»", () => {
  it("до отметки кабинет не открывается ни по какому адресу и действия отклоняются; после — работает, время записано", async () => {
    // By ЕСИА membership: the kindergarten's methodist, invited under her name at another address
    // (under another name she would wait for an administrator: approval.test.ts).
    const methodist = personById.get(METHODIST)!;
    const { accountId, token } = await invite("methodist.work@kindergarten7.demo.test", ["LKO_ADMIN"], KINDERGARTEN_7_CABINET, {
      lastName: methodist.lastName, firstName: methodist.firstName, middleName: methodist.middleName ?? "",
    });
    await signInAs({ personId: METHODIST });
    expect((await acceptInvitation({ token })).ok).toBe(true);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "account.confirmed", entityId: accountId } })).toMatchObject({ data: expect.objectContaining({ matchedBy: "membership" }) });
    const lko = (await db.cabinet.findUniqueOrThrow({ where: { id: KINDERGARTEN_7_CABINET } })).lkoId;

    // Skipping the tick by URL: every cabinet page sends to /training.
    const other = await SCHOOL_16_LKO();
    for (const path of [String(lko), String(other)]) {
      const target = await redirectOf(async () => requireCabinet(path));
      expect(target).toBe(`/training?next=${encodeURIComponent(`/admin/cabinets/${path}`)}`);
    }
    // And the server actions refuse (an LKO_ADMIN role, but untrained).
    expect(await hasCabinetCapability(await loadActor(METHODIST), "accounts.manage", KINDERGARTEN_7_CABINET)).toBe(false);
    expect(await refused(addAccount(newUser({ cabinetId: KINDERGARTEN_7_CABINET })))).toMatch(/Нет прав/);

    // The tick must be a tick.
    const unticked = await confirmTraining({ next: `/admin/cabinets/${lko}` });
    expect(unticked.ok).toBe(false);
    if (!unticked.ok) expect(unticked.fieldErrors?.trained?.[0]).toBe("Поставьте отметку «Мною пройдено обучение».");
    // An outside address in `next` is not followed.
    expect(await confirmTraining({ trained: "on", next: "https://evil.example/admin" })).toMatchObject({ ok: true, data: { next: "/admin" } });
    const account = await db.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(account.trainingConfirmedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { action: "account.training_confirmed", entityId: accountId } })).toBe(1);

    expect(await redirectOf(async () => requireCabinet(String(lko)))).toBeNull();
    expect((await addAccount(newUser({ cabinetId: KINDERGARTEN_7_CABINET }))).ok).toBe(true);
    // Once is enough.
    expect(await refused(confirmTraining({ trained: true }))).toContain("уже стоит");
  });

  it("отметку не может поставить человек без подтверждённой учётной записи", async () => {
    await signInAs("noOrg");
    expect(await refused(confirmTraining({ trained: true }))).toContain("нет подтверждённых учётных записей");
  });
});
