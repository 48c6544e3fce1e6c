// Issue 16, item 5: `npm run db:backup` and `npm run db:restore`, run as an operator runs them, on
// the database of this pass (PGlite or PostgreSQL): the backup restored into a fresh database
// holds every row of every table, byte for byte as text.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DatabaseTarget } from "@/lib/db/adapter";
import { withDatabase } from "@/lib/db/cli";
import { blankDatabase, externalDatabase, type ExternalDatabase } from "../../helpers/db";
import { runCli } from "../../helpers/cli";

const dropped: ExternalDatabase[] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), "pos-backup-"));
afterAll(async () => {
  for (const d of dropped) await d.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Every table of the schema: its row count and a digest of all its rows. */
function contents(target: DatabaseTarget) {
  return withDatabase(async (db) => {
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    const out: Record<string, { rows: number; digest: string }> = {};
    for (const { name } of tables) {
      const [row] = await db.$queryRawUnsafe<{ rows: number; digest: string }[]>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
      );
      out[name] = row;
    }
    return out;
  }, target);
}

describe(`резервная копия (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("db:backup, затем db:restore в новую базу: все строки всех таблиц на месте", async () => {
    const source = await externalDatabase("demo");
    dropped.push(source);
    // Rows written after the seed too, through the app's client.
    await withDatabase(async (db) => {
      for (let i = 0; i < 5; i++) await db.auditEvent.create({ data: { action: "test.backup", entityType: "Test", entityId: `row-${i}`, data: { i } } });
    }, source.target);
    const before = await contents(source.target);
    expect(before.AuditEvent.rows).toBeGreaterThanOrEqual(5);
    expect(Object.values(before).reduce((n, t) => n + t.rows, 0)).toBeGreaterThan(1000);

    const file = path.join(work, source.target.kind === "pglite" ? "copy.tar.gz" : "copy.pgdump");
    const backup = await runCli("prisma/backup.ts", ["backup", file], source.env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`Резервная копия`);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    const fresh = await blankDatabase();
    dropped.push(fresh);
    const restore = await runCli("prisma/backup.ts", ["restore", file], fresh.env);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("База восстановлена");
    expect(await contents(fresh.target)).toEqual(before);

    // A second restore over it: PGlite keeps the folder that was there aside; PostgreSQL refuses a
    // database that is not empty unless --clean.
    const again = await runCli("prisma/backup.ts", ["restore", file], fresh.env);
    if (fresh.target.kind === "pglite") {
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/Прежняя папка базы сохранена как .*before-restore/);
    } else {
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("не пуста");
      const clean = await runCli("prisma/backup.ts", ["restore", file, "--clean"], fresh.env);
      expect(clean.code, clean.stderr).toBe(0);
    }
    expect(await contents(fresh.target)).toEqual(before);
  }, 240_000);
});
