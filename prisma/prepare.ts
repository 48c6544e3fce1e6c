// Runs before the app opens the database (`predev`, `prestart`, e2e): applies pending migrations
// (retrying one a killed start-up interrupted, stopping on one that failed: prisma/migrate.ts),
// seeds an empty database (the demo world only where ./seed/policy.ts allows it: not in production
// or on another host without SEED_DEMO=1), says whether ЕСИА gets ГОСТ (the set-up step installs the
// engine where it may), and creates the demo ЕСИА keys when no real ones are configured.
// The embedded PGlite folder has one owner at a time (its lock refuses a second process), so this
// finishes before the app starts (docs/decisions/001-database.md). A production start on PGlite
// without PGLITE_IN_PRODUCTION=1 is refused here already (lib/db/durability.ts).
import { databaseTarget } from "../lib/db/adapter";
import { runTask, withDatabase } from "../lib/db/cli";
import { checkDurability } from "../lib/db/durability";
import { ensureDemoKeys } from "../lib/esia/demo-keys";
import { gostEngine } from "../lib/esia/gost-engine";
import { authSecret } from "../lib/auth/secret";
import { applyMigrations } from "./migrate";
import { seedCounts, seedDemo, seedReferenceData } from "./seed/demo";
import { initialDataFor } from "./seed/policy";

await runTask(async () => {
  // `npm start` runs this as its prestart step, before `next start` sets NODE_ENV=production.
  const production = process.env.NODE_ENV === "production" || process.env.npm_lifecycle_event === "prestart";
  const warning = checkDurability(process.env, production);
  if (warning) console.warn(warning);

  await applyMigrations();

  await withDatabase(async (db) => {
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
});
