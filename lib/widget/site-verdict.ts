// The placement check's verdict on one fetched page: is the widget's code there, for this cabinet,
// at most twice, and would it run as placed (the loader before the four-part code's call, the
// banner's markup, the site's CSP from its header and <meta>)? Pure: it takes the page with its
// headers and returns the outcome with its causes, for the «Проверить сайт» action and any later
// scheduled check alike.
import { Parser } from "htmlparser2";
import type { SiteCheckOutcome, SiteCheckTrigger } from "@/lib/db";
import { cspHash } from "@/lib/security/csp-hash";
import { LOADER_PATH } from "./banner";
import { allowsInline, allowsUrl, governingDirective, parseCsp, type TCspPolicy } from "./site-csp";

export const MAX_WIDGETS_PER_PAGE = 2;

export const SITE_CHECK_LABELS: Record<SiteCheckOutcome, string> = {
  CORRECT: "Виджет размещен правильно",
  WRONG_ID: "Неверный номер ЛКО в коде виджета",
  MISSING: "Виджет не найден",
  TOO_MANY: "Больше двух виджетов на странице",
  UNREACHABLE: "Сайт недоступен",
  NOT_WORKING: "Код виджета на странице не сработает",
};

/** Why a check ran, as the list of checks says it. */
export const SITE_CHECK_TRIGGERS: Record<SiteCheckTrigger, string> = {
  MANUAL: "проверка по кнопке",
  SITE_CHANGED: "после изменения адреса сайта",
  CODE_CHANGED: "после создания кода виджета",
  SCHEDULED: "ежедневная проверка",
};

export interface TScriptTag {
  src: string | null;
  async: boolean;
  defer: boolean;
  module: boolean;
  nonce: string | null;
  text: string;
  /** Position among the page's tags: what runs before what. */
  order: number;
}

/** The widget's code as the page's HTML holds it (the browser's later changes are not seen). */
export interface TPageCode {
  /** Widget("<form url>", <id>) calls in inline scripts (the four-part code); text and comments are ignored. */
  calls: Array<{ formUrl: string; lkoId: number; script: TScriptTag }>;
  /** Elements with data-opa-id (the code without inline script: the loader's own tag or a place for the banner). */
  places: Array<{ lkoId: number; order: number }>;
  /** <script src=…/widget/script.min.js> (ours) or …/bin/script.min.js (the real ПОС's). */
  loaders: TScriptTag[];
  /** The four-part code's markup, <div id='js-show-iframe-wrapper'>. */
  wrappers: number;
  /** Inline <style> blocks with the banner's style. */
  styles: Array<{ text: string; nonce: string | null }>;
  /** <meta http-equiv="Content-Security-Policy"> contents. */
  metaCsp: string[];
}

const WIDGET_CALL = /\bWidget\s*\(\s*["']([^"']*)["']\s*,\s*["']?(\d+)["']?\s*\)/g;
const LOADER_SRC = /\/(widget|bin)\/script\.min\.js(\?|$)/;

export function readWidgetCode(html: string): TPageCode {
  const code: TPageCode = { calls: [], places: [], loaders: [], wrappers: 0, styles: [], metaCsp: [] };
  let order = 0;
  let script: TScriptTag | null = null;
  let style: { text: string; nonce: string | null } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        order++;
        if (attrs["data-opa-id"] !== undefined) code.places.push({ lkoId: Number(attrs["data-opa-id"]), order });
        if (attrs.id === "js-show-iframe-wrapper") code.wrappers++;
        if (name === "meta" && attrs["http-equiv"]?.toLowerCase() === "content-security-policy" && attrs.content) code.metaCsp.push(attrs.content);
        if (name === "style") style = { text: "", nonce: attrs.nonce ?? null };
        if (name !== "script") return;
        script = {
          src: attrs.src ?? null, async: attrs.async !== undefined, defer: attrs.defer !== undefined, module: attrs.type?.toLowerCase() === "module",
          nonce: attrs.nonce ?? null, text: "", order,
        };
        if (script.src && LOADER_SRC.test(script.src)) code.loaders.push(script);
      },
      ontext(text) {
        if (script) script.text += text;
        else if (style) style.text += text;
      },
      onclosetag(name) {
        if (name === "style" && style) {
          if (style.text.includes("pos-banner")) code.styles.push(style);
          style = null;
        }
        if (name !== "script" || !script) return;
        if (!script.src) for (const m of script.text.matchAll(WIDGET_CALL)) code.calls.push({ formUrl: m[1], lkoId: Number(m[2]), script });
        script = null;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return code;
}

export type TSiteCauseCode = "missing" | "tooMany" | "wrongId" | "noLoader" | "loaderAsync" | "loaderAfterCall" | "noMarkup" | "csp";
export interface TSiteCause {
  code: TSiteCauseCode;
  message: string;
}

export interface TFetchedPage {
  /** The page's address after redirects: the origin 'self' means. */
  url: string;
  html: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface TSiteVerdict {
  outcome: SiteCheckOutcome;
  details: string;
  /** Why it is not «размещен правильно», in the order to fix them; empty when it is. */
  causes: TSiteCause[];
  /** Banners the code places on the page. */
  widgets: number;
}

const verdict = (outcome: SiteCheckOutcome, widgets: number, causes: TSiteCause[], details = causes.map((c) => c.message).join(" ")): TSiteVerdict => ({
  outcome, details, causes, widgets,
});

export function judgeSite(page: TFetchedPage, expected: { lkoId: number; portalOrigin: string }): TSiteVerdict {
  const code = readWidgetCode(page.html);
  const n = code.calls.length + code.places.length;
  if (n === 0) {
    const message = code.loaders.length > 0
      ? "Загрузчик виджета подключен, но на странице нет ни вызова Widget(…) с номером ЛКО, ни места для баннера с атрибутом data-opa-id."
      : "На странице нет кода виджета ПОС.";
    return verdict("MISSING", 0, [{ code: "missing", message }]);
  }
  if (n > MAX_WIDGETS_PER_PAGE) {
    return verdict("TOO_MANY", n, [{ code: "tooMany", message: `Найдено виджетов: ${n}; на странице допускается не больше ${MAX_WIDGETS_PER_PAGE}, лишние баннеры не показываются.` }]);
  }
  const wrong = [...code.calls, ...code.places].filter((w) => w.lkoId !== expected.lkoId);
  if (wrong.length > 0) {
    return verdict("WRONG_ID", n, [{ code: "wrongId", message: `В коде виджета номер ЛКО ${wrong.map((w) => (Number.isNaN(w.lkoId) ? "не число" : w.lkoId)).join(", ")}, а у этого кабинета — ${expected.lkoId}.` }]);
  }
  const causes = [...placementCauses(code, expected.portalOrigin), ...cspCauses(code, page, expected.portalOrigin)];
  if (causes.length > 0) return verdict("NOT_WORKING", n, causes);
  const ours = code.loaders.some((l) => isOurLoader(l, page.url, expected.portalOrigin));
  const notes = [
    `Найдено виджетов: ${n}, номер ЛКО ${expected.lkoId}.`,
    ours ? "" : "Скрипт виджета подключен не с адреса портала — проверьте первую строку кода.",
    cspOf(code, page).length > 0 ? "Политика безопасности сайта (CSP) виджет пропускает." : "",
  ];
  return verdict("CORRECT", n, [], notes.filter(Boolean).join(" "));
}

function isOurLoader(loader: TScriptTag, pageUrl: string, portalOrigin: string): boolean {
  try {
    const url = new URL(loader.src ?? "", pageUrl);
    return url.origin === portalOrigin && url.pathname === LOADER_PATH;
  } catch {
    return false;
  }
}

/** The code's own order: the four-part call needs the loader above it, run at once, and its markup. */
function placementCauses(code: TPageCode, portalOrigin: string): TSiteCause[] {
  const causes: TSiteCause[] = [];
  const loaderLine = `<script src='${portalOrigin}${LOADER_PATH}'></script>`;
  if (code.calls.length > 0) {
    const firstCall = Math.min(...code.calls.map((c) => c.script.order));
    const before = code.loaders.filter((l) => l.order < firstCall);
    if (code.loaders.length === 0) {
      causes.push({ code: "noLoader", message: `На странице нет строки загрузчика ${loaderLine}: без нее вызов Widget(…) не сработает.` });
    } else if (before.length === 0) {
      causes.push({ code: "loaderAfterCall", message: "Строка загрузчика стоит ниже вызова Widget(…): в момент вызова загрузчика еще нет. Поставьте код целиком, в исходном порядке." });
    } else if (before.every((l) => l.async || l.defer || l.module)) {
      causes.push({ code: "loaderAsync", message: "Загрузчик подключен с атрибутом async или defer: вызов Widget(…) выполняется раньше загрузчика. Уберите атрибут или поставьте код без встроенных скриптов и стилей." });
    }
    if (code.wrappers < code.calls.length) {
      causes.push({ code: "noMarkup", message: `Вызовов Widget(…) на странице ${code.calls.length}, а разметки баннера (<div id='js-show-iframe-wrapper'>) — ${code.wrappers}: без разметки баннер не появится.` });
    }
  }
  if (code.places.length > 0 && code.loaders.length === 0) {
    causes.push({
      code: "noLoader",
      message: `На странице есть место для баннера (data-opa-id), но нет загрузчика <script async src='${portalOrigin}${LOADER_PATH}'></script>. Если его подключает JavaScript сайта, проверка этого не видит: добавьте строку загрузчика в HTML страницы.`,
    });
  }
  return causes;
}

function cspOf(code: TPageCode, page: TFetchedPage): TCspPolicy[] {
  const header = page.headers["content-security-policy"];
  return parseCsp([...(Array.isArray(header) ? header : header ? [header] : []), ...code.metaCsp]);
}

/** What every policy of the page blocks, as the sources to add to the directive that blocks it. */
function cspCauses(code: TPageCode, page: TFetchedPage, portalOrigin: string): TSiteCause[] {
  const policies = cspOf(code, page);
  if (policies.length === 0) return [];
  const site = new URL(page.url);
  const loader = code.loaders.find((l) => isOurLoader(l, page.url, portalOrigin)) ?? code.loaders[0];
  const additions = new Map<string, Set<string>>();
  const add = (directive: string, source: string) => additions.set(directive, (additions.get(directive) ?? new Set()).add(source));
  let strictDynamic = false;
  let inlineBlocked = false;
  for (const policy of policies) {
    const loaderRule = governingDirective(policy, "loader");
    if (loader && loaderRule && !allowsUrl(loaderRule.sources, "loader", new URL(`${portalOrigin}${LOADER_PATH}`), site, loader.nonce)) {
      if (loaderRule.sources.some((s) => s.toLowerCase() === "'strict-dynamic'")) strictDynamic = true;
      else add(loaderRule.name, portalOrigin);
    }
    for (const [need, path] of [["report", "/widget/seen"], ["form", "/form"]] as const) {
      const rule = governingDirective(policy, need);
      if (rule && !allowsUrl(rule.sources, need, new URL(`${portalOrigin}${path}`), site)) add(rule.name, portalOrigin);
    }
    const scriptRule = governingDirective(policy, "inlineScript");
    for (const call of code.calls) {
      if (scriptRule && !allowsInline(scriptRule.sources, "inlineScript", call.script.text, call.script.nonce)) {
        add(scriptRule.name, cspHash(call.script.text));
        inlineBlocked = true;
      }
    }
    const styleRule = governingDirective(policy, "inlineStyle");
    for (const style of code.styles) {
      if (styleRule && !allowsInline(styleRule.sources, "inlineStyle", style.text, style.nonce)) {
        add(styleRule.name, cspHash(style.text));
        inlineBlocked = true;
      }
    }
  }
  if (additions.size === 0 && !strictDynamic) return [];
  const parts = [...additions].map(([directive, sources]) => `в ${directive} ${[...sources].join(" ")}`);
  const message = [
    `Политика безопасности сайта (CSP) блокирует виджет:${parts.length > 0 ? ` добавьте ${parts.join("; ")}.` : ""}`,
    strictDynamic ? "В script-src действует 'strict-dynamic': строке загрузчика нужен атрибут nonce, как у остальных скриптов страницы." : "",
    inlineBlocked ? "Или поставьте код без встроенных скриптов и стилей (его дает генератор на вкладке «Функционирование ЛКО»)." : "",
  ];
  return [{ code: "csp", message: message.filter(Boolean).join(" ") }];
}
