// Issue 16, item 3: migrations that cannot wedge. The start-up's migration step (the same routine
// as `npm run db:migrate`, run by prisma/prepare.ts) is really killed — SIGKILL to its process
// group, the Prisma CLI included — while the Prisma CLI is inside a migration; the next run applies
// that migration again with a log line. A migration that really fails stops the run with a Russian
// message and the repair command, refuses again until repaired, and `npm run db:migrate:retry`
// (after the cause is fixed) applies it. On PGlite, and on PostgreSQL in the PostgreSQL pass.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabase } from "@/lib/db/cli";
import { migrationNames, migrationRows } from "@/lib/db/migrations";
import { readLockOwner } from "@/lib/db/folder-lock";
import { externalDatabase, type ExternalDatabase } from "../../helpers/db";
import { ROOT, runCli, startCli } from "../../helpers/cli";

const MIGRATE = "prisma/migrate-cli.ts";
const SLOW = "29991231000000_slow_probe";
const BROKEN = "29991231000001_broken_probe";

let work: string;
let database: ExternalDatabase;

/** The real migrations plus the given ones, and a prisma.config.ts pointing the CLI at them. */
function migrationsWith(name: string, extra: Record<string, string>): { config: string; dir: string } {
  const root = path.join(work, name);
  const dir = path.join(root, "migrations");
  fs.cpSync(path.join(ROOT, "prisma", "migrations"), dir, { recursive: true });
  for (const [migration, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, migration));
    fs.writeFileSync(path.join(dir, migration, "migration.sql"), sql);
  }
  const config = path.join(root, "prisma.config.ts");
  fs.writeFileSync(
    config,
    `import base from ${JSON.stringify(path.join(ROOT, "prisma.config.ts"))};\n` +
      `export default { ...base, schema: ${JSON.stringify(path.join(ROOT, "prisma", "schema.prisma"))}, migrations: { ...base.migrations, path: ${JSON.stringify(dir)} } };\n`,
  );
  return { config, dir };
}

/** No such process, or only its zombie. */
const gone = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.startsWith("Z") ?? true;
  } catch {
    return true;
  }
};

const rows = () => withDatabase(migrationRows, database.target);
const tableExists = (table: string) =>
  withDatabase(async (db) => (await db.$queryRawUnsafe<{ ok: boolean }[]>(`SELECT to_regclass('"${table}"') IS NOT NULL AS ok`))[0].ok, database.target);

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "pos-migrations-"));
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe(`миграции при запуске (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("запуск, убитый посреди миграции, не мешает следующему: миграция применяется заново, с записью в журнале", async () => {
    database = await externalDatabase("empty");
    // Long enough to be killed inside it, on a busy machine too.
    const { config } = migrationsWith("slow", { [SLOW]: `CREATE TABLE "SlowProbe" (id int);\nSELECT pg_sleep(8);\n` });
    // The driver adapter's debug log shows each statement as the CLI sends it: the INSERT of the row
    // that marks the migration started names it (logged before it runs), then the script runs for
    // 8 s unlogged. Killed 2 s after that line: the row is in, the script is mid-way.
    const first = startCli(MIGRATE, ["--config", config], { ...database.env, DEBUG: "prisma:driver-adapter*" });
    await expect.poll(() => first.stderr().includes(SLOW) || first.child.exitCode !== null, { timeout: 120_000, interval: 100 }).toBe(true);
    await new Promise((r) => setTimeout(r, 2_000));
    first.killGroup();
    expect(await first.done, first.stdout() + first.stderr()).toBeNull();
    // The Prisma CLI that held the folder is gone for good (a loaded machine takes a moment to end it).
    const owner = database.target.kind === "pglite" ? readLockOwner(database.target.dir) : null;
    if (owner) await expect.poll(() => gone(owner.pid), { timeout: 30_000 }).toBe(true);

    // What the kill left: the migration recorded as started, never finished, no error — its changes rolled back.
    const killed = (await rows()).filter((r) => r.migration_name === SLOW);
    expect(killed).toEqual([expect.objectContaining({ finished_at: null, rolled_back_at: null, logs: null })]);
    expect(await tableExists("SlowProbe")).toBe(false);

    const second = await runCli(MIGRATE, ["--config", config], database.env);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain(`Миграция ${SLOW} была прервана`);
    expect(second.stdout).toContain("применяется заново");
    const after = (await rows()).filter((r) => r.migration_name === SLOW);
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ id: killed[0].id, finished_at: null, rolled_back_at: expect.any(Date) });
    expect(after[1]).toMatchObject({ finished_at: expect.any(Date), rolled_back_at: null });
    expect(await tableExists("SlowProbe")).toBe(true);
  }, 300_000);

  it("миграция с настоящей ошибкой останавливает запуск с русским сообщением и командой; после исправления её применяет npm run db:migrate:retry", async () => {
    await database?.drop();
    database = await externalDatabase("empty");
    const { config, dir } = migrationsWith("broken", { [BROKEN]: `CREATE TABLE "BrokenProbe" (id int);\nINSERT INTO "BrokenProbe" SELECT id FROM "NoSuchTable";\n` });

    const failed = await runCli(MIGRATE, ["--config", config], database.env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`Запуск остановлен: миграция ${BROKEN} не применилась`);
    expect(failed.stderr).toContain("NoSuchTable");
    expect(failed.stderr).toContain("npm run db:migrate:retry");
    expect(await tableExists("BrokenProbe")).toBe(false);

    // Not retried on its own: the next start refuses the same way, before the Prisma CLI.
    const again = await runCli(MIGRATE, ["--config", config], database.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`Запуск остановлен: миграция ${BROKEN} не применилась`);

    // The cause fixed (here: the migration itself), the documented command repairs it.
    fs.writeFileSync(path.join(dir, BROKEN, "migration.sql"), `CREATE TABLE "BrokenProbe" (id int);\n`);
    const repaired = await runCli(MIGRATE, ["--retry-failed", "--config", config], database.env);
    expect(repaired.code, repaired.stdout + repaired.stderr).toBe(0);
    expect(repaired.stdout).toContain(`Применены заново: ${BROKEN}`);
    expect(await tableExists("BrokenProbe")).toBe(true);
    const live = (await rows()).filter((r) => r.rolled_back_at === null);
    expect(live.every((r) => r.finished_at !== null)).toBe(true);
    expect(live.map((r) => r.migration_name).sort()).toEqual([...migrationNames(), BROKEN].sort());
  }, 300_000);
});
