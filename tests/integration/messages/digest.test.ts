// Issue 17, finding 5: a burst of 50 citizens' messages made 49 emails to the cabinet. Now its staff
// get a digest: one email per cabinet per window N (decision 078), listing the count and the newest
// messages, and no message is left out of a digest. Time is passed explicitly (the test clock of the
// app is `now` in lib/server/clock.ts; here each call names its moment).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { submitCitizenMessage } from "@/lib/messages/submit";
import { DIGEST_LIST, digestWindowMs, sendDueDigests } from "@/lib/messages/digest";
import { citizenAddress, formFields } from "../../helpers/citizen-form";

const PORTAL = "http://portal.test";
const SCHOOL_18 = "cab-work-mag-school-18";
const SCHOOL_16 = "cab-work-mag-school-16";
const MINUTE = 60_000;
const WINDOW = digestWindowMs();
const lko: Record<string, number> = {};

beforeAll(async () => {
  for (const id of [SCHOOL_18, SCHOOL_16]) lko[id] = (await db.cabinet.findUniqueOrThrow({ where: { id }, select: { lkoId: true } })).lkoId;
});
beforeEach(async () => {
  // The per-cabinet ceiling (60 an hour) is not what these tests look at.
  await db.loginThrottle.deleteMany({ where: { key: { startsWith: "citizen-form:" } } });
});

async function send(cabinetId: string, at: Date, i: number) {
  const outcome = await submitCitizenMessage(
    lko[cabinetId],
    { category: i % 2 ? "safety" : "food", text: `Сообщение ${i}: сломано ограждение у площадки.`, authorName: "Сидорова Анна", contact: "sidorova@mail.demo.test", consent: "on", ...formFields(lko[cabinetId]) },
    { origin: PORTAL, address: citizenAddress(), now: at },
  );
  if (!outcome.ok) throw new Error(`не принято: ${outcome.error}`);
  return outcome.messageId;
}

const digestMails = (cabinetId: string) =>
  db.outboxEmail.findMany({ where: { dedupeKey: { startsWith: "message-digest:" }, text: { contains: `уникальный номер ЛКО ${lko[cabinetId]})` } }, orderBy: { createdAt: "asc" } });

/** Who is told of a cabinet's new messages: its coordinators and moderators (decision 074). */
async function staffOf(cabinetId: string) {
  const accounts = await db.account.findMany({ where: { cabinetId, status: "CONFIRMED", roles: { some: { role: { in: ["COORDINATOR", "MODERATOR"] } } } }, select: { email: true } });
  return [...new Set(accounts.map((a) => a.email))].sort();
}

describe("сводка новых сообщений кабинету", () => {
  it("50 сообщений подряд — одно письмо каждому модератору за окно, в нём 50; сообщения после окна — следующая сводка", async () => {
    expect(WINDOW).toBe(10 * MINUTE);
    const staff = await staffOf(SCHOOL_18);
    expect(staff.length).toBeGreaterThan(0);
    const t0 = new Date(Date.now() + 1_000);
    // A burst: all at once, as several instances would take them.
    const burst = await Promise.all(Array.from({ length: 50 }, (_, i) => send(SCHOOL_18, new Date(t0.getTime() + i * 100), i)));

    const stored = await db.citizenMessage.findMany({ where: { id: { in: burst } }, select: { digestId: true, number: true } });
    const digests = new Set(stored.map((m) => m.digestId));
    expect(digests.size).toBe(1);
    expect([...digests][0]).not.toBeNull();
    // Nothing before the window ends.
    expect(await sendDueDigests(new Date(t0.getTime() + WINDOW - MINUTE))).toBe(0);
    expect(await digestMails(SCHOOL_18)).toEqual([]);

    // Several instances' jobs at once: the digest is sent once.
    // The window runs from the message that opened the digest (in a real burst any of them).
    const due = new Date(t0.getTime() + 5_000 + WINDOW);
    expect((await Promise.all([sendDueDigests(due), sendDueDigests(due), sendDueDigests(due)])).reduce((a, b) => a + b, 0)).toBe(1);
    const first = await digestMails(SCHOOL_18);
    expect(first.map((m) => m.to).sort()).toEqual(staff);
    for (const mail of first) {
      expect(mail.subject).toBe("Новые сообщения граждан: 50");
      expect(mail.text).toContain("поступило сообщений: 50.");
      const numbers = stored.map((m) => m.number).sort((a, b) => b - a);
      // The newest ten are listed, the rest counted; the link is the cabinet's inbox.
      for (const n of numbers.slice(0, DIGEST_LIST)) expect(mail.text).toContain(`№ ${n} от `);
      expect(mail.text).not.toContain(`№ ${numbers[DIGEST_LIST]} от `);
      expect(mail.text).toContain(`Остальные ${50 - DIGEST_LIST} — в разделе «Сообщения» кабинета.`);
      expect(mail.text).toContain(`${PORTAL}/admin/cabinets/${lko[SCHOOL_18]}/messages\n`);
      // Nothing of the citizen: name, contact and text stay in the portal.
      expect(mail.text).not.toMatch(/Сидорова|sidorova|ограждение/);
    }

    // After the digest went out, the next message opens the next window.
    const later = new Date(due.getTime() + 1_000);
    const after = await Promise.all([0, 1, 2].map((i) => send(SCHOOL_18, new Date(later.getTime() + i), 100 + i)));
    expect(await sendDueDigests(new Date(later.getTime() + WINDOW - 1_000))).toBe(0);
    expect(await sendDueDigests(new Date(later.getTime() + WINDOW + 10))).toBe(1);
    const second = (await digestMails(SCHOOL_18)).slice(first.length);
    expect(second.map((m) => m.to).sort()).toEqual(staff);
    expect(second[0].subject).toBe("Новые сообщения граждан: 3");
    const numbers = await db.citizenMessage.findMany({ where: { id: { in: after } }, select: { number: true } });
    for (const { number } of numbers) expect(second[0].text).toContain(`№ ${number} от `);
    expect(second[0].text).not.toContain("Остальные");

    // Every message is in exactly one sent digest.
    const all = await db.citizenMessage.findMany({ where: { id: { in: [...burst, ...after] } }, select: { digest: { select: { sentAt: true } } } });
    expect(all.filter((m) => !m.digest?.sentAt)).toEqual([]);
  });

  it("два кабинета — две сводки, каждая о своих сообщениях; одно сообщение — письмо со ссылкой на его карточку", async () => {
    const t0 = new Date(Date.now() + 40 * MINUTE);
    const ids = await Promise.all(Array.from({ length: 7 }, (_, i) => send(i < 6 ? SCHOOL_16 : SCHOOL_18, new Date(t0.getTime() + i * 10), i)));
    const before18 = (await digestMails(SCHOOL_18)).length;
    expect(await sendDueDigests(new Date(t0.getTime() + WINDOW + MINUTE))).toBe(2);

    const to16 = await digestMails(SCHOOL_16);
    expect(to16.length).toBeGreaterThan(0);
    expect(new Set(to16.map((m) => m.subject))).toEqual(new Set(["Новые сообщения граждан: 6"]));
    const [only18] = await db.citizenMessage.findMany({ where: { id: ids[6] }, select: { id: true, number: true } });
    const to18 = (await digestMails(SCHOOL_18)).slice(before18);
    expect(to18.map((m) => m.to).sort()).toEqual(await staffOf(SCHOOL_18));
    expect(to18[0].subject).toBe(`Новое сообщение гражданина: сообщение № ${only18.number}`);
    expect(to18[0].text).toContain(`/admin/cabinets/${lko[SCHOOL_18]}/messages/${only18.id}`);
    // School 16's digest names none of school 18's messages and the other way round.
    expect(to16[0].text).not.toContain(`№ ${only18.number} `);
  });

  it("сводка живёт в базе: не отправленная до сбоя уходит при следующем запуске задания, число сообщений в ней совпадает", async () => {
    const t0 = new Date(Date.now() + 70 * MINUTE);
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => send(SCHOOL_18, new Date(t0.getTime() + i), i)));
    const [{ digestId }] = await db.citizenMessage.findMany({ where: { id: ids[0] }, select: { digestId: true } });
    // The process that took the messages is gone before the window ends: the digest and its
    // messages are rows, whatever instance runs the job next sends them.
    const open = await db.messageDigest.findUniqueOrThrow({ where: { id: digestId! }, include: { _count: { select: { messages: true } } } });
    expect(open.sentAt).toBeNull();
    // Opened by whichever of the twelve came first (they were sent at once), due a window later.
    expect(open.dueAt.getTime() - t0.getTime() - WINDOW).toBeGreaterThanOrEqual(0);
    expect(open.dueAt.getTime() - t0.getTime() - WINDOW).toBeLessThan(12);
    expect(open._count.messages).toBe(12);
    expect(await sendDueDigests(new Date(t0.getTime() + WINDOW + 1_000))).toBe(1);
    const mails = await db.outboxEmail.findMany({ where: { dedupeKey: { startsWith: `message-digest:${digestId}:` } } });
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) expect(mail.text).toContain("поступило сообщений: 12.");
    // Sent: another run changes nothing.
    expect(await sendDueDigests(new Date(t0.getTime() + 2 * WINDOW))).toBe(0);
    expect(await db.outboxEmail.count({ where: { dedupeKey: { startsWith: `message-digest:${digestId}:` } } })).toBe(mails.length);
  });

  it("сообщения приходят, пока два экземпляра рассылают сводки: каждое — ровно в одной сводке, число в письме совпадает с базой", async () => {
    const t0 = new Date(Date.now() + 100 * MINUTE);
    // Every digest opened below is already due for these jobs: they close digests while messages join them.
    const at = new Date(t0.getTime() + WINDOW + MINUTE);
    let stop = false;
    const jobs = [0, 1].map(async () => {
      while (!stop) {
        await sendDueDigests(at);
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    // Four citizens' streams of ten messages each, spread over the jobs' runs.
    const streams = await Promise.all([0, 1, 2, 3].map(async (k) => {
      const sent: string[] = [];
      for (let i = 0; i < 10; i++) sent.push(await send(SCHOOL_16, new Date(t0.getTime() + k * 10 + i), k * 10 + i));
      return sent;
    }));
    const ids = streams.flat();
    stop = true;
    await Promise.all(jobs);
    await sendDueDigests(at);

    const stored = await db.citizenMessage.findMany({ where: { id: { in: ids } }, select: { digestId: true, digest: { select: { sentAt: true } } } });
    expect(stored.filter((m) => !m.digest?.sentAt)).toEqual([]);
    let told = 0;
    for (const digestId of new Set(stored.map((m) => m.digestId!))) {
      const inDatabase = stored.filter((m) => m.digestId === digestId).length;
      const mails = await db.outboxEmail.findMany({ where: { dedupeKey: { startsWith: `message-digest:${digestId}:` } }, select: { subject: true } });
      expect(mails.length).toBeGreaterThan(0);
      // What the email says is what the digest holds: no message joined it after it was written.
      for (const { subject } of mails) expect(subject.startsWith("Новое сообщение гражданина") ? 1 : Number(subject.split(": ")[1])).toBe(inDatabase);
      told += inDatabase;
    }
    expect(told).toBe(40);
  });

  it("часы вернулись назад (тестовые часы — к сегодняшнему дню): сводка, открытая «в будущем», уходит сразу, а не ждёт того времени", async () => {
    const ahead = new Date(Date.now() + 90 * MINUTE);
    const id = await send(SCHOOL_18, ahead, 1);
    const { digestId } = await db.citizenMessage.findUniqueOrThrow({ where: { id }, select: { digestId: true } });
    expect(await sendDueDigests(new Date())).toBe(1);
    expect(await db.messageDigest.findUniqueOrThrow({ where: { id: digestId! } })).toMatchObject({ sentAt: expect.any(Date) });
  });
});
