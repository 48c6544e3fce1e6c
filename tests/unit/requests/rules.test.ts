// Pure rules of the request form (issue 4): the schema's messages, the «Редакция» fit, the revision diff.
import { describe, expect, it } from "vitest";
import { revisionChanges } from "@/lib/requests/diff";
import { editorialFits, typesForKind } from "@/lib/requests/rules";
import { ZCabinetRequestForm, ZRejectRequest } from "@/lib/requests/schemas";

const valid = {
  kind: "WORK", name: "  МОУ «СОШ № 13»  ", regionId: "region-74", type: "SUBORDINATE_OMSU", editorialCabinetId: "cab-ed-omsu-mag-uo",
  sphereIds: "sphere-education", email: " Office@School13.Demo.Test ",
};

describe("схема формы заявки", () => {
  it("приводит ввод формы к виду для записи", () => {
    expect(ZCabinetRequestForm.parse(valid)).toEqual({
      kind: "WORK", name: "МОУ «СОШ № 13»", regionId: "region-74", type: "SUBORDINATE_OMSU", editorialCabinetId: "cab-ed-omsu-mag-uo",
      sphereIds: ["sphere-education"], email: "office@school13.demo.test",
    });
    expect(ZCabinetRequestForm.parse({ ...valid, sphereIds: ["a", "b", "a"] }).sphereIds).toEqual(["a", "b"]);
  });

  it("сообщения — по-русски, у каждого поля", () => {
    const result = ZCabinetRequestForm.safeParse({ kind: "WORK", name: "", regionId: "", type: "", editorialCabinetId: "", email: "почта" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toMatchObject({
      name: "Введите название кабинета.",
      regionId: "Выберите регион.",
      type: "Выберите тип кабинета.",
      sphereIds: "Выберите хотя бы одну сферу.",
      email: "Введите адрес электронной почты полностью, например info@school.ru.",
    });
  });

  it("рабочему кабинету нужна редакция, кабинет редакции — только органу и ни к чему не привязан", () => {
    const issues = (input: object) => ZCabinetRequestForm.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];
    expect(issues({ ...valid, editorialCabinetId: "" })).toEqual([["editorialCabinetId", "Выберите редакцию."]]);
    expect(issues({ ...valid, kind: "EDITORIAL" })).toEqual([
      ["type", "Кабинет редакции создают РОИВ, ОМСУ и территориальные органы РОИВ; учреждению нужен рабочий кабинет."],
      ["editorialCabinetId", "Кабинет редакции не привязывается к другой редакции."],
    ]);
    expect(issues({ ...valid, kind: "EDITORIAL", type: "OMSU", editorialCabinetId: undefined })).toEqual([]);
  });

  it("причина отклонения: текст или шаблон", () => {
    const base = { requestId: "r", version: "3" };
    expect(ZRejectRequest.parse({ ...base, reason: " Исправьте название " })).toEqual({ requestId: "r", version: 3, reason: "Исправьте название", templateId: undefined, saveAsTemplate: false });
    expect(ZRejectRequest.parse({ ...base, templateId: "reason-1" }).reason).toBe("");
    expect(ZRejectRequest.parse({ ...base, reason: "Исправьте название", saveAsTemplate: "on" }).saveAsTemplate).toBe(true);
    expect(ZRejectRequest.safeParse({ ...base, reason: "" }).error?.issues[0].message).toBe("Укажите причину отклонения.");
  });
});

describe("какая редакция подходит", () => {
  const work = { regionId: "region-74", organizationId: "school" };
  const ed = (type: string, regionId = "region-74", organizationId = "organ") => ({ type: type as never, regionId, organizationId });

  it("подведомственная ОМСУ — редакции ОМСУ, РОИВ — редакции РОИВ и территориальных органов, своего региона", () => {
    expect(editorialFits({ ...work, type: "SUBORDINATE_OMSU" }, ed("OMSU"))).toBe(true);
    expect(editorialFits({ ...work, type: "SUBORDINATE_OMSU" }, ed("ROIV"))).toBe(false);
    expect(editorialFits({ ...work, type: "SUBORDINATE_ROIV" }, ed("ROIV"))).toBe(true);
    expect(editorialFits({ ...work, type: "SUBORDINATE_ROIV" }, ed("TERRITORIAL_ROIV"))).toBe(true);
    expect(editorialFits({ ...work, type: "SUBORDINATE_ROIV" }, ed("OMSU"))).toBe(false);
    expect(editorialFits({ ...work, type: "SUBORDINATE_OMSU" }, ed("OMSU", "region-77"))).toBe(false);
  });

  it("орган — только своя редакция", () => {
    expect(editorialFits({ ...work, organizationId: "organ", type: "OMSU" }, ed("OMSU"))).toBe(true);
    expect(editorialFits({ ...work, type: "OMSU" }, ed("OMSU"))).toBe(false);
    expect(typesForKind("EDITORIAL")).toEqual(["ROIV", "OMSU", "TERRITORIAL_ROIV"]);
    expect(typesForKind("WORK")).toHaveLength(5);
  });
});

describe("изменения между редакциями", () => {
  const r1 = { name: "Кабинет", regionId: "r74", type: "SUBORDINATE_OMSU", editorialCabinetId: "ed1", sphereIds: ["b", "a"], email: "a@x.ru" };

  it("только изменившиеся поля, с названиями вместо идентификаторов", () => {
    const names: Record<string, string> = { a: "Образование", b: "Культура", c: "Спорт", ed1: "УО", ed2: "УК" };
    const namer = (_f: string, v: string) => names[v] ?? v;
    expect(revisionChanges(r1, { ...r1, sphereIds: ["a", "b"] }, namer)).toEqual([]);
    expect(revisionChanges(r1, { ...r1, name: "МОУ «СОШ № 13»", editorialCabinetId: "ed2", sphereIds: ["a", "c"] }, namer)).toEqual([
      { field: "name", label: "Название кабинета", before: "Кабинет", after: "МОУ «СОШ № 13»" },
      { field: "editorialCabinetId", label: "Редакция", before: "УО", after: "УК" },
      { field: "sphereIds", label: "Сферы", before: "Культура, Образование", after: "Образование, Спорт" },
    ]);
    expect(revisionChanges(r1, { ...r1, editorialCabinetId: null })).toEqual([{ field: "editorialCabinetId", label: "Редакция", before: "ed1", after: "—" }]);
  });
});
