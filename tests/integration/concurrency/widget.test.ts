// Concurrency of the widget's public side (issue 8): many citizens sending at once are all stored,
// each once with its event, all in one digest to the moderators (decision 078); one form sent several times at once is stored once; the
// loader's first reports from a new site at once make one placement and one journal entry.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST as submitForm } from "@/app/form/route";
import { digestWindowMs, sendDueDigests } from "@/lib/messages/digest";
import { formFields, fromAddress } from "../../helpers/citizen-form";
import { POST as reportSeen } from "@/app/widget/seen/route";

const CABINET = "cab-work-mag-school-18";
const SITE = "https://school18.demo.test";
const PORTAL = "http://portal.test";
let lko = 0;
let moderators = 0;

beforeAll(async () => {
  lko = (await db.cabinet.update({ where: { id: CABINET }, data: { officialSite: SITE, noSite: false }, select: { lkoId: true } })).lkoId;
  // Those who moderate the cabinet's messages are told of each new one (issue 20).
  moderators = await db.account.count({ where: { cabinetId: CABINET, status: "CONFIRMED", roles: { some: { role: { in: ["COORDINATOR", "MODERATOR"] } } } } });
});

function send(key: string, text: string) {
  const body = new URLSearchParams({ category: "safety", text, authorName: "Гражданин", contact: "citizen@mail.demo.test", consent: "on", ...formFields(lko, key) });
  return submitForm(new Request(`${PORTAL}/form?opaId=${lko}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: PORTAL, ...fromAddress() }, body: body.toString() }));
}

describe("одновременные отправки формы", () => {
  it("30 граждан отправляют сообщения в одну секунду: все 30 сохранены по одному разу, у каждого событие, все в одной сводке модераторам", async () => {
    expect(moderators).toBeGreaterThan(0);
    const keys = Array.from({ length: 30 }, (_, i) => `crowd-${String(i).padStart(4, "0")}-0000000000`);
    const responses = await Promise.all(keys.map((key, i) => send(key, `Сообщение гражданина номер ${i}: сломана скамейка у входа.`)));
    expect(responses.map((r) => r.status)).toEqual(keys.map(() => 303));

    const stored = await db.citizenMessage.findMany({ where: { idempotencyKey: { in: keys } }, select: { id: true, idempotencyKey: true, text: true } });
    expect(stored.map((m) => m.idempotencyKey).sort()).toEqual(keys);
    expect(new Set(stored.map((m) => m.text)).size).toBe(30);
    const ids = stored.map((m) => m.id);
    expect(await db.auditEvent.count({ where: { entityId: { in: ids }, action: "message.received" } })).toBe(30);
    const digests = new Set((await db.citizenMessage.findMany({ where: { id: { in: ids } }, select: { digestId: true } })).map((m) => m.digestId));
    expect(digests.size).toBe(1);
    expect(await sendDueDigests(new Date(Date.now() + digestWindowMs()))).toBe(1);
    const emails = await db.outboxEmail.findMany({ where: { dedupeKey: { startsWith: `message-digest:${[...digests][0]}:` } }, select: { text: true } });
    expect(emails).toHaveLength(moderators);
    for (const email of emails) expect(email.text).toContain("поступило сообщений: 30.");
  });

  it("одну форму отправили восемь раз одновременно (двойной клик, повтор): одно сообщение, одно письмо каждому в сводке, каждый ответ — «отправлено»", async () => {
    const key = "same-form-0000000000001";
    const responses = await Promise.all(Array.from({ length: 8 }, () => send(key, "Не работает освещение на школьном стадионе.")));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(303));
    const message = await db.citizenMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(new Set(responses.map((r) => r.headers.get("location")))).toEqual(new Set([`/form?opaId=${lko}&sent=${message.id}`]));
    expect(await db.citizenMessage.count({ where: { cabinetId: CABINET, text: "Не работает освещение на школьном стадионе." } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: message.id } })).toBe(1);
    expect(await sendDueDigests(new Date(Date.now() + digestWindowMs()))).toBe(1);
    const emails = await db.outboxEmail.findMany({ where: { dedupeKey: { startsWith: `message-digest:${message.digestId}:` } }, select: { subject: true } });
    expect(emails.map((e) => e.subject)).toEqual(Array(moderators).fill(`Новое сообщение гражданина: сообщение № ${message.number}`));
  });
});

describe("одновременные показы виджета", () => {
  it("первые 12 показов на новом сайте одновременно: одна строка размещения со счётчиком 12, одно событие «впервые показан»", async () => {
    const origin = "https://mirror.school18.demo.test";
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => reportSeen(new Request(`${PORTAL}/widget/seen?opaId=${lko}`, { method: "POST", headers: { origin } }))),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(200));
    // Not the official site: the banner stays hidden there.
    expect(await Promise.all(responses.map((r) => r.json()))).toEqual(Array(12).fill({ show: false }));
    const placements = await db.widgetPlacement.findMany({ where: { cabinetId: CABINET, origin } });
    expect(placements).toHaveLength(1);
    expect(placements[0].hits).toBe(12);
    expect(await db.auditEvent.count({ where: { cabinetId: CABINET, action: "widget.first_seen", data: { path: ["origin"], equals: origin } } })).toBe(1);
  });
});
