// A cabinet moved to the archive takes no new people and no «Данные актуальны»: the pages say so
// instead of failing, and the actions refuse with a Russian message and write nothing.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import NewAccountPage from "@/app/admin/cabinets/[lkoId]/accounts/new/page";
import ImportAccountsPage from "@/app/admin/cabinets/[lkoId]/accounts/import/page";
import AccountsPage from "@/app/admin/cabinets/[lkoId]/accounts/page";
import { addAccount, resendInvitation } from "@/lib/accounts/actions";
import { confirmCabinetData } from "@/lib/cabinets/actions";
import { testDb } from "../../helpers/db";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { KINDERGARTEN_7_CABINET, SCHOOL_16_CABINET, newUser, pageHtml, refused } from "../accounts/helpers";

const db = testDb();
let lko = "";
let activeLko = "";
let invitedId = "";

beforeAll(async () => {
  await signInAs("organAdmin");
  const r = await addAccount(newUser({ email: "before.archive@school16.demo.test" }));
  if (!r.ok) throw new Error(r.error);
  invitedId = r.data.accountId;
  const cabinet = await db.cabinet.update({ where: { id: SCHOOL_16_CABINET }, data: { status: "ARCHIVED" } });
  lko = String(cabinet.lkoId);
  activeLko = String((await db.cabinet.findUniqueOrThrow({ where: { id: KINDERGARTEN_7_CABINET } })).lkoId);
});
beforeEach(async () => {
  requestContext.clear();
  await signInAs("organAdmin");
});

const params = (lkoId: string) => ({ params: Promise.resolve({ lkoId }) });

describe("кабинет в архиве", () => {
  it("«Добавить пользователя» и загрузка из файла показывают понятную страницу, а не ошибку", async () => {
    for (const html of [await pageHtml(NewAccountPage(params(lko))), await pageHtml(ImportAccountsPage(params(lko)))]) {
      expect(html).toContain("Кабинет в архиве");
      expect(html).toContain("нельзя добавлять пользователей");
      expect(html).not.toContain("<form");
    }
    // A working cabinet still shows the forms.
    expect(await pageHtml(NewAccountPage(params(activeLko)))).toContain("<form");
  });

  it("в «Учетных записях» нет «Добавить пользователя», загрузки и повторного приглашения; у рабочего кабинета есть", async () => {
    const html = await pageHtml(AccountsPage({ ...params(lko), searchParams: Promise.resolve({}) }));
    expect(html).toContain("Кабинет в архиве");
    expect(html).toContain("before.archive@school16.demo.test");
    expect(html).not.toContain(`/accounts/new"`);
    expect(html).not.toContain(`/accounts/import"`);
    expect(html).not.toContain("Добавить пользователя");
    expect(html).not.toContain("Отправить приглашение повторно");

    const active = await pageHtml(AccountsPage({ ...params(activeLko), searchParams: Promise.resolve({}) }));
    expect(active).toContain(`/admin/cabinets/${activeLko}/accounts/new"`);
    expect(active).toContain(`/admin/cabinets/${activeLko}/accounts/import"`);
  });

  it("«Данные актуальны» и повторное приглашение отклоняются с объяснением; ничего не записано", async () => {
    const before = { cabinet: await db.cabinet.findUniqueOrThrow({ where: { id: SCHOOL_16_CABINET } }), audit: await db.auditEvent.count(), invitations: await db.invitation.count(), emails: await db.outboxEmail.count() };
    expect(await refused(confirmCabinetData({ cabinetId: SCHOOL_16_CABINET, confirmed: "on" }))).toBe("Кабинет в архиве: подтверждать актуальность его данных нельзя.");
    expect(await refused(resendInvitation({ accountId: invitedId }))).toBe("Кабинет в архиве: приглашения в него не отправляются.");
    expect(await db.cabinet.findUniqueOrThrow({ where: { id: SCHOOL_16_CABINET } })).toEqual(before.cabinet);
    expect([await db.auditEvent.count(), await db.invitation.count(), await db.outboxEmail.count()]).toEqual([before.audit, before.invitations, before.emails]);
    // «Добавить пользователя» by the action itself is refused too.
    expect(await refused(addAccount(newUser({ cabinetId: SCHOOL_16_CABINET })))).toMatch(/Нет прав/);
  });
});
