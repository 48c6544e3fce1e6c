// What a refused request must leave exactly as it was: every table of the test database, by row
// count and by a hash of its rows (updates count too, not only inserts).
import { testDb } from "./db";

let tables: string[] | null = null;

async function tableNames(): Promise<string[]> {
  tables ??= (
    await testDb().$queryRaw<Array<{ name: string }>>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`
  ).map((t) => t.name);
  return tables;
}

/** Table → "rows:md5 of the rows". */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const sql = (await tableNames())
    .map((t) => `SELECT '${t}' AS name, count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h FROM "${t}" x`)
    .join(" UNION ALL ");
  const rows = await testDb().$queryRawUnsafe<Array<{ name: string; n: number; h: string }>>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.h}`]));
}

/**
 * "id table" → "rows:md5" of the rows of that table whose text names the id (a cabinet, an account,
 * an organization…): what a forged id could have touched. Tables without such rows are left out.
 */
export async function rowsMentioning(ids: readonly string[]): Promise<Record<string, string>> {
  const names = await tableNames();
  const out: Record<string, string> = {};
  for (const id of ids) {
    const sql = names
      .map((t) => `SELECT '${t}' AS name, count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h FROM "${t}" x WHERE strpos(x::text, $1) > 0`)
      .join(" UNION ALL ");
    const rows = await testDb().$queryRawUnsafe<Array<{ name: string; n: number; h: string }>>(sql, id);
    for (const r of rows) if (r.n > 0) out[`${id} ${r.name}`] = `${r.n}:${r.h}`;
  }
  return out;
}

/** Table → row count: cheap enough to take around every generated input. */
export async function rowCounts(): Promise<Record<string, number>> {
  const sql = (await tableNames()).map((t) => `SELECT '${t}' AS name, count(*)::int AS n FROM "${t}"`).join(" UNION ALL ");
  const rows = await testDb().$queryRawUnsafe<Array<{ name: string; n: number }>>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

/** The tables whose fingerprint differs, for a readable failure. */
export function changedTables(before: Record<string, string | number>, after: Record<string, string | number>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
