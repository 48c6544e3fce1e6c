// Test databases: every file starts on its own copy of the migrated demo (see tests/setup).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { adapterForPglite, newPglite, openAdapter, type DatabaseTarget } from "@/lib/db/adapter";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { adminQuery, withDatabase } from "../setup/template-db";

export interface TestDatabase {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

/** A template's data folder as PGlite loads it (gzip: 6.5 MB to read instead of 44, 0.3 s less a copy). */
async function templateDump(which: "demo" | "empty", t: { emptyDump: string; demoDump: string }): Promise<Blob> {
  return new Blob([await fs.readFile(which === "demo" ? t.demoDump : t.emptyDump)], { type: "application/x-gzip" });
}

/**
 * A new database copied from a template: "demo" (migrated and seeded) or "empty" (migrated only).
 * `wrap` may wrap the driver adapter (tests/helpers/query-counter.ts counts statements with it).
 */
export async function copyTemplateDatabase(which: "demo" | "empty", wrap: (adapter: SqlDriverAdapterFactory) => SqlDriverAdapterFactory = (a) => a): Promise<TestDatabase> {
  const t = inject("dbTemplates");
  if (t.kind === "pglite") {
    const pglite = newPglite(undefined, { loadDataDir: await templateDump(which, t) });
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

export interface ExternalDatabase {
  target: DatabaseTarget;
  /** The environment that points a child process (a CLI, the server) at it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A copy of a template database outside this process, for the command-line tasks and servers a
 * test starts: a PGlite data folder (closed, so that a child can take its lock) or a PostgreSQL
 * database of the test server.
 */
export async function externalDatabase(which: "demo" | "empty"): Promise<ExternalDatabase> {
  const t = inject("dbTemplates");
  if (t.kind === "pglite") {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), "pos-ext-db-"));
    const dir = path.join(root, "pglite");
    const pglite = newPglite(dir, { loadDataDir: await templateDump(which, t) });
    await pglite.close();
    return { target: { kind: "pglite", dir }, env: { DATABASE_URL: "", PGLITE_DIR: dir }, drop: () => fs.rm(root, { recursive: true, force: true }) };
  }
  const name = `pos_x_${randomUUID().replaceAll("-", "")}`;
  await adminQuery(t.serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${which === "demo" ? t.demoDb : t.emptyDb}"`);
  const url = withDatabase(t.serverUrl, name);
  return { target: { kind: "postgres", url }, env: { DATABASE_URL: url }, drop: () => adminQuery(t.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** An empty database (no tables at all) beside the test server, or a folder not yet created. */
export async function blankDatabase(): Promise<ExternalDatabase> {
  const t = inject("dbTemplates");
  if (t.kind === "pglite") {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), "pos-blank-db-"));
    const dir = path.join(root, "pglite");
    return { target: { kind: "pglite", dir }, env: { DATABASE_URL: "", PGLITE_DIR: dir }, drop: () => fs.rm(root, { recursive: true, force: true }) };
  }
  const name = `pos_b_${randomUUID().replaceAll("-", "")}`;
  await adminQuery(t.serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(t.serverUrl, name);
  return { target: { kind: "postgres", url }, env: { DATABASE_URL: url }, drop: () => adminQuery(t.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
