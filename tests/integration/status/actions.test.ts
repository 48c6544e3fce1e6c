// Reminders and the connection deadline: who may, what is sent, what is recorded.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { remindInstitution, remindLate, setConnectionDeadline } from "@/lib/status/actions";
import { signInAs } from "../../helpers/session";

beforeEach(async () => {
  await db.outboxEmail.deleteMany();
  await db.reminder.deleteMany();
});

describe("«Напомнить»", () => {
  it("письмо администраторам учреждения с тем, что не выполнено, и отметка о напоминании", async () => {
    await signInAs("cityIt");
    const result = await remindInstitution({ organizationId: "org-mag-school-48" });
    expect(result).toMatchObject({ ok: true, data: { sent: 1, skipped: 0 } });
    const admins = await db.account.findMany({ where: { cabinet: { organizationId: "org-mag-school-48" }, roles: { some: { role: "LKO_ADMIN" } }, status: { in: ["CONFIRMED", "INVITED"] } } });
    const mails = await db.outboxEmail.findMany();
    expect(mails.map((m) => m.to).sort()).toEqual(admins.map((a) => a.email).sort());
    expect(mails[0].subject).toContain("Напоминание о подключении к ПОС");
    expect(mails[0].text).toContain("Мною пройдено обучение");
    expect(mails[0].text).toContain("ЛКО готов к работе");
    expect(mails[0].text).not.toContain("подать заявку");
    const reminder = await db.reminder.findFirstOrThrow({ where: { organizationId: "org-mag-school-48" } });
    expect(reminder.sentById).toBe((await db.person.findFirstOrThrow({ where: { id: "person-city-it" } })).id);
    expect(await db.auditEvent.count({ where: { action: "status.reminder_sent", entityId: "org-mag-school-48" } })).toBe(1);
  });

  it("повторное нажатие в течение 10 минут писем не дублирует", async () => {
    await signInAs("cityIt");
    await remindInstitution({ organizationId: "org-mag-school-40" });
    const again = await remindInstitution({ organizationId: "org-mag-school-40" });
    expect(again).toMatchObject({ ok: true, data: { sent: 0, skipped: 1 } });
    expect(await db.reminder.count({ where: { organizationId: "org-mag-school-40" } })).toBe(1);
  });

  it("без кабинета письмо уходит на адрес организации", async () => {
    await signInAs("cityIt");
    await remindInstitution({ organizationId: "org-mag-school-13" });
    const mail = await db.outboxEmail.findFirstOrThrow();
    expect(mail.to).toBe("info@mag-school13.demo.test");
    expect(mail.text).toContain("Подать заявку на создание кабинета");
  });

  it("всем опоздавшим в текущем виде — только им", async () => {
    await signInAs("cityIt");
    const result = await remindLate({ view: "?organ=org-omsu-mag-uk" });
    expect(result.ok).toBe(true);
    const late = await db.connectionStatus.count({ where: { parentId: "org-omsu-mag-uk", overall: { not: "CONNECTED" } } });
    expect(result.ok && result.data.sent + result.data.noAddress).toBe(late);
    const reminded = await db.reminder.findMany({ select: { organizationId: true } });
    expect(reminded.every((r) => r.organizationId.startsWith("org-mag-culture"))).toBe(true);
  });

  it("человек без роли ИТ-специалиста и ИТ-специалист другого органа отказ получают, письма не уходят", async () => {
    await signInAs("organAdmin");
    expect(await remindInstitution({ organizationId: "org-mag-school-48" })).toMatchObject({ ok: false });
    expect(await remindLate({ view: "" })).toMatchObject({ ok: false, error: "Недостаточно прав для этого действия." });
    await db.accountRole.create({ data: { accountId: "acc-omsu-agapovo-uo-1", role: "CONNECTION_MONITOR" } });
    await signInAs("agapovoAdmin");
    expect(await remindInstitution({ organizationId: "org-mag-school-48" })).toMatchObject({ ok: false });
    expect(await db.outboxEmail.count()).toBe(0);
    await db.accountRole.deleteMany({ where: { accountId: "acc-omsu-agapovo-uo-1", role: "CONNECTION_MONITOR" } });
  });
});

describe("срок подключения", () => {
  it("администрация города меняет срок своего муниципального образования", async () => {
    await signInAs("cityIt");
    const result = await setConnectionDeadline({ municipalityId: "mun-75738000", deadline: "2022-09-01" });
    expect(result).toMatchObject({ ok: true, data: { deadline: "01.09.2022" } });
    expect((await db.municipality.findUniqueOrThrow({ where: { id: "mun-75738000" } })).connectionDeadline?.toISOString()).toBe("2022-09-01T00:00:00.000Z");
    expect(await db.auditEvent.count({ where: { action: "status.deadline_changed", entityId: "mun-75738000" } })).toBe(1);
  });

  it("неверная дата — понятная ошибка, срок не меняется", async () => {
    await signInAs("cityIt");
    const before = (await db.municipality.findUniqueOrThrow({ where: { id: "mun-75738000" } })).connectionDeadline;
    const result = await setConnectionDeadline({ municipalityId: "mun-75738000", deadline: "2022-02-30" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { deadline: ["Такой даты нет: проверьте день, месяц и год."] } });
    expect((await db.municipality.findUniqueOrThrow({ where: { id: "mun-75738000" } })).connectionDeadline).toEqual(before);
  });

  it("чужой срок менять нельзя", async () => {
    await signInAs("cityIt");
    expect(await setConnectionDeadline({ municipalityId: "mun-75603000", deadline: "2023-01-01" })).toMatchObject({ ok: false });
    await signInAs("organAdmin");
    expect(await setConnectionDeadline({ municipalityId: "mun-75738000", deadline: "2023-01-01" })).toMatchObject({ ok: false });
    await signInAs("operator");
    expect(await setConnectionDeadline({ municipalityId: "mun-75603000", deadline: "2023-01-01" })).toMatchObject({ ok: true });
  });
});
