// The admin area around the accounts: the cabinet tree, «Данные актуальны», the history, the CSV import.
import { beforeEach, describe, expect, it } from "vitest";
import { importAccounts, previewAccountImport } from "@/lib/accounts/actions";
import { parseAccountsCsv } from "@/lib/accounts/import-csv";
import { loadActor } from "@/lib/access/actor";
import { confirmCabinetData } from "@/lib/cabinets/actions";
import { cabinetHistory } from "@/lib/cabinets/history";
import { cabinetTree } from "@/lib/cabinets/tree";
import { ORG } from "@/lib/demo-world/esia-world";
import { sphereId } from "@/lib/demo-world/reference";
import { testDb } from "../../helpers/db";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { KINDERGARTEN_7_CABINET, SCHOOL_16_CABINET, refused } from "../accounts/helpers";

const db = testDb();
beforeEach(() => requestContext.clear());

const orgsIn = (nodes: Awaited<ReturnType<typeof cabinetTree>>["roots"]) => nodes.flatMap((n) => [n.organizationName, ...n.children.map((c) => c.organizationName)]);

describe("дерево кабинетов", () => {
  it("администратор органа: кабинет органа, под ним кабинеты подведомственных; чужих органов и районов нет", async () => {
    const tree = await cabinetTree(await loadActor("person-organ-admin"));
    expect(tree.roots.map((r) => r.id)).toEqual(["cab-ed-omsu-mag-uo"]);
    const root = tree.roots[0];
    expect(root.children.map((c) => c.id)).toEqual(expect.arrayContaining([SCHOOL_16_CABINET, KINDERGARTEN_7_CABINET]));
    expect(root.children.every((c) => c.manageable)).toBe(true);
    expect(orgsIn(tree.roots).some((n) => /ЦБС|Агаповская/.test(n))).toBe(false);
    const school16 = root.children.find((c) => c.id === SCHOOL_16_CABINET)!;
    expect(school16.accounts).toMatchObject({ confirmed: 2, invited: 0, expired: 0, archived: 0, untrained: 0 });
  });

  it("куратор по направлению видит только учреждения своей сферы; поиск по названию и номеру ЛКО", async () => {
    const curator = await loadActor(`person-${ORG.eduDepartment.replace(/^org-/, "")}-chief`);
    const tree = await cabinetTree(curator);
    const children = tree.roots.flatMap((r) => r.children);
    expect(children.length).toBeGreaterThan(0);
    expect(children.every((c) => c.organizationName.includes("Д/с"))).toBe(true);
    expect(children.every((c) => !c.manageable)).toBe(true);

    const admin = await loadActor("person-organ-admin");
    const byName = await cabinetTree(admin, { q: "сош № 16" });
    expect(orgsIn(byName.roots)).toEqual([expect.stringContaining("СОШ № 16")]);
    const lko = (await db.cabinet.findUniqueOrThrow({ where: { id: KINDERGARTEN_7_CABINET } })).lkoId;
    expect((await cabinetTree(admin, { q: String(lko) })).roots.map((r) => r.id)).toEqual([KINDERGARTEN_7_CABINET]);
  });

  it("администратор учреждения видит только свой кабинет", async () => {
    const tree = await cabinetTree(await loadActor("person-mag-school-16-head"));
    expect(tree.roots.map((r) => r.id)).toEqual([SCHOOL_16_CABINET]);
  });
});

describe("«Данные актуальны» и история", () => {
  it("администратор органа подтверждает данные кабинета учреждения: дата и кто — в кабинете и в истории", async () => {
    const { personId } = await signInAs("organAdmin");
    const r = await confirmCabinetData({ cabinetId: SCHOOL_16_CABINET, confirmed: "on" });
    expect(r.ok).toBe(true);
    const cabinet = await db.cabinet.findUniqueOrThrow({ where: { id: SCHOOL_16_CABINET } });
    expect(cabinet.dataConfirmedById).toBe(personId);
    expect(Date.now() - cabinet.dataConfirmedAt!.getTime()).toBeLessThan(60_000);
    const history = await cabinetHistory(SCHOOL_16_CABINET, 1);
    expect(history.events[0]).toMatchObject({ action: "cabinet.data_confirmed", actor: "Лесников Артём Витальевич" });
  });

  it("без отметки — ошибка у поля; чужой орган — отказ, ничего не изменилось", async () => {
    await signInAs("organAdmin");
    const unticked = await confirmCabinetData({ cabinetId: KINDERGARTEN_7_CABINET });
    expect(unticked.ok).toBe(false);
    if (!unticked.ok) expect(unticked.fieldErrors?.confirmed?.[0]).toBe("Поставьте отметку «Данные актуальны».");
    const before = await db.cabinet.findUniqueOrThrow({ where: { id: KINDERGARTEN_7_CABINET } });
    for (const who of ["otherOrganAdmin", "agapovoAdmin", "institutionEmployee"] as const) {
      await signInAs(who);
      expect(await refused(confirmCabinetData({ cabinetId: KINDERGARTEN_7_CABINET, confirmed: true }))).toContain("Нет прав");
    }
    expect((await db.cabinet.findUniqueOrThrow({ where: { id: KINDERGARTEN_7_CABINET } })).dataConfirmedAt).toEqual(before.dataConfirmedAt);
  });
});

describe("загрузка учётных записей из CSV", () => {
  const HEADER = "Фамилия;Имя;Отчество;Email;Телефон;Должность;Роли;Сферы куратора";

  it("разбор: разделитель «;» или «,», заголовки в любом регистре, роли по названиям, BOM", () => {
    const semicolon = parseAccountsCsv(`\uFEFF${HEADER}\nИванова;Алина;;a@b.demo.test;;Учитель;"Администратор ЛКО, Наблюдатель";`, []);
    expect(semicolon.ok && semicolon.rows[0]).toMatchObject({ line: 2, roles: ["LKO_ADMIN", "OBSERVER"], cells: { lastName: "Иванова", email: "a@b.demo.test" } });
    const comma = parseAccountsCsv(`фамилия,имя,email,должность,роли\nИванова,Алина,a@b.demo.test,Учитель,Наблюдатель`, []);
    expect(comma.ok && comma.rows[0].roles).toEqual(["OBSERVER"]);
    const missing = parseAccountsCsv("Фамилия;Имя\nИванова;Алина", []);
    expect(missing.ok ? "" : missing.error).toContain("«Email», «Должность», «Роли»");
    expect(parseAccountsCsv('Фамилия;Имя;Email;Должность;Роли\n"Иванова;Алина', []).ok).toBe(false);
  });

  it("проверка показывает ошибки по строкам и ничего не пишет; файл с ошибками не загружается", async () => {
    await signInAs("organAdmin");
    const taken = await db.account.findFirstOrThrow({ where: { cabinetId: KINDERGARTEN_7_CABINET } });
    const csv = [
      HEADER,
      "Озёрова;Милана;Глебовна;ok.row@uo.demo.test;+7 900 000 11 22;Методист;Куратор по направлению;Дошкольное образование",
      ";Глеб;;не-почта;;Учитель;Директор;",
      `Рябинина;Ульяна;;${taken.email.toUpperCase()};;Учитель;Наблюдатель;`,
      "Камышева;Вероника;;ok.row@uo.demo.test;;Учитель;Наблюдатель;",
      "Луговской;Лев;;curator.no.spheres@uo.demo.test;;Методист;Куратор;",
    ].join("\n");
    const counts = async () => [await db.account.count(), await db.invitation.count(), await db.outboxEmail.count(), await db.auditEvent.count()];
    const before = await counts();
    const preview = await previewAccountImport({ cabinetId: "cab-ed-omsu-mag-uo", csv });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const errorsByLine = Object.fromEntries(preview.data.rows.map((r) => [r.line, r.errors]));
    expect(errorsByLine[2]).toEqual([]);
    expect(errorsByLine[3]).toEqual(expect.arrayContaining(["Неизвестная роль «Директор». Возможные: Администратор ЛКО, Куратор по направлению, Модератор/исполнитель сообщений, Координатор, Исполнитель, Руководитель, Наблюдатель, ИТ-специалист (мониторинг подключения).", "Заполните поле «Фамилия».", expect.stringContaining("Адрес электронной почты указан неверно")]));
    expect(errorsByLine[4].join(" ")).toContain("уже есть в системе");
    expect(errorsByLine[5]).toEqual(["Этот адрес уже указан в строке 2: у каждой учётной записи свой адрес."]);
    expect(errorsByLine[6]).toEqual(["Для роли «Куратор по направлению» выберите хотя бы одну сферу."]);
    expect(preview.data).toMatchObject({ validCount: 1, errorCount: 4 });

    const attempt = await importAccounts({ cabinetId: "cab-ed-omsu-mag-uo", csv });
    expect(attempt).toMatchObject({ ok: true, data: { errorCount: 4 } });
    expect(attempt.ok && attempt.data.imported).toBeFalsy();
    expect(await counts()).toEqual(before);
  });

  it("файл без ошибок загружается целиком в одной транзакции: учётные записи, роли, приглашения, письма, события", async () => {
    const { personId } = await signInAs("organAdmin");
    const csv = [
      HEADER,
      "Озёрова;Милана;Глебовна;batch.one@uo.demo.test;+7 900 000 11 22;Методист;Куратор по направлению;Дошкольное образование, Образование",
      "Рябинин;Глеб;;batch.two@uo.demo.test;;Специалист;Модератор/исполнитель сообщений, Наблюдатель;",
    ].join("\n");
    const r = await importAccounts({ cabinetId: "cab-ed-omsu-mag-uo", csv });
    expect(r).toMatchObject({ ok: true, data: { imported: 2, errorCount: 0 } });
    const accounts = await db.account.findMany({ where: { email: { startsWith: "batch." } }, include: { roles: { include: { spheres: true } }, invitations: true }, orderBy: { email: "asc" } });
    expect(accounts.map((a) => [a.email, a.status, a.createdById])).toEqual([
      ["batch.one@uo.demo.test", "INVITED", personId],
      ["batch.two@uo.demo.test", "INVITED", personId],
    ]);
    expect(accounts[0].roles[0].spheres.map((s) => s.sphereId).sort()).toEqual([sphereId("education"), sphereId("preschool")].sort());
    expect(accounts.every((a) => a.invitations.length === 1)).toBe(true);
    expect(await db.outboxEmail.count({ where: { to: { startsWith: "batch." } } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "accounts.imported", cabinetId: "cab-ed-omsu-mag-uo" } })).toBe(1);
    // The same file again: every row is now a duplicate; nothing more is written.
    const again = await importAccounts({ cabinetId: "cab-ed-omsu-mag-uo", csv });
    expect(again).toMatchObject({ ok: true, data: { errorCount: 2 } });
    expect(await db.account.count({ where: { email: { startsWith: "batch." } } })).toBe(2);
  });

  it("чужой орган не может ни проверять, ни загружать в этот кабинет", async () => {
    await signInAs("otherOrganAdmin");
    const csv = `${HEADER}\nИванова;Алина;;foreign.import@uo.demo.test;;Учитель;Наблюдатель;`;
    expect(await refused(previewAccountImport({ cabinetId: SCHOOL_16_CABINET, csv }))).toMatch(/Нет прав/);
    expect(await refused(importAccounts({ cabinetId: SCHOOL_16_CABINET, csv }))).toMatch(/Нет прав/);
    expect(await db.account.count({ where: { email: "foreign.import@uo.demo.test" } })).toBe(0);
  });
});
