// Dates, numbers and counted words as people in the region read them (ru-RU, Intl). One module,
// so that every page, form and email agrees. Pure: server pages, client forms and tests import it.

/** The portal serves one region: its time zone is set once (Челябинская область by default). */
export const portalTimeZone = () => (typeof process !== "undefined" && process.env?.PORTAL_TIME_ZONE) || "Asia/Yekaterinburg";

const LOCALE = "ru-RU";
const cache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const zone = portalTimeZone();
  let f = cache.get(key + zone);
  if (!f) cache.set(key + zone, (f = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: zone })));
  return f;
}

/** 05.12.2026 */
export function formatDate(d: Date): string {
  return dateFormat("date", { day: "2-digit", month: "2-digit", year: "numeric" }).format(d);
}

/** 05.12.2026, 14:03 */
export function formatDateTime(d: Date): string {
  return dateFormat("datetime", { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(d);
}

/** 5 декабря 2026 г. — for sentences. */
export function formatLongDate(d: Date): string {
  return dateFormat("long", { day: "numeric", month: "long", year: "numeric" }).format(d);
}

/**
 * A sentence that ends in one full stop, whatever its last word: «Заявка подана 6 декабря 2026 г.»
 * (a date, an abbreviation, a name or a position typed with a dot) gets no second one.
 */
export function sentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

const numberFormat = new Intl.NumberFormat(LOCALE);
/** 100 000 (with the narrow no-break space Russian typography uses). */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

const percentFormat = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 0 });
/** 0.42 → «42 %» */
export function formatPercent(share: number): string {
  return percentFormat.format(share);
}

/** The three Russian forms of a counted word: one, few, many («учреждение», «учреждения», «учреждений»). */
export type TWordForms = readonly [one: string, few: string, many: string];

const pluralRules = new Intl.PluralRules(LOCALE);
/** The form of the word that goes with n: plural(21, …) → «учреждение», plural(5, …) → «учреждений». */
export function plural(n: number, forms: TWordForms): string {
  switch (pluralRules.select(n)) {
    case "one":
      return forms[0];
    case "few":
      return forms[1];
    default:
      return forms[2];
  }
}

/** «3 заявки», «100 000 учреждений». */
export function countOf(n: number, forms: TWordForms): string {
  return `${formatNumber(n)} ${plural(n, forms)}`;
}
