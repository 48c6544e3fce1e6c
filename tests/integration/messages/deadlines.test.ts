// Deadlines after the fact: reminders before and after the planned day go out once however many
// instances run the job at the same moment, and the export carries ПОС's columns with
// «Просрочено» computed on the day it is made.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sendDeadlineReminders } from "@/lib/messages/reminders";
import { messagesCsv } from "@/lib/messages/export";
import { parseInboxQuery } from "@/lib/messages/inbox";

const SCHOOL_33 = "cab-work-mag-school-33";
const EXECUTOR = "acc-mag-school-33-msg-2";
const day = (d: string) => new Date(`${d}T00:00:00Z`);

async function message(plannedOn: string, extra: Record<string, unknown> = {}) {
  return db.citizenMessage.create({
    data: {
      cabinetId: SCHOOL_33, receivedCabinetId: SCHOOL_33, category: "safety", subcategory: "Ограждение и охрана", text: "Сломано ограждение у спортивной площадки",
      authorName: "Гражданин", contact: "citizen@mail.demo.test", consentAt: new Date("2026-11-20T08:00:00Z"), createdAt: new Date("2026-11-20T08:00:00Z"),
      stage: "EXECUTION", status: "EXECUTOR_ASSIGNED", executorId: EXECUTOR, plannedOn: day(plannedOn), ...extra,
    },
    select: { id: true, number: true },
  });
}

describe("напоминания о сроке", () => {
  it("«срок прошёл» и «завтра срок» уходят один раз, даже когда задачу запускают два экземпляра одновременно", async () => {
    // Tuesday 8 December 2026, noon in the region.
    const at = new Date("2026-12-08T09:00:00Z");
    const overdue = await message("2026-12-07");
    const dueTomorrow = await message("2026-12-09");
    const later = await message("2026-12-10");
    const closed = await message("2026-12-01", { stage: "CLOSED", status: "ANSWERED", closedAt: new Date("2026-11-30T10:00:00Z") });

    await Promise.all([sendDeadlineReminders(at), sendDeadlineReminders(at)]);
    await sendDeadlineReminders(at);

    const reminders = async (id: string) => (await db.messageReminder.findMany({ where: { messageId: id }, select: { kind: true } })).map((r) => r.kind);
    expect(await reminders(overdue.id)).toEqual(["OVERDUE"]);
    expect(await reminders(dueTomorrow.id)).toEqual(["DUE_SOON"]);
    expect(await reminders(later.id)).toEqual([]);
    expect(await reminders(closed.id)).toEqual([]);
    expect(await db.auditEvent.count({ where: { entityId: overdue.id, action: "message.reminder_overdue" } })).toBe(1);

    // The executor and the cabinet's Руководитель are told, once each.
    const executor = await db.account.findUniqueOrThrow({ where: { id: EXECUTOR }, select: { email: true } });
    const supervisor = await db.account.findFirstOrThrow({ where: { cabinetId: SCHOOL_33, roles: { some: { role: "SUPERVISOR" } } }, select: { email: true } });
    for (const to of [executor.email, supervisor.email]) {
      expect(await db.outboxEmail.count({ where: { to, subject: `Срок ответа прошёл: сообщение № ${overdue.number}` } })).toBe(1);
      expect(await db.outboxEmail.count({ where: { to, subject: `Завтра срок ответа: сообщение № ${dueTomorrow.number}` } })).toBe(1);
    }

    // The next day the due-tomorrow message is overdue: one more reminder, of the other kind.
    await sendDeadlineReminders(new Date("2026-12-10T09:00:00Z"));
    expect((await reminders(dueTomorrow.id)).sort()).toEqual(["DUE_SOON", "OVERDUE"]);
  });
});

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("выгрузка сообщений", () => {
  it("столбцы выгрузки ПОС, строка сообщения, «Просрочено» на сегодня, формулы — текстом", async () => {
    const m = await message("2026-01-12", { subcategory: "=HYPERLINK(\"http://evil.test\")" });
    const csv = await text(messagesCsv(SCHOOL_33, parseInboxQuery({ q: String(m.number) }), { accountIds: [] }, "all"));
    const [header, row, ...rest] = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(header.split(";")).toEqual([
      "Номер", "Дата поступления", "Категория", "Подкатегория", "Организация, в которую поступило сообщение", "Организация, в которой находится сообщение",
      "Дата планируемого завершения", "Дата фактического завершения", "Стадия", "Статус", "Просрочено", "Тип решения", "Оценка ответа заявителем",
      "Повторное рассмотрение", "ФИО координатора", "ФИО исполнителя", "ФИО руководителя",
    ]);
    expect(rest).toEqual([]);
    const cells = row.split(";");
    expect(cells[0]).toBe(String(m.number));
    expect(cells[1]).toBe("20.11.2026");
    expect(cells[2]).toBe("Безопасность");
    expect(cells[3]).toBe("\"'=HYPERLINK(\"\"http://evil.test\"\")\"");
    expect(cells[6]).toBe("12.01.2026");
    expect(cells[8]).toBe("Исполнение");
    expect(cells[9]).toBe("Назначен исполнитель");
    expect(cells[10]).toBe("да");
    expect(cells[15]).not.toBe("");
  });
});
