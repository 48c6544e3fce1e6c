// Issue 17, finding 5: 50 posts of the citizen form in 1.7 s were all accepted (a forged Origin passes
// a script) and made 49 emails. Now a post needs the form's own signed, short-lived token, a person's
// fill time and an empty honeypot, and the database counts messages per address and per cabinet —
// and whatever is refused comes back as the form with the citizen's text in it.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST } from "@/app/form/route";
import { FORM_TOKEN_TTL_MS, HONEYPOT_FIELD, issueFormToken, MESSAGES_PER_ADDRESS, MESSAGES_PER_CABINET, MIN_FILL_MS } from "@/lib/messages/form-guard";
import { formFields, fromAddress } from "../../helpers/citizen-form";

const CABINET = "cab-work-mag-school-18";
const SITE = "https://school18.demo.test";
const PORTAL = "http://portal.test";
const TEXT = "Во дворе школы сломано ограждение у спортивной площадки.";
let lko = 0;

beforeEach(async () => {
  lko = (await db.cabinet.update({ where: { id: CABINET }, data: { officialSite: SITE, noSite: false }, select: { lkoId: true } })).lkoId;
  await db.loginThrottle.deleteMany({ where: { key: { startsWith: "citizen-form:" } } });
});

const fields = (extra: Record<string, string> = {}) => ({ category: "safety", text: TEXT, authorName: "Петров Иван", contact: "petrov@mail.demo.test", consent: "on", ...extra });
function post(body: Record<string, string>, address = fromAddress(), origin = PORTAL) {
  return POST(new Request(`${PORTAL}/form?opaId=${lko}`, {
    method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin, ...address }, body: new URLSearchParams(body).toString(),
  }));
}
const messages = () => db.citizenMessage.count({ where: { cabinetId: CABINET } });
const mails = () => db.outboxEmail.count({ where: { subject: { startsWith: "Новое сообщение гражданина" } } });

/** Refused, nothing stored, and the page is the form again with the citizen's text and a fresh token. */
async function refusedKeepingText(res: Response, status: number, words: RegExp) {
  expect(res.status).toBe(status);
  const html = await res.text();
  expect(html).toMatch(words);
  expect(html).toContain(`>${TEXT}</textarea>`);
  expect(html).toMatch(/name="formToken" value="[0-9a-z]+\.[A-Za-z0-9_-]+"/);
}

describe("форма гражданина против сценариев", () => {
  it("прямой POST без токена формы (Origin подделан) не принимается; 50 таких подряд — ни одного сообщения и письма", async () => {
    const [before, mailsBefore] = [await messages(), await mails()];
    await refusedKeepingText(await post(fields({ idempotencyKey: "direct-post-00000001" })), 403, /форма открыта не с сайта организации/);
    for (let i = 0; i < 50; i++) expect((await post(fields({ idempotencyKey: `direct-post-${String(i).padStart(8, "0")}` }), fromAddress(), SITE)).status).toBe(403);
    expect(await messages()).toBe(before);
    expect(await mails()).toBe(mailsBefore);
  });

  it("токен чужого кабинета, чужого ключа или с подменённой подписью не подходит", async () => {
    const before = await messages();
    const key = "token-bound-000000001";
    const good = issueFormToken(lko, key, new Date(Date.now() - MIN_FILL_MS - 1000));
    await refusedKeepingText(await post(fields({ idempotencyKey: "another-key-000000001", formToken: good })), 403, /не с сайта организации/);
    await refusedKeepingText(await post(fields({ idempotencyKey: key, formToken: issueFormToken(lko + 1, key, new Date(Date.now() - 10_000)) })), 403, /не с сайта/);
    await refusedKeepingText(await post(fields({ idempotencyKey: key, formToken: `${good.split(".")[0]}.AAAA` })), 403, /не с сайта/);
    // A later «issued» time with the old signature: forged too.
    await refusedKeepingText(await post(fields({ idempotencyKey: key, formToken: `0.${good.split(".")[1]}` })), 403, /не с сайта/);
    expect(await messages()).toBe(before);
    expect((await post(fields({ idempotencyKey: key, formToken: good }))).status).toBe(303);
    expect(await messages()).toBe(before + 1);
  });

  it("слишком быстро и слишком давно открытая форма: страница с сохранённым текстом; отправка ещё раз проходит", async () => {
    const before = await messages();
    const key = "fill-time-0000000001";
    await refusedKeepingText(await post(fields({ idempotencyKey: key, formToken: issueFormToken(lko, key) })), 422, /слишком быстро/);
    await refusedKeepingText(await post(fields({ idempotencyKey: key, formToken: issueFormToken(lko, key, new Date(Date.now() - FORM_TOKEN_TTL_MS - 1000)) })), 422, /слишком давно/);
    expect(await messages()).toBe(before);
    expect((await post(fields(formFields(lko, key)))).status).toBe(303);
    expect(await messages()).toBe(before + 1);
  });

  it("заполненное скрытое поле-ловушка — не принято; в форме поле скрыто от глаз и от экранного диктора", async () => {
    const before = await messages();
    await refusedKeepingText(await post(fields({ ...formFields(lko), [HONEYPOT_FIELD]: "http://spam.example" })), 422, /служебное поле/);
    expect(await messages()).toBe(before);
    const page = await (await post(fields({ ...formFields(lko), [HONEYPOT_FIELD]: "x" }))).text();
    expect(page).toMatch(new RegExp(`<div class="hp" aria-hidden="true">.*name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off" value=""`));
    // The dialog's script focuses the first field it finds: never the honeypot (the keyboard e2e in widget.spec.ts).
    expect(page).toContain(`input:not([type=hidden]):not([tabindex='-1'])`);
  });

  it(`с одного адреса — ${MESSAGES_PER_ADDRESS.limit} сообщений за 10 минут, дальше 429 с понятной страницей и текстом; другой адрес не задет; повтор того же сообщения не считается`, async () => {
    const before = await messages();
    const office = fromAddress("203.0.113.50");
    for (let i = 0; i < MESSAGES_PER_ADDRESS.limit; i++) expect((await post(fields(formFields(lko)), office)).status).toBe(303);
    const limited = await post(fields(formFields(lko)), office);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    await refusedKeepingText(limited, 429, /Слишком много сообщений за короткое время\. Ваш текст сохранён — отправьте его через \d+ мин\./);
    expect(await messages()).toBe(before + MESSAGES_PER_ADDRESS.limit);
    // A neighbour at another address is not affected.
    expect((await post(fields(formFields(lko)), fromAddress("203.0.113.51"))).status).toBe(303);
    // The same message pressed again is the one already stored: no count, no second message.
    const again = formFields(lko);
    const neighbour = fromAddress("203.0.113.52");
    expect((await post(fields(again), neighbour)).status).toBe(303);
    for (let i = 0; i < MESSAGES_PER_ADDRESS.limit + 2; i++) expect((await post(fields(again), neighbour)).status).toBe(303);
    expect(await messages()).toBe(before + MESSAGES_PER_ADDRESS.limit + 2);
  });

  it(`на один кабинет — ${MESSAGES_PER_CABINET.limit} сообщений в час со всех адресов, дальше 429; счётчик — в базе (общий для экземпляров)`, async () => {
    expect((await post(fields(formFields(lko)))).status).toBe(303);
    // The cabinet's hour is used up (as if by many addresses, on any instance).
    await db.loginThrottle.update({ where: { key: `citizen-form:lko:${lko}` }, data: { failures: MESSAGES_PER_CABINET.limit } });
    const before = await messages();
    await refusedKeepingText(await post(fields(formFields(lko)), fromAddress("192.0.2.77")), 429, /Слишком много сообщений/);
    expect(await messages()).toBe(before);
  });
});
