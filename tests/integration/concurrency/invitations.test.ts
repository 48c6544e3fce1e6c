// Concurrency of invitations (issue 8): one address invited from two places at once, a resend
// pressed twice, one link accepted in two tabs — one account, one live link, one confirmation.
import { beforeEach, describe, expect, it } from "vitest";
import { addAccount, importAccounts, resendInvitation } from "@/lib/accounts/actions";
import { DUPLICATE_EMAIL_MESSAGE } from "@/lib/accounts/service";
import { acceptInvitation } from "@/lib/invitations/actions";
import { INVITATION_STATE_TEXT } from "@/lib/invitations/texts";
import { personById } from "@/lib/demo-world/esia-world";
import { testDb } from "../../helpers/db";
import { requestContext } from "../../helpers/request-context";
import { cookiesOf } from "../../helpers/session";
import { SCHOOL_16_CABINET, lastEmailTo, newUser, tokenIn } from "../accounts/helpers";
import { ED } from "../requests/support";

const db = testDb();
beforeEach(() => requestContext.clear());

const counts = async (email: string) => ({
  accounts: await db.account.count({ where: { email } }),
  invitations: await db.invitation.count({ where: { account: { email } } }),
  emails: await db.outboxEmail.count({ where: { to: email } }),
});

describe("один адрес приглашают одновременно", () => {
  it("администраторы двух органов — каждый в своё учреждение: одна учётная запись, одно письмо, второму — понятный отказ", async () => {
    const cultureCabinet = await db.cabinet.findFirstOrThrow({ where: { kind: "WORK", status: "ACTIVE", editorialCabinetId: ED.cultureDepartment }, select: { id: true } });
    const email = "shared.address@race.demo.test";
    const [education, culture] = await cookiesOf("organAdmin", "otherOrganAdmin");
    const results = await Promise.all([
      requestContext.runWithCookies(education, () => addAccount(newUser({ email, cabinetId: SCHOOL_16_CABINET }))),
      requestContext.runWithCookies(culture, () => addAccount(newUser({ email, cabinetId: cultureCabinet.id }))),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error).toContain(DUPLICATE_EMAIL_MESSAGE);
    expect(await counts(email)).toEqual({ accounts: 1, invitations: 1, emails: 1 });
  });

  it("«Добавить пользователя» и загрузка CSV с тем же адресом: одна учётная запись, опоздавшему — отказ, загрузка — всё или ничего", async () => {
    const email = "csv.race@uo.demo.test";
    const [first, second] = await cookiesOf("organAdmin", "organAdmin");
    const csv = [
      "Фамилия;Имя;Отчество;Email;Телефон;Должность;Роли;Сферы куратора",
      "Озёрова;Милана;Глебовна;other.row@uo.demo.test;;Методист;Наблюдатель;",
      `Луговская;Алина;;${email};;Методист;Наблюдатель;`,
    ].join("\n");
    const [added, imported] = await Promise.all([
      requestContext.runWithCookies(first, () => addAccount(newUser({ email, cabinetId: "cab-ed-omsu-mag-uo" }))),
      requestContext.runWithCookies(second, () => importAccounts({ cabinetId: "cab-ed-omsu-mag-uo", csv })),
    ]);
    expect(await counts(email)).toMatchObject({ accounts: 1, invitations: 1, emails: 1 });
    const importWon = imported.ok && imported.data.imported === 2;
    // Whoever came second was told, and the import is all or nothing.
    if (importWon) {
      expect(added).toMatchObject({ ok: false, error: expect.stringContaining(DUPLICATE_EMAIL_MESSAGE) });
    } else {
      expect(added.ok).toBe(true);
      expect(await db.account.count({ where: { email: "other.row@uo.demo.test" } })).toBe(0);
      // Either the import's own check saw the account (a row error) or the database's unique index stopped it.
      if (imported.ok) expect(imported.data.errorCount).toBe(1);
      else expect(imported.error).toBe("Пока шла загрузка, один из адресов занял другой пользователь. Ничего не записано: проверьте файл ещё раз.");
    }
  });
});

describe("повторное приглашение, нажатое дважды", () => {
  it("одна действующая ссылка; писем столько, сколько успешных отправок; прежняя ссылка погашена", async () => {
    const [admin] = await cookiesOf("organAdmin");
    const email = "double.click@school16.demo.test";
    const added = await requestContext.runWithCookies(admin, () => addAccount(newUser({ email })));
    if (!added.ok) throw new Error(added.error);
    const firstToken = tokenIn((await lastEmailTo(email))!.text);

    const results = await Promise.all([1, 2, 3].map(() => requestContext.runWithCookies(admin, () => resendInvitation({ accountId: added.data.accountId }))));
    const succeeded = results.filter((r) => r.ok).length;
    expect(succeeded).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toEqual({ ok: false, error: "Приглашение только что отправлено повторно. Обновите страницу." });

    expect(await db.invitation.count({ where: { accountId: added.data.accountId, usedAt: null, revokedAt: null } })).toBe(1);
    expect(await counts(email)).toEqual({ accounts: 1, invitations: 1 + succeeded, emails: 1 + succeeded });
    expect(await db.auditEvent.count({ where: { entityId: added.data.accountId, action: "account.invitation_resent" } })).toBe(succeeded);
    // The link of the last email is the live one; the first one no longer works.
    const [teacher] = await cookiesOf({ personId: "person-mag-school-16-teacher" });
    expect(await requestContext.runWithCookies(teacher, () => acceptInvitation({ token: firstToken }))).toMatchObject({ ok: false });
  });
});

describe("одну ссылку открыли в двух вкладках", () => {
  it("приглашённый подтверждает дважды одновременно: одна учётная запись подтверждена один раз, вторая вкладка — понятный отказ", async () => {
    const teacher = personById.get("person-mag-school-16-teacher")!;
    const [admin] = await cookiesOf("organAdmin");
    const added = await requestContext.runWithCookies(admin, () => addAccount(newUser({ email: teacher.email })));
    if (!added.ok) throw new Error(added.error);
    const token = tokenIn((await lastEmailTo(teacher.email))!.text);

    const [tab1, tab2] = await cookiesOf({ personId: teacher.id }, { personId: teacher.id });
    const results = await Promise.all([tab1, tab2].map((jar) => requestContext.runWithCookies(jar, () => acceptInvitation({ token }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error).toBe(INVITATION_STATE_TEXT.used);
    expect(await db.account.findUniqueOrThrow({ where: { id: added.data.accountId } })).toMatchObject({ status: "CONFIRMED", personId: teacher.id });
    expect(await db.auditEvent.count({ where: { entityId: added.data.accountId, action: "account.confirmed" } })).toBe(1);
    expect(await db.invitation.count({ where: { accountId: added.data.accountId, usedAt: { not: null } } })).toBe(1);
  });
});
