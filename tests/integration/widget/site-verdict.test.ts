// The placement check's verdict on a fetched page (lib/widget/site-verdict.ts) and the CSP reading
// under it (lib/widget/site-csp.ts): «размещен правильно» only when the code would run as placed.
import { describe, expect, it } from "vitest";
import { bannerPlace, bannerTextOf, loaderTag, variantById, type TWidgetCodeInput } from "@/lib/widget/banner";
import { widgetCodes } from "@/lib/widget/codes";
import { allowsInline, allowsUrl, parseCsp, sourceMatchesUrl } from "@/lib/widget/site-csp";
import { judgeSite, readWidgetCode } from "@/lib/widget/site-verdict";

const PORTAL = "https://pos.example.ru";
const LKO = 300_123;
const input: TWidgetCodeInput = { portalOrigin: PORTAL, lkoId: LKO, variant: variantById(17)!, banner: bannerTextOf(null) };
const codes = widgetCodes(input);
const SITE = "https://school18.example.ru/";
const page = (body: string, head = "") => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body><h1>Школа</h1>${body}</body></html>`;
const judge = (html: string, csp?: string | string[]) => judgeSite({ url: SITE, html, headers: csp ? { "content-security-policy": csp } : {} }, { lkoId: LKO, portalOrigin: PORTAL });
const strict = (...lines: string[]) => ["default-src 'self'", ...lines].join("; ");

describe("вердикт проверки сайта", () => {
  it("код виджета без своей политики безопасности у сайта — размещен правильно; два баннера — тоже", () => {
    expect(judge(page(codes.classic.code))).toMatchObject({ outcome: "CORRECT", causes: [], widgets: 1, details: `Найдено виджетов: 1, номер ЛКО ${LKO}.` });
    expect(judge(page(codes.classic.code + codes.noInline.code))).toMatchObject({ outcome: "CORRECT", widgets: 2 });
  });

  it("строгая CSP сайта блокирует встроенные части кода: причина с точными хэшами, как у генератора", () => {
    const verdict = judge(page(codes.classic.code), strict(`script-src ${PORTAL}`, `connect-src ${PORTAL}`, `frame-src ${PORTAL}`));
    expect(verdict.outcome).toBe("NOT_WORKING");
    const [scriptLine, styleLine] = codes.classic.csp;
    const scriptHash = scriptLine.split(" ")[2];
    const styleHash = styleLine.split(" ")[1];
    expect(verdict.causes).toEqual([{
      code: "csp",
      message: `Политика безопасности сайта (CSP) блокирует виджет: добавьте в script-src ${scriptHash}; в default-src ${styleHash}. Или поставьте код без встроенных скриптов и стилей (его дает генератор на вкладке «Функционирование ЛКО»).`,
    }]);
    expect(verdict.details).toBe(verdict.causes[0].message);
  });

  it("строки CSP из генератора достаточно для каждого кода", () => {
    expect(judge(page(codes.classic.code), strict(...codes.classic.csp))).toMatchObject({ outcome: "CORRECT", details: expect.stringContaining("Политика безопасности сайта (CSP) виджет пропускает.") });
    expect(judge(page(codes.noInline.code), strict(...codes.noInline.csp))).toMatchObject({ outcome: "CORRECT" });
    // The no-inline code needs no hash: its lines do not let the four-part code run.
    expect(judge(page(codes.classic.code), strict(...codes.noInline.csp)).outcome).toBe("NOT_WORKING");
  });

  it("CSP без нужных источников: называет директиву, которая действует (в том числе default-src)", () => {
    expect(judge(page(codes.noInline.code), "default-src 'self'").details).toBe(`Политика безопасности сайта (CSP) блокирует виджет: добавьте в default-src ${PORTAL}.`);
    expect(judge(page(codes.noInline.code), strict(`script-src 'self' ${PORTAL}`, "frame-src 'self'")).details)
      .toBe(`Политика безопасности сайта (CSP) блокирует виджет: добавьте в default-src ${PORTAL}; в frame-src ${PORTAL}.`);
  });

  it("CSP из <meta http-equiv> и несколько политик: каждая должна пропускать", () => {
    const meta = `<meta http-equiv="Content-Security-Policy" content="script-src 'self'">`;
    expect(judge(page(codes.noInline.code, meta)).details).toBe(`Политика безопасности сайта (CSP) блокирует виджет: добавьте в script-src ${PORTAL}.`);
    // Two policies in one header (comma): the second one blocks the frame.
    expect(judge(page(codes.noInline.code), `script-src ${PORTAL}, frame-src 'none'`).details).toContain(`в frame-src ${PORTAL}`);
    expect(judge(page(codes.noInline.code), [`script-src ${PORTAL}`, `frame-src ${PORTAL}`]).outcome).toBe("CORRECT");
  });

  it("'unsafe-inline' пропускает встроенные части, пока рядом нет nonce или хэша", () => {
    expect(judge(page(codes.classic.code), "script-src * 'unsafe-inline'; style-src 'unsafe-inline'").outcome).toBe("CORRECT");
    expect(judge(page(codes.classic.code), "script-src * 'unsafe-inline' 'nonce-abc'; style-src 'unsafe-inline'").outcome).toBe("NOT_WORKING");
  });

  it("'strict-dynamic': загрузчику нужен nonce страницы", () => {
    const policy = "script-src 'nonce-r4nd0m' 'strict-dynamic'";
    expect(judge(page(codes.noInline.code), policy).details).toBe(
      "Политика безопасности сайта (CSP) блокирует виджет: В script-src действует 'strict-dynamic': строке загрузчика нужен атрибут nonce, как у остальных скриптов страницы.",
    );
    expect(judge(page(codes.noInline.code.replace("<script ", "<script nonce='r4nd0m' ")), policy).outcome).toBe("CORRECT");
  });

  it("переводы строк CRLF в коде (так его сохраняют некоторые CMS) не меняют хэш", () => {
    expect(judge(page(codes.classic.code.replace(/\n/g, "\r\n")), strict(...codes.classic.csp)).outcome).toBe("CORRECT");
  });

  it("код, который не сработает сам по себе: нет загрузчика, загрузчик ниже вызова или с async, нет разметки", () => {
    const [loader, ...rest] = codes.classic.code.split("\n");
    const call = rest.at(-1)!;
    const cause = (html: string) => judge(page(html)).causes.map((c) => c.code);
    expect(cause(rest.join("\n"))).toEqual(["noLoader"]);
    expect(cause([...rest, loader].join("\n"))).toEqual(["loaderAfterCall"]);
    expect(cause([loader.replace("<script ", "<script async "), ...rest].join("\n"))).toEqual(["loaderAsync"]);
    expect(cause([loader, call].join("\n"))).toEqual(["noMarkup"]);
    expect(cause(bannerPlace(input))).toEqual(["noLoader"]);
    expect(judge(page(bannerPlace(input))).details).toContain("Если его подключает JavaScript сайта, проверка этого не видит");
    // The place in the page with the loader once in the template: fine.
    expect(judge(page(bannerPlace(input), loaderTag(PORTAL))).outcome).toBe("CORRECT");
  });

  it("больше двух баннеров (обоих кодов вместе) — ошибка; чужой номер в data-opa-id — неверный номер", () => {
    expect(judge(page(codes.classic.code + codes.noInline.code + bannerPlace(input)))).toMatchObject({ outcome: "TOO_MANY", widgets: 3, details: expect.stringContaining("не больше 2") });
    expect(judge(page(codes.noInline.code.replace(`'${LKO}'`, "'220820'")))).toMatchObject({ outcome: "WRONG_ID", details: expect.stringContaining("220820") });
  });

  it("кода нет: текст и комментарии не считаются", () => {
    const html = page(`<pre>&lt;script&gt;Widget("${PORTAL}/form", ${LKO})&lt;/script&gt;</pre><!-- <script>Widget('${PORTAL}/form', ${LKO})</script> ${codes.noInline.code} -->`);
    expect(judge(html)).toMatchObject({ outcome: "MISSING", details: "На странице нет кода виджета ПОС." });
    expect(judge(page(loaderTag(PORTAL))).details).toContain("нет ни вызова Widget(…) с номером ЛКО, ни места для баннера");
  });

  it("разбор страницы: вызовы только в скриптах, места, загрузчики, стиль баннера, meta CSP", () => {
    const code = readWidgetCode(page(`${codes.classic.code}<div data-opa-id="5"></div><p>Widget("x", 1)</p>`, `<meta http-equiv="content-security-policy" content="img-src *">`));
    expect(code.calls.map((c) => [c.formUrl, c.lkoId])).toEqual([[`${PORTAL}/form`, LKO]]);
    expect(code.places.map((p) => p.lkoId)).toEqual([5]);
    expect(code.loaders.map((l) => l.src)).toEqual([`${PORTAL}/widget/script.min.js`]);
    expect(code.wrappers).toBe(1);
    expect(code.styles).toHaveLength(1);
    expect(code.metaCsp).toEqual(["img-src *"]);
  });
});

describe("чтение CSP", () => {
  const site = new URL("http://school.example.ru/");
  const url = (u: string) => new URL(u);
  it("источники: схема, хост, поддомены, порт, путь, 'self', *", () => {
    const portal = url("https://pos.example.ru/widget/script.min.js");
    expect(sourceMatchesUrl("https://pos.example.ru", portal, site)).toBe(true);
    expect(sourceMatchesUrl("pos.example.ru", portal, site)).toBe(true);
    expect(sourceMatchesUrl("http://pos.example.ru", portal, site)).toBe(true);
    expect(sourceMatchesUrl("https:", portal, site)).toBe(true);
    expect(sourceMatchesUrl("*.example.ru", portal, site)).toBe(true);
    expect(sourceMatchesUrl("*.pos.example.ru", portal, site)).toBe(false);
    expect(sourceMatchesUrl("https://pos.example.ru:8443", portal, site)).toBe(false);
    expect(sourceMatchesUrl("https://pos.example.ru:*", portal, site)).toBe(true);
    expect(sourceMatchesUrl("https://pos.example.ru/widget/", portal, site)).toBe(true);
    expect(sourceMatchesUrl("https://pos.example.ru/widget/script.min.js", portal, site)).toBe(true);
    expect(sourceMatchesUrl("https://pos.example.ru/form", portal, site)).toBe(false);
    expect(sourceMatchesUrl("*", portal, site)).toBe(true);
    expect(sourceMatchesUrl("'self'", portal, site)).toBe(false);
    expect(sourceMatchesUrl("'self'", url("https://school.example.ru/x.js"), site)).toBe(true);
    expect(sourceMatchesUrl("'none'", portal, site)).toBe(false);
    // A loopback portal on its own port needs that port in the source.
    expect(sourceMatchesUrl("http://127.0.0.1", url("http://127.0.0.1:3500/form"), site)).toBe(false);
    expect(sourceMatchesUrl("http://127.0.0.1:3500", url("http://127.0.0.1:3500/form"), site)).toBe(true);
    // https page: a source without a scheme does not allow http.
    expect(sourceMatchesUrl("pos.example.ru", url("http://pos.example.ru/"), url("https://school.example.ru/"))).toBe(false);
  });

  it("директивы: первая из повторов, регистр имен; nonce и хэши; 'strict-dynamic'", () => {
    const [policy] = parseCsp(["Script-Src 'self'; script-src *; STYLE-SRC 'unsafe-inline'"]);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(allowsInline(policy.get("style-src")!, "inlineStyle", "a{}")).toBe(true);
    expect(allowsUrl(["'nonce-abc'", "'strict-dynamic'", "https:"], "loader", url("https://pos.example.ru/widget/script.min.js"), site)).toBe(false);
    expect(allowsUrl(["'nonce-abc'", "'strict-dynamic'", "https:"], "loader", url("https://pos.example.ru/widget/script.min.js"), site, "abc")).toBe(true);
    expect(allowsUrl(["'nonce-abc'", "'strict-dynamic'", "https:"], "report", url("https://pos.example.ru/widget/seen"), site)).toBe(true);
    expect(allowsInline(["'unsafe-inline'", "'strict-dynamic'"], "inlineScript", "Widget()")).toBe(false);
    expect(allowsInline(["'sha384-" + "x".repeat(64) + "'"], "inlineScript", "Widget()")).toBe(false);
  });
});
