// «Сгенерировать»: the code in the real widget's four parts, the ЛКО number at its end, and the code
// without inline script or style, each with its CSP lines; only for a cabinet with its official site
// saved, only by those who may.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { generateWidget } from "@/lib/widget/actions";
import { createHash } from "node:crypto";
import { BANNER_TEXTS, socialLink } from "@/lib/widget/banner";
import { signInAs } from "../../helpers/session";

const CABINET = "cab-work-mag-school-18";
const HEAD = { personId: "person-mag-school-18-head" };
const text = BANNER_TEXTS[1].text;

describe("генератор виджета", () => {
  it("без сохраненного официального сайта код не создается", async () => {
    await db.cabinet.update({ where: { id: CABINET }, data: { officialSite: null, noSite: false } });
    await signInAs(HEAD);
    expect(await generateWidget({ cabinetId: CABINET, variant: 17, bannerText: text })).toEqual({
      ok: false, error: "Сначала укажите и сохраните адрес официального сайта: виджет работает только на нем.",
    });
  });

  it("код: загрузчик портала, стиль, разметка баннера, в конце — Widget(…/form, номер ЛКО)", async () => {
    const { lkoId } = await db.cabinet.update({ where: { id: CABINET }, data: { officialSite: "https://school18.demo.test" }, select: { lkoId: true } });
    await signInAs(HEAD);
    const result = await generateWidget({ cabinetId: CABINET, variant: "17", bannerText: text });
    if (!result.ok) throw new Error(result.error);
    const code = result.data.codes.classic.code;
    const lines = code.split("\n");
    expect(lines[0]).toBe("<script src='http://portal.test/widget/script.min.js'></script>");
    expect(code).toMatch(/<style>[\s\S]*\.bf-17\{--pos-bg:[\s\S]*<\/style>/);
    expect(code).toContain("<div id='js-show-iframe-wrapper'><div class='pos-banner-fluid bf-17'>");
    expect(code).toContain("Решаем вместе");
    expect(code).toContain(text);
    expect(code).toContain("<button class='pos-banner-btn_2' type='button'>Написать о проблеме</button>");
    expect(code.endsWith(`<script>Widget("http://portal.test/form", ${lkoId})</script>`)).toBe(true);

    // The lines a site's own CSP needs: the portal, and the hashes of exactly these inline blocks.
    const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
    const inlineScript = /<script>([\s\S]*?)<\/script>/.exec(code)![1];
    const inlineStyle = /<style>([\s\S]*?)<\/style>/.exec(code)![1];
    expect(result.data.codes.classic.csp).toEqual([
      `script-src http://portal.test ${hash(inlineScript)}`, `style-src ${hash(inlineStyle)}`, "connect-src http://portal.test", "frame-src http://portal.test",
    ]);

    // The code without inline script or style: the loader's tag alone, the ЛКО number its last attribute.
    expect(result.data.codes.noInline).toEqual({
      code: `<script async src='http://portal.test/widget/script.min.js' data-variant='17' data-text='${text}' data-small='${BANNER_TEXTS[1].small}' data-button='${BANNER_TEXTS[1].button}' data-opa-id='${lkoId}'></script>`,
      csp: ["script-src http://portal.test", "connect-src http://portal.test", "frame-src http://portal.test"],
    });
    const cabinet = await db.cabinet.findUniqueOrThrow({ where: { id: CABINET } });
    expect(cabinet).toMatchObject({ widgetVariant: 17, widgetBannerText: text });
    expect(cabinet.widgetGeneratedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: CABINET, action: "widget.generated" } })).toBe(1);
  });

  it("неизвестный вариант или текст — ошибка у поля", async () => {
    await signInAs(HEAD);
    expect(await generateWidget({ cabinetId: CABINET, variant: 999, bannerText: "Свой текст" })).toMatchObject({
      ok: false, fieldErrors: { variant: ["Выберите вариант оформления виджета."], bannerText: ["Выберите текст баннера из списка."] },
    });
  });

  it("чужой администратор и модератор — отказ", async () => {
    for (const who of ["otherOrganAdmin", { personId: "person-mag-school-18-it" }] as const) {
      await signInAs(who);
      expect(await generateWidget({ cabinetId: CABINET, variant: 2, bannerText: text })).toEqual({ ok: false, error: "Недостаточно прав для этого действия." });
    }
  });

  it("архивному кабинету виджет не создается", async () => {
    await db.cabinet.update({ where: { id: CABINET }, data: { status: "ARCHIVED" } });
    await signInAs("organAdmin");
    expect(await generateWidget({ cabinetId: CABINET, variant: 2, bannerText: text })).toEqual({ ok: false, error: "Кабинет в архиве: виджет для него не создается." });
    await db.cabinet.update({ where: { id: CABINET }, data: { status: "ACTIVE" } });
  });

  it("ссылка для социальных сетей: opaId, utm_source, utm_medium = код региона, utm_campaign = ОГРН", () => {
    expect(socialLink({ portalOrigin: "https://pos.example.ru", lkoId: 300123, source: "vk", regionCode: 74, ogrn: "1027400000000" })).toBe(
      "https://pos.example.ru/form/?opaId=300123&utm_source=vk&utm_medium=74&utm_campaign=1027400000000",
    );
  });
});
