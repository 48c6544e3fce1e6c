// What every page must satisfy, for people and for their assistive technology: no serious or
// critical axe violation, one heading, the way around (sections, «Назад»), Russian words only, and
// no sideways scrolling on a 360 px phone or at 200% zoom.
import fs from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";

/** A step that must not hang: it fails after `ms` with the page and the step named. */
export async function withDeadline<T>(step: Promise<T>, what: string, ms = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: не закончено за ${ms / 1000} с`)), ms);
  });
  try {
    return await Promise.race([step, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
/** Frames without scripts (the widget previews, sandbox=""): axe cannot run inside them, so they are
 *  checked as documents of their own. */
const SCRIPTLESS_FRAMES = "iframe[sandbox]:not([sandbox~='allow-scripts'])";

/** axe-core's minified build, read once a run: a third of the size of the source the wrapper injected. */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * One axe.run in the document itself, not in its frames. @axe-core/playwright ran axe in every frame
 * and joined the parts in a second, blank page, injecting 1.5 MB of source twice: 0.7 s a page
 * against 0.35 s here, on ~200 pages a CI run. The portal's only frames are the scriptless previews
 * (checked by the caller as documents of their own); a frame with scripts would go unchecked, so one
 * is reported by name instead.
 */
async function axeFindings(page: Page, where: string): Promise<string[]> {
  const run = async () => {
    await page.evaluate(AXE_SOURCE);
    return page.evaluate(
      async ({ tags, scriptless }) => {
        const scripted = [...document.querySelectorAll("iframe")].filter((f) => !f.matches(scriptless));
        const problems = scripted.map((f) => `рамка со скриптами «${f.title}»: axe её не проверяет — проверьте её документ отдельно`);
        const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
        const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"], iframes: false });
        for (const v of results.violations) {
          if (v.impact !== "serious" && v.impact !== "critical") continue;
          problems.push(`${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        }
        return problems;
      },
      { tags: AXE_TAGS, scriptless: SCRIPTLESS_FRAMES },
    );
  };
  return withDeadline(run(), `axe: ${where}`);
}

/** axe's findings that block people (impact serious or critical), as readable lines; the page's
 *  scriptless frames (by their srcdoc) are opened and checked as pages of their own. */
export async function seriousAxeViolations(page: Page, where = page.url()): Promise<string[]> {
  const problems = await axeFindings(page, where);
  const frames = await page.locator(SCRIPTLESS_FRAMES).evaluateAll((els) => els.map((e) => ({ title: e.getAttribute("title") ?? "", doc: e.getAttribute("srcdoc") })));
  const docs = new Map(frames.filter((f) => f.doc).map((f) => [f.doc!, f.title]));
  for (const [doc, title] of docs) {
    const own = await page.context().newPage();
    try {
      await own.setContent(doc);
      for (const p of await axeFindings(own, `${where}, рамка «${title}»`)) problems.push(`рамка «${title}»: ${p}`);
    } finally {
      await own.close();
    }
  }
  return problems;
}

/** Latin words a Russian page may show: abbreviations the instructions use themselves. */
// File formats keep their Latin names in Russian texts too («выгрузка в CSV», «данные в JSON»), and
// «www.» is the literal address prefix a person types («адрес с «www.» и без него»).
const ALLOWED_LATIN = new Set(["CSV", "XLSX", "JSON", "Email", "email", "Ctrl", "utm", "www"]);

/**
 * Text a person sees or hears that is not Russian: English words, raw codes (PENDING, LKO_ADMIN),
 * «undefined», «NaN», «Invalid Date». Addresses, e-mails and code samples are left out.
 */
export async function untranslatedText(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const skip = "script, style, code, pre, kbd, samp, textarea, noscript, [translate=no], [data-verbatim]";
    const out: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest(skip)) continue;
      const text = n.textContent?.trim();
      if (text) out.push(text);
    }
    for (const el of document.body.querySelectorAll("[aria-label], [title], [alt], [placeholder]")) {
      for (const attr of ["aria-label", "title", "alt", "placeholder"]) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
    }
    for (const el of document.body.querySelectorAll<HTMLInputElement>("input[type=submit], input[type=button]")) out.push(el.value);
    return out;
  });
  const problems: string[] = [];
  for (const raw of texts) {
    if (/\b(undefined|null|NaN|Invalid Date|\[object Object\])\b/.test(raw)) problems.push(raw);
    const text = raw
      .replace(/https?:\/\/\S+/g, " ")
      .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, " ")
      .replace(/\b[\w-]+(\.[\w-]+)*\.(ru|test|com|org|net|рф)\b(:\d+)?(\/\S*)?/gi, " ")
      .replace(/\b(ESIA|OAUTH)-\d+\b/g, " ");
    for (const word of text.match(/[A-Za-z][A-Za-z_]+/g) ?? []) {
      if (!ALLOWED_LATIN.has(word)) problems.push(`«${word}» в «${raw.slice(0, 80)}»`);
    }
  }
  return [...new Set(problems)];
}

/** Horizontal overflow of the page itself (tables scroll in their own frames). */
export async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A 360 px phone and 200% zoom of a 1280×800 screen (the same CSS viewport as 640×400). */
export const NARROW_VIEWPORTS = [
  { name: "360 px", width: 360, height: 740 },
  { name: "200 %", width: 640, height: 400 },
];

/** One heading of the first level, visible and in Russian. */
export async function expectOneHeading(page: Page) {
  const h1 = page.locator("h1");
  await expect(h1, "на странице ровно один заголовок h1").toHaveCount(1);
  await expect(h1).toBeVisible();
  expect((await h1.innerText()).trim().length).toBeGreaterThan(0);
}

/**
 * Two full stops in a row that are not an ellipsis: «6 декабря 2026 г.. Результат» (a sentence that
 * ends in a date or an abbreviation and gets a second full stop). Code samples are left out.
 */
export async function doubledFullStops(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    let text = document.body?.innerText ?? "";
    for (const el of document.body?.querySelectorAll<HTMLElement>("code, pre, kbd, samp, [data-verbatim]") ?? []) text = text.replace(el.innerText, " ");
    return [...text.matchAll(/(^|[^.])\.\.(?!\.)/gm)].map((m) => text.slice(Math.max(0, m.index - 40), m.index + 20).replace(/\s+/g, " "));
  });
}
