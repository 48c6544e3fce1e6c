// Runs before the app opens the database (`predev`, `prestart`, e2e): applies pending migrations,
// seeds an empty database (the demo world only where ./seed/policy.ts allows it: not in production
// or on another host without SEED_DEMO=1), says whether ЕСИА gets ГОСТ (the set-up step installs the
// engine where it may), and creates the demo ЕСИА keys when no real ones are configured.
// The embedded PGlite folder has one owner at a time, so this finishes before the app starts
// (docs/decisions/001-database.md).
import fs from "node:fs";
import path from "node:path";
import { databaseTarget, openAdapter } from "../lib/db/adapter";
import { createPrismaClient } from "../lib/db/prisma";
import { ensureDemoKeys } from "../lib/esia/demo-keys";
import { gostEngine } from "../lib/esia/gost-engine";
import { authSecret } from "../lib/auth/secret";
import { migrateDeploy } from "./migrate";
import { seedCounts, seedDemo, seedReferenceData } from "./seed/demo";
import { initialDataFor } from "./seed/policy";

async function withDb<T>(work: (db: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  const opened = openAdapter(databaseTarget());
  const db = createPrismaClient(opened.adapter);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
    await opened.close();
  }
}

const migrationNames = fs
  .readdirSync(path.join("prisma", "migrations"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

// The Prisma CLI takes ~12 s to start; skip it when every migration is already applied.
const applied = await withDb(async (db) => {
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Set(rows.map((r) => r.migration_name));
  } catch {
    return new Set<string>(); // a new database: no migrations table yet
  }
});
if (migrationNames.some((name) => !applied.has(name))) await migrateDeploy();
else console.log("Миграции: все применены.");

await withDb(async (db) => {
  if ((await db.region.count()) > 0) {
    console.log("База уже заполнена: демонстрационные данные не добавлялись.");
  } else {
    const initial = initialDataFor(process.env, databaseTarget());
    if (initial.seed === "reference") {
      await seedReferenceData(db);
      console.log(`Загружены справочники; ${initial.note}.`);
    } else {
      await seedDemo(db);
      console.log(`Загружены демонстрационные данные (${initial.note}):`, await seedCounts(db));
    }
  }
});

const gost = gostEngine();
if (gost.available) console.log(`ГОСТ для ЕСИА: OpenSSL, движок ${gost.path}.`);
else console.warn(`${gost.reason} Пока без него вход через ЕСИА идёт на RSA (только с эмулятором).`);
if (!process.env.ESIA_CLIENT_KEY) await ensureDemoKeys(process.env.ESIA_DEMO_KEYS_DIR || undefined);
authSecret();
