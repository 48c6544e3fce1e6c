// Values of a `$queryRaw` row as each driver adapter hands them over: adapter-pg and PGlite's adapter
// differ in what a timestamp or a json column arrives as (a Date or a string, an object or its text).
// No "server-only": lib/status's rules use it in scripts too.

/** A json / json_agg column: parsed already by some adapters, text by others. */
export function rawJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** A timestamp as json_build_object writes it ("2026-12-05T10:00:00.123", UTC without the zone). */
export function utc(text: string): Date {
  // PGlite's adapter hands a timestamp column over as "2026-12-05 10:00:00.123" (space, no zone).
  const iso = text.replace(" ", "T");
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}

/** A timestamp(3) column or json value (Prisma keeps them in UTC): a Date, or its text without a zone. */
export function rawDate(value: Date | string): Date;
export function rawDate(value: Date | string | null): Date | null;
export function rawDate(value: Date | string | null): Date | null {
  return value === null || value instanceof Date ? value : utc(value);
}
