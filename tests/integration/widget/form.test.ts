// The widget's public side: the form is framed only by the official site, takes messages only from
// the portal's own page or that site, stores them once, tells the administrators; an archived or
// unknown cabinet's form shows nothing and accepts nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { formatDay } from "@/lib/ui/format";
import { GET, POST } from "@/app/form/route";
import { digestWindowMs, sendDueDigests } from "@/lib/messages/digest";
import { formFields, fromAddress } from "../../helpers/citizen-form";

const CABINET = "cab-work-mag-school-18";
const SITE = "https://school18.demo.test";
const PORTAL = "http://portal.test";
let lko = 0;

beforeAll(async () => {
  const cabinet = await db.cabinet.update({ where: { id: CABINET }, data: { officialSite: SITE, noSite: false }, select: { lkoId: true } });
  lko = cabinet.lkoId;
});

const formUrl = (id = lko) => `${PORTAL}/form?opaId=${id}`;
const valid = (extra: Record<string, string> = {}) => ({
  category: "safety", text: "Во дворе школы сломано ограждение у спортивной площадки.", authorName: "Петров Иван",
  contact: "Petrov@Mail.demo.test", consent: "on", ...extra,
});
/** A post as the form page's own: its token for the idempotency key (unless the test gives its own), from an address of its own. */
function post(fields: Record<string, string>, origin: string | null, id = lko) {
  if (!("formToken" in fields)) fields = { ...fields, ...formFields(id, fields.idempotencyKey) };
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", ...fromAddress() };
  if (origin) headers.origin = origin;
  return POST(new Request(formUrl(id), { method: "POST", headers, body: new URLSearchParams(fields).toString() }));
}
const countMessages = () => db.citizenMessage.count({ where: { cabinetId: CABINET } });

describe("форма сообщения", () => {
  it("встраивается только официальным сайтом кабинета (frame-ancestors)", async () => {
    const res = await GET(new Request(formUrl(), { headers: { "sec-fetch-dest": "iframe", referer: `${SITE}/news/1` } }));
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain(`frame-ancestors ${SITE}`);
    expect(csp).toContain("default-src 'none'");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("Сообщить о проблеме");
    expect(html).toContain("МОУ «СОШ № 18»");
    expect(html).toContain(`name="embeddedBy" value="${SITE}"`);
    expect(html).toMatch(/name="idempotencyKey" value="[0-9a-f-]{36}"/);
  });

  it("без официального сайта форму не встроить никуда", async () => {
    await db.cabinet.update({ where: { id: CABINET }, data: { noSite: true, noSiteReason: "Нет сайта" } });
    try {
      const res = await GET(new Request(formUrl()));
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    } finally {
      await db.cabinet.update({ where: { id: CABINET }, data: { noSite: false, noSiteReason: null } });
    }
  });

  it("сообщение со страницы портала сохраняется во входящих, модераторам кабинета уходит письмо (сводка, окно которой кончилось)", async () => {
    // Earlier messages' digest goes first: this message opens a digest of its own.
    await sendDueDigests(new Date(Date.now() + digestWindowMs()));
    const before = await countMessages();
    const res = await post({ ...valid(), embeddedBy: SITE, idempotencyKey: "k-portal-0000000001" }, PORTAL);
    expect(res.status).toBe(303);
    expect(await countMessages()).toBe(before + 1);
    const message = await db.citizenMessage.findUniqueOrThrow({ where: { idempotencyKey: "k-portal-0000000001" } });
    expect(res.headers.get("location")).toBe(`/form?opaId=${lko}&sent=${message.id}`);
    expect(message).toMatchObject({ cabinetId: CABINET, category: "safety", authorName: "Петров Иван", contact: "petrov@mail.demo.test", status: "NEW", origin: SITE });
    expect(await db.auditEvent.count({ where: { entityId: message.id, action: "message.received" } })).toBe(1);
    // Those who moderate it (issue 20): the cabinet's coordinators and «Модератор/исполнитель».
    const admins = await db.account.findMany({ where: { cabinetId: CABINET, status: "CONFIRMED", roles: { some: { role: { in: ["COORDINATOR", "MODERATOR"] } } } }, select: { email: true } });
    expect(admins.length).toBeGreaterThan(0);
    // In the cabinet's digest of new messages, when its window ends (decision 078).
    expect(message.digestId).not.toBeNull();
    await sendDueDigests(new Date(Date.now() + digestWindowMs()));
    const mails = await db.outboxEmail.findMany({ where: { dedupeKey: { startsWith: `message-digest:${message.digestId}:` } } });
    expect(mails.map((m) => m.to).sort()).toEqual(admins.map((a) => a.email).sort());
    expect(mails[0].text).toContain(`/admin/cabinets/${lko}/messages/${message.id}`);
    // No citizen's personal data travels by email.
    expect(mails[0].text).not.toContain("Петров");
    expect(mails[0].text).not.toContain("ограждение");

    // The confirmation names the message's number and its planned date (issue 20).
    const sent = await (await GET(new Request(`${formUrl()}&sent=${message.id}`))).text();
    expect(sent).toContain("Сообщение отправлено");
    expect(sent).toContain(`<dt>Номер сообщения</dt><dd>${message.number}</dd>`);
    expect(sent).toContain(`<dt>Планируемая дата ответа</dt><dd>не позднее ${formatDay(message.plannedOn)}</dd>`);
  });

  it("повтор с тем же ключом не создает второго сообщения", async () => {
    const fields = { ...valid(), idempotencyKey: "k-retry-00000000001" };
    expect((await post(fields, PORTAL)).status).toBe(303);
    const before = await countMessages();
    const emails = await db.outboxEmail.count();
    expect((await post(fields, PORTAL)).status).toBe(303);
    expect(await countMessages()).toBe(before);
    expect(await db.outboxEmail.count()).toBe(emails);
  });

  it("с самого официального сайта сообщение принимается", async () => {
    const before = await countMessages();
    expect((await post({ ...valid(), contact: "+7 900 123-45-67" }, SITE)).status).toBe(303);
    expect(await countMessages()).toBe(before + 1);
    expect(await db.citizenMessage.findFirst({ where: { cabinetId: CABINET, contact: "+79001234567" } })).toMatchObject({ origin: SITE });
  });

  it("с другого сайта или без Origin — отказ по-русски, ничего не записано", async () => {
    const before = { messages: await countMessages(), emails: await db.outboxEmail.count(), audit: await db.auditEvent.count() };
    for (const origin of ["https://evil.demo.test", "https://school18.demo.test.evil.demo.test", "null", null]) {
      const res = await post(valid(), origin);
      expect(res.status, String(origin)).toBe(403);
      expect(await res.text()).toContain("Сообщение не принято: форму можно отправить только");
    }
    expect({ messages: await countMessages(), emails: await db.outboxEmail.count(), audit: await db.auditEvent.count() }).toEqual(before);
  });

  it("ошибки заполнения показываются у полей, введенное сохраняется, ничего не записано", async () => {
    const before = await countMessages();
    const res = await post({ category: "", text: "Коротко", authorName: "Анна <b>", contact: "не контакт" }, PORTAL);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Выберите тему сообщения.");
    expect(html).toContain("не меньше 10 символов");
    expect(html).toContain("Укажите электронную почту (name@example.ru) или телефон");
    expect(html).toContain("Без согласия на обработку персональных данных отправить сообщение нельзя.");
    expect(html).toContain(">Коротко</textarea>");
    expect(html).toContain('value="Анна &lt;b&gt;"');
    expect(html).not.toContain("<b>");
    expect(await countMessages()).toBe(before);
  });

  it("архивный кабинет: форма не показывается и ничего не принимает", async () => {
    await db.cabinet.update({ where: { id: CABINET }, data: { status: "ARCHIVED", archivedAt: new Date() } });
    try {
      const before = await countMessages();
      const page = await GET(new Request(formUrl()));
      expect(page.status).toBe(404);
      expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(await page.text()).toContain("Прием сообщений через эту форму не ведется.");
      expect((await post(valid(), PORTAL)).status).toBe(404);
      expect((await post(valid(), SITE)).status).toBe(404);
      expect(await countMessages()).toBe(before);
    } finally {
      await db.cabinet.update({ where: { id: CABINET }, data: { status: "ACTIVE", archivedAt: null } });
    }
  });

  it("номер, которого нет (кабинет не одобрен), — то же", async () => {
    expect((await GET(new Request(formUrl(999_999)))).status).toBe(404);
    expect((await post(valid(), PORTAL, 999_999)).status).toBe(404);
    expect((await GET(new Request(`${PORTAL}/form?opaId=abc`))).status).toBe(404);
  });
});
