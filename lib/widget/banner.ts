// The widget's design variants, banner texts and the code an institution pastes on its site, in the
// real widget's four parts: loader script, style, banner markup, and the call that ends with the
// ЛКО number. Pure: the generator's live preview (browser) and the server build the same code.

export interface TWidgetVariant {
  /** The class number of the real widget (bf-N). */
  id: number;
  name: string;
  description: string;
  layout: "row" | "column" | "strip";
  colors: { bg: string; fg: string; border: string; btnBg: string; btnFg: string; accent: string };
}

export const WIDGET_VARIANTS: readonly TWidgetVariant[] = [
  { id: 2, name: "Синий, горизонтальный", description: "Широкий баннер для главной страницы", layout: "row", colors: { bg: "#0d4cd3", fg: "#ffffff", border: "#0d4cd3", btnBg: "#ffffff", btnFg: "#0d4cd3", accent: "#ee3f58" } },
  { id: 17, name: "Светлый, горизонтальный", description: "Спокойный баннер на светлом фоне", layout: "row", colors: { bg: "#e8efff", fg: "#0b1f33", border: "#e8efff", btnBg: "#0d4cd3", btnFg: "#ffffff", accent: "#0d4cd3" } },
  { id: 35, name: "Белый с рамкой", description: "Для сайтов с белым фоном", layout: "row", colors: { bg: "#ffffff", fg: "#0b1f33", border: "#0d4cd3", btnBg: "#0d4cd3", btnFg: "#ffffff", accent: "#ee3f58" } },
  { id: 87, name: "Вертикальный", description: "Узкий баннер для боковой колонки сайта", layout: "column", colors: { bg: "#0d4cd3", fg: "#ffffff", border: "#0d4cd3", btnBg: "#ffffff", btnFg: "#0d4cd3", accent: "#ee3f58" } },
  { id: 137, name: "Компактная полоса", description: "Невысокая полоса над или под содержимым страницы", layout: "strip", colors: { bg: "#0b1f33", fg: "#ffffff", border: "#0b1f33", btnBg: "#d9243f", btnFg: "#ffffff", accent: "#ee3f58" } },
];

export interface TBannerText {
  /** The main text; it is what the cabinet stores (widgetBannerText). */
  text: string;
  small: string;
  button: string;
}

export const BANNER_TEXTS: readonly TBannerText[] = [
  { text: "Не убран мусор, яма на дороге, не горит фонарь?", small: "Столкнулись с проблемой — сообщите о ней!", button: "Написать о проблеме" },
  { text: "Есть предложения по организации учебного процесса или знаете, как сделать школу лучше?", small: "Напишите — мы всё обсудим!", button: "Написать о проблеме" },
  { text: "Не смогли записаться к врачу?", small: "Сообщите о проблеме — мы разберемся.", button: "Сообщить о проблеме" },
  { text: "В квитанциях ошибки, в подъезде мусор…", small: "Столкнулись с проблемой — сообщите о ней!", button: "Сообщить о проблеме" },
  { text: "Столкнулись с проблемой — сообщите о ней!", small: "Ответ придет в течение 10 рабочих дней.", button: "Написать о проблеме" },
];

export const DEFAULT_VARIANT = WIDGET_VARIANTS[0].id;
export const DEFAULT_BANNER_TEXT = BANNER_TEXTS[0].text;

export const variantById = (id: number | null | undefined) => WIDGET_VARIANTS.find((v) => v.id === id);
export const bannerTextOf = (text: string | null | undefined): TBannerText =>
  BANNER_TEXTS.find((b) => b.text === text) ?? { ...BANNER_TEXTS[0], text: text || BANNER_TEXTS[0].text };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Hidden until the loader confirms the cabinet accepts messages on this site (class pos-ready). */
export function bannerCss(variant: TWidgetVariant): string {
  const c = variant.colors;
  const k = `.bf-${variant.id}`;
  const layout =
    variant.layout === "column"
      ? `${k}{flex-direction:column;text-align:center;max-width:320px}${k} .pos-banner__btn-wrap{width:100%}${k} .pos-banner-btn_2{width:100%}`
      : variant.layout === "strip"
        ? `${k}{padding:12px 20px;border-radius:8px}${k} .pos-banner__text{font-size:17px}${k} .pos-banner__small{display:none}`
        : `${k} .pos-banner__content{flex:1 1 280px}`;
  return [
    "#js-show-iframe-wrapper{display:none;margin:16px 0;font-family:Arial,Helvetica,sans-serif}",
    "#js-show-iframe-wrapper.pos-ready{display:block}",
    ".pos-banner-fluid{box-sizing:border-box;display:flex;flex-wrap:wrap;align-items:center;gap:16px 24px;padding:24px;border-radius:16px;border:2px solid var(--pos-border);background:var(--pos-bg);color:var(--pos-fg);line-height:1.3}",
    ".pos-banner-fluid *{box-sizing:border-box}",
    ".pos-banner__logo{display:flex;align-items:center;gap:10px;font-weight:700;font-size:16px}",
    ".pos-banner__logo svg{flex:none}",
    ".pos-banner__slogan{display:block;font-weight:400;font-size:13px;opacity:.85}",
    ".pos-banner__text{margin:0;font-size:20px;font-weight:700}",
    ".pos-banner__small{margin:8px 0 0;font-size:15px}",
    ".pos-banner-btn_2{cursor:pointer;border:0;border-radius:8px;padding:12px 24px;font:inherit;font-size:16px;font-weight:700;background:var(--pos-btn-bg);color:var(--pos-btn-fg)}",
    ".pos-banner-btn_2:focus-visible{outline:3px solid #ff9e1b;outline-offset:2px}",
    `${k}{--pos-bg:${c.bg};--pos-fg:${c.fg};--pos-border:${c.border};--pos-btn-bg:${c.btnBg};--pos-btn-fg:${c.btnFg};--pos-accent:${c.accent}}`,
    layout,
  ].join("\n");
}

/** The message form's dialog, opened by the loader over the site's page (both codes). */
export const DIALOG_CSS = [
  ".pos-dialog{position:fixed;inset:0;z-index:2147483647;box-sizing:border-box;display:flex;align-items:center;justify-content:center;padding:16px 8px;background:rgba(11,31,51,.6)}",
  ".pos-dialog [role=dialog]{position:relative;width:100%;max-width:720px;height:90vh;overflow:hidden;border-radius:12px;background:#fff;outline:0}",
  ".pos-dialog button{position:absolute;top:8px;right:8px;width:40px;height:40px;margin:0;padding:0;border:0;border-radius:20px;background:#e8efff;color:#0b1f33;font:700 24px/40px Arial,sans-serif;cursor:pointer}",
  ".pos-dialog button:focus-visible{outline:3px solid #ff9e1b;outline-offset:2px}",
  ".pos-dialog iframe{display:block;width:100%;height:100%;border:0}",
].join("\n");

/**
 * The banner as a tree: [tag, attributes, ...children]; a string is text, { comment } a comment.
 * One source for the pasted markup (serialized below) and for the banner the loader builds with DOM
 * calls on sites that forbid inline code (the loader gets it from /widget/seen, without comments).
 */
export type TBannerNode = string | { comment: string } | [string, Record<string, string>, ...TBannerNode[]];

const LOGO: TBannerNode = [
  "svg", { width: "40", height: "40", viewBox: "0 0 40 40", "aria-hidden": "true" },
  ["rect", { width: "40", height: "40", rx: "10", fill: "var(--pos-accent)" }],
  ["path", { d: "M11 13h18a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3h-9l-6 5v-5h-3a3 3 0 0 1-3-3v-8a3 3 0 0 1 3-3z", fill: "#fff" }],
];

/** The `.pos-banner-fluid` block that goes inside `#js-show-iframe-wrapper`. */
export function bannerTree(variant: TWidgetVariant, banner: TBannerText): TBannerNode {
  const k = `bf-${variant.id}`;
  return [
    "div", { class: `pos-banner-fluid ${k}` }, "\n",
    ["div", { class: `${k}__decor pos-banner__logo` }, LOGO, ["span", {}, "Госуслуги", ["span", { class: "pos-banner__slogan" }, "Решаем вместе"]]], "\n",
    ["div", { class: `${k}__content pos-banner__content` }, ["p", { class: "pos-banner__text" }, banner.text], ["p", { class: "pos-banner__small" }, banner.small]], "\n",
    [
      "div", { class: `${k}__btn-wrap pos-banner__btn-wrap` }, "\n",
      { comment: " Кнопку с классом pos-banner-btn_2 не удалять: она открывает форму сообщения " }, "\n",
      ["button", { class: "pos-banner-btn_2", type: "button" }, banner.button], "\n",
    ],
  ];
}

/** The tree as the loader builds it: no comments (they are for people reading the pasted code). */
export function withoutComments(node: TBannerNode): TBannerNode {
  if (!Array.isArray(node)) return node;
  const [tag, attrs, ...children] = node;
  return [tag, attrs, ...children.filter((c) => typeof c === "string" || Array.isArray(c)).map(withoutComments)];
}

function serialize(node: TBannerNode): string {
  if (typeof node === "string") return escapeHtml(node);
  if (!Array.isArray(node)) return `<!--${node.comment}-->`;
  const [tag, attrs, ...children] = node;
  const attributes = Object.entries(attrs).map(([name, value]) => ` ${name}='${escapeHtml(value)}'`).join("");
  return `<${tag}${attributes}>${children.map(serialize).join("")}</${tag}>`;
}

export function bannerMarkup(variant: TWidgetVariant, banner: TBannerText): string {
  return `<div id='js-show-iframe-wrapper'>${serialize(bannerTree(variant, banner))}</div>`;
}

export interface TWidgetCodeInput {
  /** The portal's origin, e.g. https://pos.example.ru. */
  portalOrigin: string;
  lkoId: number;
  variant: TWidgetVariant;
  banner: TBannerText;
}

export const LOADER_PATH = "/widget/script.min.js";

/** Today's code in the real widget's four parts; `style` and `call` are the inline blocks' exact texts (their CSP hashes). */
export function classicCodeParts({ portalOrigin, lkoId, variant, banner }: TWidgetCodeInput) {
  return {
    loader: `<script src='${portalOrigin}${LOADER_PATH}'></script>`,
    style: `\n${bannerCss(variant)}\n`,
    markup: bannerMarkup(variant, banner),
    call: `Widget("${portalOrigin}/form", ${lkoId})`,
  };
}

/** The code to paste on the site: the ЛКО number is the last thing in it. */
export function widgetCode(input: TWidgetCodeInput): string {
  const parts = classicCodeParts(input);
  return [parts.loader, `<style>${parts.style}</style>`, parts.markup, `<script>${parts.call}</script>`].join("\n");
}

/** The data attributes that describe a banner to the loader; the ЛКО number comes last. */
function bannerAttributes({ lkoId, variant, banner }: Omit<TWidgetCodeInput, "portalOrigin">): string {
  return `data-variant='${variant.id}' data-text='${escapeHtml(banner.text)}' data-small='${escapeHtml(banner.small)}' data-button='${escapeHtml(banner.button)}' data-opa-id='${lkoId}'`;
}

/**
 * The code without inline script or style, for sites with their own CSP: the loader alone, its data
 * attributes naming the cabinet and the banner. The loader builds the banner where the tag stands
 * and styles it through the CSSOM (constructable stylesheets), which CSP does not restrict.
 */
export function noInlineCode(input: TWidgetCodeInput): string {
  return `<script async src='${input.portalOrigin}${LOADER_PATH}' ${bannerAttributes(input)}></script>`;
}

/** The same banner as a place in the page, for pages built by a CMS or a framework (the loader is included once elsewhere). */
export function bannerPlace(input: Omit<TWidgetCodeInput, "portalOrigin">): string {
  return `<div ${bannerAttributes(input)}></div>`;
}

/** The loader alone, once per page (in the site's template), for banner places added later. */
export function loaderTag(portalOrigin: string): string {
  return `<script async src='${portalOrigin}${LOADER_PATH}'></script>`;
}

/**
 * What the loader gets with «show»: the dialog's style, and for a banner it builds itself (the code
 * without inline script or style, `?v=<design>`) the banner's style and tree; the texts come from the
 * code's data attributes, these are only the defaults.
 */
export function loaderAnswer(design: string | null): { css: string; banner?: TBannerNode } {
  if (design === null) return { css: DIALOG_CSS };
  const variant = variantById(Number(design)) ?? WIDGET_VARIANTS[0];
  return { css: `${bannerCss(variant)}\n${DIALOG_CSS}`, banner: withoutComments(bannerTree(variant, BANNER_TEXTS[0])) };
}

/** A page that shows the banner as it will look (the loader is not needed to look at it). */
export function previewDocument(variant: TWidgetVariant, banner: TBannerText, scale = 1): string {
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Предпросмотр баннера</title><style>html{zoom:${scale}}body{margin:12px;background:#fff}${bannerCss(variant)}\n#js-show-iframe-wrapper{display:block;margin:0}</style></head><body>${bannerMarkup(variant, banner)}</body></html>`;
}

export const SOCIAL_SOURCES = [
  { source: "vk", name: "ВКонтакте" },
  { source: "ok", name: "Одноклассники" },
  { source: "telegram", name: "Телеграм" },
] as const;

/** The link for posts in social networks, with the labels regions count visits by. */
export function socialLink(input: { portalOrigin: string; lkoId: number; source: string; regionCode: number; ogrn: string }): string {
  const q = new URLSearchParams({ opaId: String(input.lkoId), utm_source: input.source, utm_medium: String(input.regionCode), utm_campaign: input.ogrn });
  return `${input.portalOrigin}/form/?${q}`;
}
