// `npm run db:migrate`: the start-up's migration step alone (a release step before starting several
// instances on PostgreSQL). `npm run db:migrate:retry`: the repair command after a migration failed
// and its cause was fixed — marks it rolled back and applies it again (`prisma migrate resolve`
// needs a Rust engine this project does without). See README, «Если миграция не применилась».
// `--config <prisma.config.ts>` as for the Prisma CLI (its migrations folder included).
import path from "node:path";
import { parseArgs } from "node:util";
import { runTask } from "../lib/db/cli";
import { applyMigrations } from "./migrate";

const { values } = parseArgs({ options: { "retry-failed": { type: "boolean", default: false }, config: { type: "string" } } });

await runTask(async () => {
  const config = values.config ? path.resolve(values.config) : undefined;
  const migrationsDir = config ? ((await import(config)) as { default: { migrations?: { path?: string } } }).default.migrations?.path : undefined;
  const { retried } = await applyMigrations({ retryFailed: values["retry-failed"], config, migrationsDir });
  if (values["retry-failed"]) {
    console.log(retried.length > 0 ? `Применены заново: ${retried.join(", ")}. Приложение можно запускать.` : "Не применившихся миграций нет: повторять нечего.");
  }
});
