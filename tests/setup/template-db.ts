// Builds the databases every test file starts from: migrated with the real Prisma CLI (as in
// production), then seeded with the demo. Done once per run; each file gets a copy.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { adapterForPglite, newPglite, openAdapter } from "../../lib/db/adapter";
import { createPrismaClient } from "../../lib/db/prisma";
import { seedDemo } from "../../prisma/seed/demo";
import { migrateDeploy } from "../../prisma/migrate";

export type TemplateInfo =
  | { kind: "pglite"; emptyDump: string; demoDump: string }
  | { kind: "postgres"; serverUrl: string; emptyDb: string; demoDb: string };

const root = path.resolve(import.meta.dirname, "../..");

export function migrateWithCli(env: Record<string, string>): Promise<void> {
  return migrateDeploy({ ...process.env, ...env }, { quiet: true, cwd: root });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function buildTemplates(): Promise<{ info: TemplateInfo; cleanup: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const serverUrl = process.env.DATABASE_URL;
    const emptyDb = `pos_t_empty_${process.pid}`;
    const demoDb = `pos_t_demo_${process.pid}`;
    for (const name of [emptyDb, demoDb]) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}"`);
    await adminQuery(serverUrl, `CREATE DATABASE "${emptyDb}"`);
    await migrateWithCli({ DATABASE_URL: withDatabase(serverUrl, emptyDb) });
    await adminQuery(serverUrl, `CREATE DATABASE "${demoDb}" TEMPLATE "${emptyDb}"`);
    const opened = openAdapter({ kind: "postgres", url: withDatabase(serverUrl, demoDb) });
    const db = createPrismaClient(opened.adapter);
    await seedDemo(db);
    await db.$disconnect();
    await opened.close();
    return {
      info: { kind: "postgres", serverUrl, emptyDb, demoDb },
      cleanup: async () => {
        for (const name of [emptyDb, demoDb]) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pos-test-db-"));
  const dataDir = path.join(dir, "pglite");
  await migrateWithCli({ PGLITE_DIR: dataDir, DATABASE_URL: "" });
  const pglite = newPglite(dataDir);
  // dumpDataDir() before the database is ready never resolves.
  await pglite.waitReady;
  const emptyDump = path.join(dir, "empty.tar.gz");
  const demoDump = path.join(dir, "demo.tar.gz");
  await fs.writeFile(emptyDump, Buffer.from(await (await pglite.dumpDataDir("gzip")).arrayBuffer()));
  const db = createPrismaClient(adapterForPglite(pglite));
  await seedDemo(db);
  await db.$disconnect();
  await fs.writeFile(demoDump, Buffer.from(await (await pglite.dumpDataDir("gzip")).arrayBuffer()));
  await pglite.close();
  return { info: { kind: "pglite", emptyDump, demoDump }, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}
