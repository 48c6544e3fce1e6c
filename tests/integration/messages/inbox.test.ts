// The inbox: the cabinet's messages with their status, changed only by those who handle messages.
import { citizenAddress, formFields } from "../../helpers/citizen-form";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setMessageStatus } from "@/lib/messages/actions";
import { listCabinetMessages } from "@/lib/messages/inbox";
import { submitCitizenMessage } from "@/lib/messages/submit";
import { signInAs } from "../../helpers/session";

const CABINET = "cab-work-mag-school-18";
let ids: string[] = [];

beforeAll(async () => {
  const { lkoId } = await db.cabinet.update({ where: { id: CABINET }, data: { officialSite: "https://school18.demo.test" }, select: { lkoId: true } });
  ids = [];
  for (const [i, category] of ["food", "safety", "other"].entries()) {
    const r = await submitCitizenMessage(lkoId, { category, text: `Сообщение номер ${i + 1} о проблеме`, authorName: "Гражданин", contact: "a@mail.demo.test", consent: "on", ...formFields(lkoId) }, { origin: "http://portal.test", address: citizenAddress() });
    if (!r.ok) throw new Error(r.error);
    ids.push(r.messageId);
  }
});

describe("входящие сообщения", () => {
  it("список с отбором по статусу и счетчиками", async () => {
    const all = await listCabinetMessages(CABINET);
    expect(all.total).toBe(3);
    expect(all.byStatus).toEqual({ NEW: 3, IN_PROGRESS: 0, ANSWERED: 0 });
    expect(all.items[0].text).toBe("Сообщение номер 3 о проблеме");
    expect((await listCabinetMessages(CABINET, { status: "ANSWERED" })).items).toEqual([]);
  });

  it("модератор берет в работу и отмечает «ответ дан»; событие в журнале", async () => {
    await signInAs({ personId: "person-mag-school-18-it" });
    expect(await setMessageStatus({ messageId: ids[0], from: "NEW", to: "IN_PROGRESS" })).toEqual({ ok: true, data: { status: "IN_PROGRESS" } });
    expect(await setMessageStatus({ messageId: ids[0], from: "IN_PROGRESS", to: "ANSWERED" })).toEqual({ ok: true, data: { status: "ANSWERED" } });
    expect(await db.auditEvent.count({ where: { entityId: ids[0], action: "message.status_changed" } })).toBe(2);
    expect((await listCabinetMessages(CABINET, { status: "ANSWERED" })).items.map((m) => m.id)).toEqual([ids[0]]);
  });

  it("устаревший статус — конфликт, невозможный переход — ошибка, ничего не меняется", async () => {
    await signInAs({ personId: "person-mag-school-18-head" });
    expect(await setMessageStatus({ messageId: ids[1], from: "IN_PROGRESS", to: "ANSWERED" })).toEqual({ ok: false, error: "Статус сообщения уже изменил другой сотрудник. Обновите страницу." });
    expect(await setMessageStatus({ messageId: ids[1], from: "NEW", to: "NEW" })).toEqual({ ok: false, error: "Такой переход статуса невозможен." });
    expect((await db.citizenMessage.findUniqueOrThrow({ where: { id: ids[1] } })).status).toBe("NEW");
  });

  it("администратор другого органа и оператор (только просмотр) — отказ", async () => {
    for (const who of ["otherOrganAdmin", "operator", { personId: "person-mag-school-16-head" }] as const) {
      await signInAs(who);
      expect(await setMessageStatus({ messageId: ids[2], from: "NEW", to: "IN_PROGRESS" }), JSON.stringify(who)).toEqual({ ok: false, error: "Недостаточно прав для этого действия." });
    }
    expect((await db.citizenMessage.findUniqueOrThrow({ where: { id: ids[2] } })).status).toBe("NEW");
  });
});
