// Hostile input for property-based tests (fast-check): wrong types, huge strings, unicode tricks,
// SQL and HTML payloads, forged ids of other tenants, prototype keys.
import fc from "fast-check";

/** Marks an HTML payload, so that a test can find it (escaped or not) in a page. */
export const XSS_MARK = "pos-xss-7f3a";

export const SQL_PAYLOADS = [
  "' OR '1'='1", "'; DROP TABLE \"Account\"; --", "1; SELECT pg_sleep(10)--", "\" OR \"\"=\"", "' UNION SELECT \"tokenHash\" FROM \"Invitation\" --",
  "$1", "\\", "%", "_", "admin'--", "1' AND 1=CAST((SELECT version()) AS int)--",
];

export const HTML_PAYLOADS = [
  `<script>window.__xss='${XSS_MARK}'</script>`, `<img src=x onerror="window.__xss='${XSS_MARK}'">`, `"><svg onload=alert('${XSS_MARK}')>`,
  `javascript:alert('${XSS_MARK}')`, `</textarea><script>alert('${XSS_MARK}')</script>`, `<a href="javascript:alert(1)">${XSS_MARK}</a>`,
  `{{constructor.constructor('alert(1)')()}}`, "${7*7}", "<!--", "]]>", "&amp;&lt;&#x3C;",
];

export const UNICODE_TRICKS = [
  "\u202Eтекст наоборот\u202C", "невидимый\u200B\u200C\u200D\uFEFFпробел", "нуль\u0000байт", "\u0000", "одинокий \uD800 суррогат", "\uDFFF",
  "управляющие\u0001\u0007\u001B\u007F", "перевод\r\nSet-Cookie: x=1", "комбинированные й̵̡̛̖̗̘̙̜̝", "😀👨‍👩‍👧‍👦🇷🇺", "раураl", "\u2028\u2029",
  "ﷺ", "\uFFFD", "\t", " ", "",
];

export const FORGED_IDS = [
  "cab-work-mag-school-18", "cab-ed-omsu-agapovo-uo", "cab-work-agapovo-school-1", "cab-ed-roiv-mincifry", "acc-agapovo-school-1-1",
  "acc-omsu-mag-uk-1", "req-work-agapovo-school-1", "req-work-mag-culture-1", "org-roiv-mincifry", "org-omsu-agapovo-uo", "person-operator",
  "region-77", "sphere-none", "00000000-0000-0000-0000-000000000000", "ckz0000000000000000000000", "../../etc/passwd", "-1", "0", "1e309", "NaN",
];

export const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];

/** Big enough to hit every length limit; a few are huge. */
const hugeString = fc.oneof(
  fc.constantFrom("A".repeat(5_000), "я".repeat(70_000), `${"<b>".repeat(20_000)}`, "x".repeat(1_100_000)),
  fc.string({ unit: "binary", minLength: 250, maxLength: 1_200 }),
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SQL_PAYLOADS, ...HTML_PAYLOADS, ...UNICODE_TRICKS, ...FORGED_IDS, ...PROTO_KEYS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
  {
    weight: 2,
    // A payload glued to ordinary Russian text, so it passes «min length» checks and reaches the database.
    arbitrary: fc
      .tuple(fc.constantFrom(...SQL_PAYLOADS, ...HTML_PAYLOADS, ...UNICODE_TRICKS), fc.constantFrom("Школа № 5 ", "Сломана ограда у школы, ", "Иванова "))
      .map(([payload, text]) => `${text}${payload} ещё немного текста`),
  },
);

/** Anything but a string: numbers at the edges, booleans, null, arrays, objects, dates. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2, 1e309, [], {}, [[]], new Date(0)),
  fc.integer(),
  fc.double(),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...PROTO_KEYS, "id", "cabinetId", "role"), hostileString, { maxKeys: 3 }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 2, arbitrary: wrongType });

/**
 * Inputs for an action whose valid input is `base`: some fields replaced by hostile values, extra
 * fields (prototype keys, forged ids), whole-input garbage, and the same as a form post (FormData).
 */
export function hostileInputFor(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  const mutated = fc
    .record({
      replace: fc.subarray(keys, { minLength: 1 }),
      values: fc.array(hostileValue, { minLength: keys.length, maxLength: keys.length }),
      extra: fc.dictionary(fc.constantFrom(...PROTO_KEYS, "personId", "status", "role", "isAdmin", "organizationId"), hostileValue, { maxKeys: 2 }),
    })
    .map(({ replace, values, extra }) => {
      const input: Record<string, unknown> = { ...base };
      replace.forEach((key, i) => (input[key] = values[i]));
      for (const [k, v] of Object.entries(extra)) Object.defineProperty(input, k, { value: v, enumerable: true, configurable: true, writable: true });
      return input;
    });
  // One field at a time, the rest valid: the payload reaches the handler and the database.
  const oneField = fc.record({ key: fc.constantFrom(...keys), value: fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: wrongType }) })
    .map(({ key, value }) => ({ ...base, [key]: value }));
  const garbage = fc.oneof(
    wrongType,
    hostileString,
    fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true }),
    fc.dictionary(fc.constantFrom(...keys), hostileValue),
  );
  return fc.oneof(
    { weight: 4, arbitrary: oneField },
    { weight: 2, arbitrary: oneField.map(asFormData) },
    { weight: 3, arbitrary: mutated },
    { weight: 2, arbitrary: mutated.map(asFormData) },
    { weight: 1, arbitrary: garbage },
  );
}

/** As a browser's form post would carry it (File parts included: a forged post may have them). */
export function asFormData(input: unknown): FormData {
  const form = new FormData();
  if (input && typeof input === "object") {
    for (const [key, value] of Object.entries(input)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item instanceof Date) form.append(key, item.toISOString());
        else if (item && typeof item === "object") form.append(key, new File([JSON.stringify(item)], "x.json", { type: "application/json" }));
        else form.append(key, String(item));
      }
    }
  }
  return form;
}

/** Something a person can read: Cyrillic letters in it. */
export const isRussian = (text: unknown) => typeof text === "string" && /[А-Яа-яЁё]{3,}/.test(text);

/** Numbers of runs per property: bounded for CI on two cores; HOSTILE_RUNS raises them locally. */
export const runs = (n: number) => Number(process.env.HOSTILE_RUNS || n);
