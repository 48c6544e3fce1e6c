import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyTemplateDatabase, type TestDatabase } from "../../helpers/db";
import { adapterForPglite, newPglite } from "@/lib/db/adapter";

const migrationsDir = path.resolve(import.meta.dirname, "../../../prisma/migrations");
const migrationNames = fs.readdirSync(migrationsDir).filter((name) => fs.statSync(path.join(migrationsDir, name)).isDirectory());

describe("миграции", () => {
  let empty: TestDatabase;
  afterAll(async () => empty?.close());

  it(`применяются Prisma CLI целиком (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, async () => {
    empty = await copyTemplateDatabase("empty");
    const applied = await empty.db.$queryRawUnsafe<Array<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>>(
      `SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(applied.map((m) => m.migration_name)).toEqual(migrationNames.sort());
    expect(applied.every((m) => m.finished_at !== null && m.rolled_back_at === null)).toBe(true);
    // The last statements of the first migration (raw SQL constraints) ran too.
    const indexes = await empty.db.$queryRawUnsafe<Array<{ indexname: string }>>(
      `SELECT indexname FROM pg_indexes WHERE indexname IN ('CabinetRequest_open_per_organization_kind', 'Invitation_one_live_per_account')`,
    );
    expect(indexes).toHaveLength(2);
    expect(await empty.db.region.count()).toBe(0);
  });

  it("ошибка в сценарии миграции не теряется (PGlite)", async () => {
    const pglite = newPglite();
    const adapter = await adapterForPglite(pglite).connect();
    await expect(adapter.executeScript("CREATE TABLE ok_table (id int);\nSELECT * FROM missing_table;")).rejects.toThrow(/missing_table/);
    await pglite.close();
    // A fresh in-memory PGlite runs initdb in WASM: seconds alone, much longer on a busy machine.
  }, 120_000);
});
