// Test databases: every file starts on its own copy of the migrated demo (see tests/setup).
import fs from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { adapterForPglite, openAdapter } from "@/lib/db/adapter";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { adminQuery, withDatabase } from "../setup/template-db";

export interface TestDatabase {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

/**
 * A new database copied from a template: "demo" (migrated and seeded) or "empty" (migrated only).
 * `wrap` may wrap the driver adapter (tests/helpers/query-counter.ts counts statements with it).
 */
export async function copyTemplateDatabase(which: "demo" | "empty", wrap: (adapter: SqlDriverAdapterFactory) => SqlDriverAdapterFactory = (a) => a): Promise<TestDatabase> {
  const t = inject("dbTemplates");
  if (t.kind === "pglite") {
    const dump = await fs.readFile(which === "demo" ? t.demoDump : t.emptyDump);
    const pglite = new PGlite({ loadDataDir: new Blob([dump]) });
    const db = createPrismaClient(wrap(adapterForPglite(pglite)));
    return {
      db,
      kind: "pglite",
      close: async () => {
        await db.$disconnect();
        await pglite.close();
      },
    };
  }
  const name = `pos_t_${randomUUID().replaceAll("-", "")}`;
  await adminQuery(t.serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${which === "demo" ? t.demoDb : t.emptyDb}"`);
  const opened = openAdapter({ kind: "postgres", url: withDatabase(t.serverUrl, name) });
  const db = createPrismaClient(wrap(opened.adapter));
  return {
    db,
    kind: "postgres",
    close: async () => {
      await db.$disconnect();
      await opened.close();
      await adminQuery(t.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** The database of the running test file, the same one `@/lib/db` hands to the services. */
export function testDb(): Db {
  const db = (globalThis as { __posDb?: Db }).__posDb;
  if (!db) throw new Error("Тестовая база не создана: проверьте tests/setup/db-per-file.ts");
  return db;
}
