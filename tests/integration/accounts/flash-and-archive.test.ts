// Issue 14: the message about an action is said once (it lived in the URL and outlived the next
// action), and «В архив» asks first, on a page of its own that works without JavaScript.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import AccountsPage from "@/app/admin/cabinets/[lkoId]/accounts/page";
import ArchiveAccountPage from "@/app/admin/cabinets/[lkoId]/accounts/[accountId]/archive/page";
import { accountRowForm, addAccountForm, archiveAccountForm } from "@/lib/accounts/actions";
import { decodeFlash, encodeFlash, FLASH_COOKIE, FLASH_HEADER } from "@/lib/ui/flash";
import { proxy } from "@/proxy";
import { testDb } from "../../helpers/db";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { newUser, navigationOf, pageHtml, SCHOOL_16_CABINET } from "./helpers";

const db = testDb();
const SCHOOL_16_LKO = "220806";
beforeEach(() => requestContext.clear());

const formOf = (values: object) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) for (const item of [v].flat()) if (item !== undefined) form.append(k, String(item));
  return form;
};
const accountsHtml = () => pageHtml(AccountsPage({ params: Promise.resolve({ lkoId: SCHOOL_16_LKO }), searchParams: Promise.resolve({}) }));
const archivePage = (accountId: string) => ArchiveAccountPage({ params: Promise.resolve({ lkoId: SCHOOL_16_LKO, accountId }) });
const leftFlash = () => decodeFlash(requestContext.cookies()[FLASH_COOKIE]);

describe("сообщение о действии — один раз", () => {
  it("proxy.ts отдаёт сообщение первому запросу страницы и удаляет cookie", async () => {
    const value = encodeFlash({ tone: "success", title: "Пользователь добавлен, приглашение отправлено на a@b.test." });
    const taken = await proxy(new NextRequest("http://portal.test/admin/cabinets/220806/accounts", { headers: { cookie: `${FLASH_COOKIE}=${value}` } }));
    expect(taken.headers.get(`x-middleware-request-${FLASH_HEADER}`)).toBe(value);
    expect(taken.headers.get("set-cookie")).toMatch(new RegExp(`${FLASH_COOKIE}=;.*Max-Age=0`, "i"));

    // Not a page (an API call, a file): the message waits for the page.
    const api = await proxy(new NextRequest("http://portal.test/api/status", { headers: { cookie: `${FLASH_COOKIE}=${value}` } }));
    expect(api.headers.get(`x-middleware-request-${FLASH_HEADER}`)).toBeNull();

    // A client cannot hand a page a message of its own.
    const forged = await proxy(new NextRequest("http://portal.test/admin", { headers: { [FLASH_HEADER]: value } }));
    expect(forged.headers.get(`x-middleware-request-${FLASH_HEADER}`)).toBeNull();
  });

  it("«Добавить пользователя» без JavaScript: cookie и переход к таблице без параметров в адресе; с JavaScript — ответ форме, без cookie", async () => {
    await signInAs("organAdmin");
    const user = newUser();
    const noJs = await navigationOf(() => addAccountForm(null, formOf(user)));
    expect(noJs).toEqual({ redirect: `/admin/cabinets/${SCHOOL_16_LKO}/accounts` });
    expect(leftFlash()).toMatchObject({ tone: "success", title: `Пользователь добавлен, приглашение отправлено на ${user.email}.` });

    requestContext.clear();
    await signInAs("organAdmin");
    requestContext.setHeader("next-action", "7f00"); // how Next marks an action sent by JavaScript
    const other = newUser();
    expect(await addAccountForm(null, formOf(other))).toMatchObject({
      ok: true,
      redirectTo: `/admin/cabinets/${SCHOOL_16_LKO}/accounts`,
      flash: { tone: "success", title: `Пользователь добавлен, приглашение отправлено на ${other.email}.` },
    });
    // No cookie: the page re-rendered by the action prefetches its links, and one of them would take it.
    expect(requestContext.cookies()[FLASH_COOKIE]).toBeUndefined();
  });

  it("таблица говорит то, что ей передали, и только тогда", async () => {
    await signInAs("organAdmin");
    requestContext.setHeader(FLASH_HEADER, encodeFlash({ tone: "success", title: "Пользователь добавлен, приглашение отправлено на once@school16.demo.test." }));
    expect(await accountsHtml()).toContain("Пользователь добавлен, приглашение отправлено на once@school16.demo.test.");
    await signInAs("organAdmin");
    expect(await accountsHtml()).not.toContain("Пользователь добавлен");
  });
});

describe("«В архив» сначала спрашивает", () => {
  const target = () => db.account.findFirstOrThrow({ where: { cabinetId: SCHOOL_16_CABINET, status: "CONFIRMED", personId: "person-mag-school-16-it" } });

  it("в таблице «В архив» — ссылка на вопрос, а не кнопка действия; строка таблицы в архив не переносит", async () => {
    const account = await target();
    await signInAs("organAdmin");
    const html = await accountsHtml();
    expect(html).toContain(`href="/admin/cabinets/${SCHOOL_16_LKO}/accounts/${account.id}/archive"`);
    expect(html).not.toMatch(/name="intent" value="archive"/);
    const result = await accountRowForm(null, formOf({ intent: "archive", accountId: account.id }));
    expect(result).toEqual({ ok: false, error: "Неизвестное действие." });
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).status).toBe("CONFIRMED");
  });

  it("страница вопроса: кто, что будет, «В архив» и «Отмена»; подтверждение переносит и говорит об этом один раз", async () => {
    const account = await target();
    await signInAs("organAdmin");
    const html = await pageHtml(archivePage(account.id));
    expect(html).toContain("Перенести учётную запись в архив?");
    expect(html).toContain(account.email);
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>В архив<\/button>/);
    expect(html).toMatch(new RegExp(`<a[^>]*href="/admin/cabinets/${SCHOOL_16_LKO}/accounts"[^>]*>Отмена</a>`));
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).status).toBe("CONFIRMED");

    const done = await navigationOf(() => archiveAccountForm(null, formOf({ accountId: account.id })));
    expect(done).toEqual({ redirect: `/admin/cabinets/${SCHOOL_16_LKO}/accounts` });
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).status).toBe("ARCHIVED");
    expect(leftFlash()?.title).toBe(`Учётная запись ${account.lastName} ${account.firstName} ${account.middleName} перенесена в архив. Доступ пользователя прекращён.`);
    // Asked again (an old tab): it says so, with no button.
    const again = await pageHtml(archivePage(account.id));
    expect(again).toContain("уже в архиве");
    expect(again).not.toContain('type="submit"');
  });

  it("свою учётную запись — нельзя; чужой орган и чужая учётная запись — «не найдено»", async () => {
    const { personId } = await signInAs("organAdmin");
    const own = await db.account.findFirstOrThrow({ where: { personId } });
    const lko = String((await db.cabinet.findUniqueOrThrow({ where: { id: own.cabinetId } })).lkoId);
    const html = await pageHtml(ArchiveAccountPage({ params: Promise.resolve({ lkoId: lko, accountId: own.id }) }));
    expect(html).toContain("Нельзя перенести в архив собственную учётную запись.");
    expect(html).not.toContain('type="submit"');

    const account = await db.account.findFirstOrThrow({ where: { cabinetId: SCHOOL_16_CABINET, status: "INVITED" } });
    // Another cabinet's number with this account: not found, not a redirect to the right one.
    expect(await navigationOf(() => ArchiveAccountPage({ params: Promise.resolve({ lkoId: lko, accountId: account.id }) }))).toBe("not-found");
    await signInAs("otherOrganAdmin");
    expect(await navigationOf(() => archivePage(account.id))).toBe("not-found");
    expect(await navigationOf(() => archiveAccountForm(null, formOf({ accountId: account.id })))).toBeNull();
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).status).toBe("INVITED");
  });
});
