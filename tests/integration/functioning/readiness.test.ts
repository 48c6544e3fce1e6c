// «Функционирование ЛКО»: readiness points and the official site, saved by those who may, refused
// for the others, validated, and audited.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveReadiness } from "@/lib/functioning/actions";
import { parseOfficialSite } from "@/lib/functioning/official-site";
import { missingReadiness } from "@/lib/functioning/readiness";
import { signInAs } from "../../helpers/session";

const CABINET = "cab-work-mag-school-18";
const HEAD = { personId: "person-mag-school-18-head" };
const all = { readyAccounts: true, readyResponsibles: true, readyTraining: true, readyToWork: true };

describe("адрес официального сайта", () => {
  it("приводится к origin; без схемы — https", () => {
    expect(parseOfficialSite("  School18.Demo.test/about?x=1 ")).toEqual({ ok: true, origin: "https://school18.demo.test" });
    expect(parseOfficialSite("http://127.0.0.1:3404/index.html")).toEqual({ ok: true, origin: "http://127.0.0.1:3404" });
    expect(parseOfficialSite("https://школа18.рф/")).toEqual({ ok: true, origin: "https://xn--18-6kc3bfr2e.xn--p1ai" }); // punycode, as browsers send it
  });

  it("отклоняет не сайты", () => {
    for (const bad of ["", "ftp://school18.ru", "javascript:alert(1)", "not a site", "https://user:pw@school18.ru", "https://school18"]) {
      expect(parseOfficialSite(bad).ok, bad).toBe(false);
    }
  });
});

describe("точки готовности", () => {
  it("администратор учреждения сохраняет точки и сайт; событие в журнале", async () => {
    await signInAs(HEAD);
    const result = await saveReadiness({ cabinetId: CABINET, ...all, siteMode: "site", officialSite: "school18.demo.test/main", noSiteReason: "" });
    expect(result).toEqual({ ok: true, data: { officialSite: "https://school18.demo.test" } });
    const cabinet = await db.cabinet.findUniqueOrThrow({ where: { id: CABINET } });
    expect(cabinet).toMatchObject({ ...all, officialSite: "https://school18.demo.test", noSite: false, noSiteReason: null });
    expect(cabinet.readinessUpdatedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: CABINET, action: "functioning.readiness_saved" }, orderBy: { at: "desc" } });
    expect(audit.actorPersonId).toBe(HEAD.personId);
  });

  it("данные формы без JavaScript (FormData) понимаются так же", async () => {
    await signInAs(HEAD);
    const form = new FormData();
    form.set("cabinetId", CABINET);
    form.set("readyAccounts", "on");
    form.set("siteMode", "noSite");
    form.set("noSiteReason", "Сведения размещены на сайте учредителя");
    expect((await saveReadiness(form)).ok).toBe(true);
    expect(await db.cabinet.findUniqueOrThrow({ where: { id: CABINET } })).toMatchObject({
      readyAccounts: true, readyResponsibles: false, readyToWork: false, officialSite: null, noSite: true, noSiteReason: "Сведения размещены на сайте учредителя",
    });
  });

  it("неверный адрес или «нет сайта» без причины — понятная ошибка, ничего не меняется", async () => {
    await signInAs(HEAD);
    const before = await db.cabinet.findUniqueOrThrow({ where: { id: CABINET } });
    const bad = await saveReadiness({ cabinetId: CABINET, ...all, siteMode: "site", officialSite: "ftp://school18.ru" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { officialSite: ["Адрес сайта должен начинаться с https:// или http://."] } });
    const noReason = await saveReadiness({ cabinetId: CABINET, ...all, siteMode: "noSite", noSiteReason: " " });
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { noSiteReason: [expect.stringContaining("причину")] } });
    expect(await db.cabinet.findUniqueOrThrow({ where: { id: CABINET } })).toEqual(before);
  });

  it("администратор ЛКО органа может, другие — нет", async () => {
    await signInAs("organAdmin");
    expect((await saveReadiness({ cabinetId: CABINET, ...all, siteMode: "site", officialSite: "https://school18.demo.test" })).ok).toBe(true);
    const before = await db.cabinet.findUniqueOrThrow({ where: { id: CABINET } });
    for (const who of ["otherOrganAdmin", "operator", { personId: "person-mag-school-16-head" }, { personId: "person-mag-school-18-it" }] as const) {
      await signInAs(who);
      const result = await saveReadiness({ cabinetId: CABINET, readyToWork: false, siteMode: "site", officialSite: "https://evil.demo.test" });
      expect(result, JSON.stringify(who)).toEqual({ ok: false, error: "Недостаточно прав для этого действия." });
    }
    expect(await db.cabinet.findUniqueOrThrow({ where: { id: CABINET } })).toEqual(before);
  });
});

describe("что осталось сделать", () => {
  const base = { readyAccounts: false, readyResponsibles: false, readyTraining: false, readyToWork: false, officialSite: null, noSite: false, noSiteReason: null, widgetGeneratedAt: null };
  it("перечисляет непроставленные точки, сайт и код виджета", () => {
    expect(missingReadiness(base)).toEqual([
      "Не отмечено: «Учетные записи созданы и подтверждены»",
      "Не отмечено: «Ответственные назначены»",
      "Не отмечено: «Обучение пройдено»",
      "Не отмечено: «ЛКО готов к работе»",
      "Не указан адрес официального сайта (или «Нет сайта» с причиной)",
    ]);
    expect(missingReadiness({ ...base, ...all, officialSite: "https://a.demo.test" })).toEqual(["Не сгенерирован код виджета для сайта"]);
    expect(missingReadiness({ ...base, ...all, officialSite: "https://a.demo.test", widgetGeneratedAt: new Date() })).toEqual([]);
    expect(missingReadiness({ ...base, ...all, noSite: true, noSiteReason: "Нет сайта" })).toEqual([]);
  });
});
