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
