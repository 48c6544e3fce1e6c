// «Учетные записи»: adding users, the unique email, resend, archive and restore — and who may not.
import { beforeEach, describe, expect, it } from "vitest";
import { addAccount, archiveAccount, resendInvitation, restoreAccount } from "@/lib/accounts/actions";
import { DUPLICATE_EMAIL_MESSAGE, createInvitedAccount, isDuplicateEmailError, loadCabinetForAccounts } from "@/lib/accounts/service";
import { ZAddAccount } from "@/lib/accounts/schemas";
import { listAccounts, ZAccountListQuery } from "@/lib/accounts/list";
import { loadActor } from "@/lib/access/actor";
import { hasCabinetCapability } from "@/lib/access/policies";
import { loadSignedIn } from "@/lib/auth/session";
import { findInvitationByToken } from "@/lib/invitations/service";
import { hashToken } from "@/lib/security/tokens";
import { sphereId } from "@/lib/demo-world/reference";
import { testDb } from "../../helpers/db";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { KINDERGARTEN_7_CABINET, SCHOOL_16_CABINET, lastEmailTo, newUser, refused, tokenIn } from "./helpers";

const db = testDb();
beforeEach(() => requestContext.clear());

describe("«Добавить пользователя»", () => {
  it("администратор органа добавляет пользователя в кабинет подведомственного учреждения: учётная запись, роли, приглашение, письмо, событие", async () => {
    const { personId } = await signInAs("organAdmin");
    const input = newUser({ email: "  Alina.Lugovskaya@School16.demo.test ", roles: ["LKO_ADMIN", "OBSERVER"] });
    const result = await addAccount(input);
    expect(result).toMatchObject({ ok: true });
    const account = await db.account.findUniqueOrThrow({ where: { email: "alina.lugovskaya@school16.demo.test" }, include: { roles: true, invitations: { omit: { tokenHash: false } } } });
    expect(account).toMatchObject({ status: "INVITED", cabinetId: SCHOOL_16_CABINET, phone: "+7 (900) 111-22-33", personId: null, createdById: personId });
    expect(account.roles.map((r) => r.role).sort()).toEqual(["LKO_ADMIN", "OBSERVER"]);
    expect(account.invitations).toHaveLength(1);
    const invitation = account.invitations[0];
    const days = (invitation.expiresAt.getTime() - invitation.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 5);

    const mail = await lastEmailTo(account.email);
    expect(mail?.subject).toContain("Приглашение");
    const token = tokenIn(mail!.text);
    // Only the hash is stored; the email carries the token itself and names the expiry.
    expect(invitation.tokenHash).toBe(hashToken(token));
    expect(invitation.tokenHash).not.toContain(token);
    expect(mail!.text).toMatch(/действует 7 дней — до \d{2}\.\d{2}\.\d{4}/);
    expect(mail!.text).toContain("https://pos.gosuslugi.ru/docs/");
    expect(await db.auditEvent.count({ where: { action: "account.invited", entityId: account.id, cabinetId: SCHOOL_16_CABINET } })).toBe(1);
  });

  it("обязательные поля и формат проверяются той же схемой: ошибки у полей, ничего не создано", async () => {
    await signInAs("organAdmin");
    const before = await db.account.count();
    const result = await addAccount({ cabinetId: SCHOOL_16_CABINET, lastName: "", firstName: "Алина", email: "не-почта", phone: "12", position: "", roles: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["email", "lastName", "phone", "position", "roles"]);
    expect(result.fieldErrors?.lastName?.[0]).toBe("Заполните поле «Фамилия».");
    expect(await db.account.count()).toBe(before);
  });

  it("куратору по направлению нужны сферы; в рабочем кабинете учреждения такой роли нет", async () => {
    await signInAs("organAdmin");
    const editorial = "cab-ed-omsu-mag-uo";
    const noSpheres = await addAccount(newUser({ cabinetId: editorial, roles: ["CURATOR"] }));
    expect(noSpheres.ok || noSpheres.fieldErrors?.curatorSphereIds).toBeTruthy();
    expect(noSpheres.ok).toBe(false);
    const inSchool = await addAccount(newUser({ roles: ["CURATOR"], curatorSphereIds: [sphereId("education")] }));
    expect(inSchool.ok).toBe(false);
    if (!inSchool.ok) expect(inSchool.fieldErrors?.roles?.[0]).toContain("кабинете редакции");
    const foreignSphere = await addAccount(newUser({ cabinetId: editorial, roles: ["CURATOR"], curatorSphereIds: [sphereId("culture")] }));
    expect(foreignSphere.ok).toBe(false);
    const ok = await addAccount(newUser({ cabinetId: editorial, roles: ["CURATOR"], curatorSphereIds: [sphereId("preschool")] }));
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const role = await db.accountRole.findFirstOrThrow({ where: { accountId: ok.data.accountId, role: "CURATOR" }, include: { spheres: true } });
    expect(role.spheres.map((s) => s.sphereId)).toEqual([sphereId("preschool")]);
  });
});

describe("адрес электронной почты индивидуален для каждой учётной записи", () => {
  it("адрес, занятый в другом кабинете (в любом регистре), отклоняется понятным сообщением, ничего не создаётся и письмо не уходит", async () => {
    await signInAs("organAdmin");
    // An account of another organ's tree: the message must not say where it is.
    const foreign = await db.account.findFirstOrThrow({ where: { cabinet: { organizationId: "org-mag-culture-2" } } });
    const [accounts, emails] = [await db.account.count(), await db.outboxEmail.count()];
    const result = await addAccount(newUser({ email: foreign.email.toUpperCase() }));
    expect(result).toEqual({ ok: false, error: DUPLICATE_EMAIL_MESSAGE, fieldErrors: { email: [DUPLICATE_EMAIL_MESSAGE] } });
    expect([await db.account.count(), await db.outboxEmail.count()]).toEqual([accounts, emails]);
  });

  it("занятый адрес в своём дереве — с подсказкой, где учётная запись", async () => {
    await signInAs("organAdmin");
    const own = await db.account.findFirstOrThrow({ where: { cabinetId: KINDERGARTEN_7_CABINET } });
    const message = await refused(addAccount(newUser({ email: own.email })));
    expect(message).toContain(DUPLICATE_EMAIL_MESSAGE);
    expect(message).toContain("Д/с № 7");
  });

  it("два одновременных добавления с одним адресом: создаётся ровно одна учётная запись", async () => {
    await signInAs("organAdmin");
    const email = "race@school16.demo.test";
    const results = await Promise.all([addAccount(newUser({ email })), addAccount(newUser({ email, cabinetId: KINDERGARTEN_7_CABINET }))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const failed = results.find((r) => !r.ok);
    expect(failed && !failed.ok && failed.error).toContain(DUPLICATE_EMAIL_MESSAGE);
    expect(await db.account.count({ where: { email } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: email } })).toBe(1);
  });

  it("если проверку обогнали, решает уникальный индекс базы: ошибка распознаётся и транзакция откатывается целиком", async () => {
    const taken = await db.account.findFirstOrThrow();
    const cabinet = (await loadCabinetForAccounts(SCHOOL_16_CABINET))!;
    const [accounts, invitations, emails] = [await db.account.count(), await db.invitation.count(), await db.outboxEmail.count()];
    const error = await db
      .$transaction(async (tx) => {
        await createInvitedAccount(tx, ZAddAccount.parse(newUser({ email: "first.in.batch@school16.demo.test" })), cabinet, "person-organ-admin");
        await createInvitedAccount(tx, ZAddAccount.parse(newUser({ email: taken.email })), cabinet, "person-organ-admin");
      })
      .catch((e: unknown) => e);
    expect(isDuplicateEmailError(error)).toBe(true);
    expect([await db.account.count(), await db.invitation.count(), await db.outboxEmail.count()]).toEqual([accounts, invitations, emails]);
  });
});

describe("повторное приглашение, архив, восстановление", () => {
  async function invited() {
    await signInAs("organAdmin");
    const input = newUser();
    const r = await addAccount(input);
    if (!r.ok) throw new Error(r.error);
    return { accountId: r.data.accountId, email: input.email, token: tokenIn((await lastEmailTo(input.email))!.text) };
  }

  it("«Отправить приглашение повторно» выдаёт новую ссылку и гасит прежнюю", async () => {
    const { accountId, email, token } = await invited();
    const r = await resendInvitation({ accountId });
    expect(r.ok).toBe(true);
    const fresh = tokenIn((await lastEmailTo(email))!.text);
    expect(fresh).not.toBe(token);
    expect((await findInvitationByToken(token))?.state).toBe("revoked");
    expect((await findInvitationByToken(fresh))?.state).toBe("live");
    expect(await db.invitation.count({ where: { accountId, usedAt: null, revokedAt: null } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "account.invitation_resent", entityId: accountId } })).toBe(1);
  });

  it("подтверждённой учётной записи повторное приглашение не нужно", async () => {
    await signInAs("organAdmin");
    const confirmed = await db.account.findFirstOrThrow({ where: { cabinetId: SCHOOL_16_CABINET, status: "CONFIRMED" } });
    expect(await refused(resendInvitation({ accountId: confirmed.id }))).toContain("уже подтверждена");
  });

  it("«В архив» сразу прекращает доступ: сеансы человека завершены, права на кабинет пропали; «Восстановить» возвращает", async () => {
    // The institution's IT specialist works in СОШ № 16 (confirmed and trained in the seed).
    const it16 = await db.account.findFirstOrThrow({ where: { cabinetId: SCHOOL_16_CABINET, personId: "person-mag-school-16-it" } });
    const { sessionId } = await signInAs({ personId: "person-mag-school-16-it" });
    expect(await hasCabinetCapability(await loadActor("person-mag-school-16-it"), "cabinet.view", SCHOOL_16_CABINET)).toBe(true);

    await signInAs("organAdmin");
    const r = await archiveAccount({ accountId: it16.id });
    expect(r).toMatchObject({ ok: true, data: { sessionsEnded: 1 } });
    expect(await loadSignedIn(sessionId)).toBeNull();
    expect(await db.account.findUniqueOrThrow({ where: { id: it16.id } })).toMatchObject({ status: "ARCHIVED", statusBeforeArchive: "CONFIRMED" });

    // The archived person signs in again through ЕСИА: the portal lets them in, the cabinet does not.
    await signInAs({ personId: "person-mag-school-16-it" });
    expect(await hasCabinetCapability(await loadActor("person-mag-school-16-it"), "cabinet.view", SCHOOL_16_CABINET)).toBe(false);
    expect(await refused(addAccount(newUser()))).toMatch(/Нет прав/);

    await signInAs("organAdmin");
    expect(await restoreAccount({ accountId: it16.id })).toMatchObject({ ok: true, data: { status: "CONFIRMED" } });
    expect(await hasCabinetCapability(await loadActor("person-mag-school-16-it"), "cabinet.view", SCHOOL_16_CABINET)).toBe(true);
    const actions = (await db.auditEvent.findMany({ where: { entityId: it16.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["account.archived", "account.restored"]);
  });

  it("архив приглашённого гасит его ссылку; после восстановления нужна новая", async () => {
    const { accountId, token } = await invited();
    expect((await archiveAccount({ accountId })).ok).toBe(true);
    expect((await findInvitationByToken(token))?.state).toBe("archived");
    expect(await refused(resendInvitation({ accountId }))).toContain("в архиве");
    expect((await restoreAccount({ accountId })).ok).toBe(true);
    expect((await findInvitationByToken(token))?.state).toBe("revoked");
    expect((await resendInvitation({ accountId })).ok).toBe(true);
  });

  it("собственную учётную запись в архив не перенести", async () => {
    const { personId } = await signInAs("organAdmin");
    const own = await db.account.findFirstOrThrow({ where: { personId } });
    expect(await refused(archiveAccount({ accountId: own.id }))).toContain("собственную");
  });
});

describe("чужой орган не может действовать с этими учётными записями (вызов действий напрямую)", () => {
  for (const who of ["otherOrganAdmin", "agapovoAdmin", "institutionAdmin"] as const) {
    it(`${who}: добавить, повторить приглашение, архивировать, восстановить — отказ, ничего не изменилось`, async () => {
      const target = await db.account.findFirstOrThrow({ where: { cabinetId: SCHOOL_16_CABINET, status: "CONFIRMED", personId: { not: "person-mag-school-16-it" } } });
      const archived = await db.account.findFirstOrThrow({ where: { status: "ARCHIVED", cabinet: { editorialCabinetId: "cab-ed-omsu-mag-uo" } } });
      await signInAs(who);
      const snapshot = await db.account.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, updatedAt: true } });
      const emails = await db.outboxEmail.count();
      expect(await refused(addAccount(newUser()))).toMatch(/Нет прав/);
      expect(await refused(resendInvitation({ accountId: target.id }))).toBe("Нет доступа к этой учётной записи.");
      expect(await refused(archiveAccount({ accountId: target.id }))).toBe("Нет доступа к этой учётной записи.");
      expect(await refused(restoreAccount({ accountId: archived.id }))).toBe("Нет доступа к этой учётной записи.");
      expect(await db.account.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, updatedAt: true } })).toEqual(snapshot);
      expect(await db.outboxEmail.count()).toBe(emails);
    });
  }

  it("без входа — «Сеанс завершён»", async () => {
    expect(await refused(addAccount(newUser()))).toContain("Сеанс завершён");
  });
});

describe("таблица учётных записей", () => {
  it("поиск, фильтр по статусу и роли, сортировка, страницы", async () => {
    const cabinetId = "cab-ed-omsu-mag-uo";
    await signInAs("organAdmin");
    for (let i = 0; i < 23; i++) {
      const r = await addAccount(newUser({ cabinetId, lastName: `Тестова${String.fromCharCode(1072 + i)}`, email: `paging.${i}@uo.demo.test`, roles: i % 2 ? ["OBSERVER"] : ["MODERATOR"] }));
      if (!r.ok) throw new Error(r.error);
    }
    const q = (params: Record<string, string>) => listAccounts(cabinetId, ZAccountListQuery.parse(params));
    const all = await q({});
    expect(all.total).toBeGreaterThanOrEqual(25);
    expect(all.rows).toHaveLength(20);
    expect((await q({ page: "2" })).rows.length).toBe(all.total - 20);
    expect((await q({ q: "paging.7@" })).rows.map((r) => r.email)).toEqual(["paging.7@uo.demo.test"]);
    const observers = await q({ role: "OBSERVER", status: "INVITED" });
    expect(observers.rows.every((r) => r.roles.some((x) => x.role === "OBSERVER") && r.displayStatus === "INVITED")).toBe(true);
    const confirmed = await q({ status: "CONFIRMED" });
    expect(confirmed.rows.every((r) => r.displayStatus === "CONFIRMED")).toBe(true);
    const byEmailDesc = (await q({ sort: "email", dir: "desc" })).rows.map((r) => r.email);
    expect(byEmailDesc).toEqual([...byEmailDesc].sort().reverse());
    // Nonsense in the query string falls back to defaults.
    expect((await q({ sort: "drop table", page: "-4", status: "x" })).page).toBe(1);
  });

  it("«Приглашение истекло» — у приглашённых без действующей ссылки", async () => {
    const expired = await db.account.findFirstOrThrow({ where: { status: "INVITED", invitations: { every: { expiresAt: { lt: new Date() } } } } });
    const page = await listAccounts(expired.cabinetId, ZAccountListQuery.parse({ status: "INVITATION_EXPIRED" }));
    expect(page.rows.map((r) => r.id)).toContain(expired.id);
    expect(page.rows.every((r) => r.displayStatus === "INVITATION_EXPIRED")).toBe(true);
  });
});
