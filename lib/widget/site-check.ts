import "server-only";
import { Parser } from "htmlparser2";
import type { SiteCheckOutcome } from "@/lib/db";
import { portalUrl } from "@/lib/esia/config";
import { fetchPage } from "./fetch-page";
import { LOADER_PATH } from "./banner";

// The placement check the regions' audit tools do: open the official site's page and look for the
// widget code. Outcomes: correct, wrong id, missing, more than two widgets, unreachable.

export const MAX_WIDGETS_PER_PAGE = 2;

export const SITE_CHECK_LABELS: Record<SiteCheckOutcome, string> = {
  CORRECT: "Виджет размещен правильно",
  WRONG_ID: "Неверный номер ЛКО в коде виджета",
  MISSING: "Виджет не найден",
  TOO_MANY: "Больше двух виджетов на странице",
  UNREACHABLE: "Сайт недоступен",
};

export interface TPageWidgets {
  /** Widget("<form url>", <id>) calls found in the page's scripts (comments and text are ignored). */
  widgets: Array<{ formUrl: string; lkoId: number }>;
  loaderSrcs: string[];
}

const WIDGET_CALL = /\bWidget\s*\(\s*["']([^"']*)["']\s*,\s*["']?(\d+)["']?\s*\)/g;

export function findWidgets(html: string): TPageWidgets {
  const found: TPageWidgets = { widgets: [], loaderSrcs: [] };
  let inScript = false;
  let script = "";
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name !== "script") return;
        inScript = true;
        script = "";
        if (attrs.src && /\/(widget|bin)\/script\.min\.js(\?|$)/.test(attrs.src)) found.loaderSrcs.push(attrs.src);
      },
      ontext(text) {
        if (inScript) script += text;
      },
      onclosetag(name) {
        if (name !== "script" || !inScript) return;
        inScript = false;
        for (const m of script.matchAll(WIDGET_CALL)) found.widgets.push({ formUrl: m[1], lkoId: Number(m[2]) });
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

export interface TSiteCheckResult {
  outcome: SiteCheckOutcome;
  details: string;
}

export function judgePage(page: TPageWidgets, expectedLkoId: number): TSiteCheckResult {
  const n = page.widgets.length;
  if (n === 0) {
    return { outcome: "MISSING", details: page.loaderSrcs.length > 0 ? "Скрипт виджета подключен, но вызова Widget(…) с номером ЛКО нет." : "На странице нет кода виджета ПОС." };
  }
  if (n > MAX_WIDGETS_PER_PAGE) return { outcome: "TOO_MANY", details: `Найдено виджетов: ${n}; на странице допускается не больше ${MAX_WIDGETS_PER_PAGE}.` };
  const wrong = page.widgets.filter((w) => w.lkoId !== expectedLkoId);
  if (wrong.length > 0) {
    return { outcome: "WRONG_ID", details: `В коде виджета номер ЛКО ${wrong.map((w) => w.lkoId).join(", ")}, а у этого кабинета — ${expectedLkoId}.` };
  }
  const ours = `${new URL(portalUrl()).origin}${LOADER_PATH}`;
  const loaderNote = page.loaderSrcs.some((s) => s.startsWith(ours)) ? "" : " Скрипт виджета подключен не с адреса портала — проверьте первую строку кода.";
  return { outcome: "CORRECT", details: `Найдено виджетов: ${n}, номер ЛКО ${expectedLkoId}.${loaderNote}` };
}

export function siteCheckConfig(env: NodeJS.ProcessEnv = process.env): { allowPrivateHosts: boolean } {
  if (env.SITE_CHECK_ALLOW_PRIVATE === "true") return { allowPrivateHosts: true };
  if (env.SITE_CHECK_ALLOW_PRIVATE === "false") return { allowPrivateHosts: false };
  // A portal that itself runs on a local address is a developer's or a test's: local sites are fine.
  const host = new URL(portalUrl(env)).hostname;
  return { allowPrivateHosts: host === "localhost" || host === "127.0.0.1" || host === "[::1]" };
}

export async function checkSite(url: string, expectedLkoId: number, opts: { allowPrivateHosts: boolean; timeoutMs?: number }): Promise<TSiteCheckResult & { url: string }> {
  const page = await fetchPage(url, { allowPrivateHosts: opts.allowPrivateHosts, timeoutMs: opts.timeoutMs });
  if (!page.ok) return { url, outcome: "UNREACHABLE", details: page.error };
  return { url, ...judgePage(findWidgets(page.html), expectedLkoId) };
}
