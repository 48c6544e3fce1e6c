// Text the database cannot take: PostgreSQL refuses the NUL character, and a lone UTF-16 surrogate
// (only a forged request carries one — browsers send well-formed UTF-8) breaks the query. Either
// would end in a "500" for the person, so such input is refused up front, with the field named.

export const INVALID_TEXT_MESSAGE = "В поле есть недопустимый невидимый символ. Наберите текст заново или вставьте его без форматирования.";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (s: string) => !s.includes("\u0000") && !LONE_SURROGATE.test(s);

/** Paths ("field", "list.0", "_" for the input itself) of strings in the input the database cannot store. */
export function fieldsWithInvalidText(value: unknown, path: string[] = [], depth = 0): string[] {
  if (typeof value === "string") return isStorableText(value) ? [] : [path.join(".") || "_"];
  if (depth > 8 || value === null || typeof value !== "object") return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([key, v]) => [...(isStorableText(key) ? [] : [[...path, key].join(".")]), ...fieldsWithInvalidText(v, [...path, key], depth + 1)]);
}

/** The field errors for such input, in the shape actions return. */
export function invalidTextErrors(value: unknown): Record<string, string[]> | null {
  const fields = fieldsWithInvalidText(value);
  return fields.length > 0 ? Object.fromEntries(fields.map((f) => [f, [INVALID_TEXT_MESSAGE]])) : null;
}

/**
 * The part of a URL that carries such text: a query parameter's name (or "path"), null when none
 * does. Percent-escapes decode to NUL (`%00`); a path segment that is not UTF-8 counts too.
 */
export function unstorableRequestPart(url: URL): string | null {
  for (const segment of url.pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return "path";
    }
    if (!isStorableText(decoded)) return "path";
  }
  for (const [key, value] of url.searchParams) if (!isStorableText(key) || !isStorableText(value)) return key;
  return null;
}

/** Content types of route bodies whose text the guard reads (multipart forms are the handlers' own). */
const READ_BODY = /^(application\/(json|csp-report|reports\+json|x-www-form-urlencoded))\b/i;
const MAX_READ_BODY = 64 * 1024;

/**
 * The field of a form or JSON body that carries such text ("_" when it is the body itself), null
 * when none does. Bodies of other types, or larger than 64 KB, are left to their handlers.
 */
export async function unstorableBodyPart(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!request.body || !READ_BODY.test(type) || Number(request.headers.get("content-length") ?? 0) > MAX_READ_BODY) return null;
  const text = await request.clone().text();
  if (text.length > MAX_READ_BODY) return null;
  if (/x-www-form-urlencoded/i.test(type)) {
    for (const [key, value] of new URLSearchParams(text)) if (!isStorableText(key) || !isStorableText(value)) return key;
    return null;
  }
  if (!isStorableText(text)) return "_";
  try {
    return fieldsWithInvalidText(JSON.parse(text))[0] ?? null;
  } catch {
    return null; // not JSON: the handler refuses it in its own words
  }
}
