// `npm run seed` — reference data and the demo world (idempotent); with POS_DEMO_DATA=false only
// the reference data (regions, spheres, access groups), as a production installation wants.
// `npm run seed -- --institutions 100000 [--departments 20]` — adds a synthetic tree for benchmarks.
// Refuses a database that is not on this machine unless `--allow-remote` is given.
import { parseArgs } from "node:util";
import { databaseTarget } from "../lib/db/adapter";
import { runTask, withDatabase } from "../lib/db/cli";
import { seedCounts, seedDemo, seedReferenceData } from "./seed/demo";
import { seedSynthetic } from "./seed/synthetic";
import { databaseHost, isLocalDatabase } from "./seed/policy";

const { values } = parseArgs({
  options: {
    institutions: { type: "string" },
    departments: { type: "string", default: "20" },
    "if-empty": { type: "boolean", default: false },
    "allow-remote": { type: "boolean", default: false },
  },
});

const target = databaseTarget();
if (!isLocalDatabase(target) && !values["allow-remote"]) {
  const host = target.kind === "postgres" ? databaseHost(target.url) : "";
  console.error(`Отказ: база ${host} не локальная. Запустите с --allow-remote, если это действительно нужно.`);
  process.exit(2);
}

await runTask(() =>
  withDatabase(async (db) => {
    if (values["if-empty"] && (await db.region.count()) > 0) {
      console.log("База уже заполнена: демонстрационные данные не добавлялись.");
    } else if (process.env.POS_DEMO_DATA === "false") {
      await seedReferenceData(db);
      console.log("Загружены справочники (регионы, сферы, группы доступа); демонстрационные данные отключены POS_DEMO_DATA=false.");
    } else {
      const started = Date.now();
      await seedDemo(db);
      console.log(`Демонстрационные данные загружены за ${Date.now() - started} мс:`, await seedCounts(db));
    }
    if (values.institutions) {
      const started = Date.now();
      await seedSynthetic(db, {
        institutions: Number(values.institutions),
        departments: Number(values.departments),
        log: (line) => console.log(`  синтетические данные: ${line}`),
      });
      console.log(`Синтетические данные (${values.institutions} учреждений) загружены за ${Date.now() - started} мс`);
    }
  }, target),
);
