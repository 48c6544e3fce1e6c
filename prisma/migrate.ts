// Migrations at start-up and on the operator's command (issue 16): `prisma migrate deploy` as a
// child process, preceded by what Prisma cannot do here without its Rust engines — a migration
// interrupted by a killed process is marked rolled back and applied again (its transaction left
// nothing behind), and a migration that really failed stops everything with a Russian message and
// the one repair command (lib/db/migrations.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { databaseTarget } from "../lib/db/adapter";
import { withDatabase } from "../lib/db/cli";
import { MigrationFailedError, PRISMA_MIGRATE_LOCK, markRolledBack, migrationNames, migrationRows, migrationScript, migrationState, MIGRATIONS_DIR, scriptsStillRunning } from "../lib/db/migrations";
import { OperatorRefusal } from "../lib/db/refusal";

export interface DeployOptions {
  quiet?: boolean;
  cwd?: string;
  /** Another prisma.config.ts (the tests point the CLI at their own migrations with it). */
  config?: string;
}

/** Lines of the Prisma CLI's output nobody needs at every start. */
const NOISE = /WARNING|will NOT|recommend|^- url|^Loaded Prisma config|^Prisma config detected|^\s*$/;

/** `prisma migrate deploy`; its output passes through line by line as it comes (unless quiet). */
export async function migrateDeploy(env: NodeJS.ProcessEnv = process.env, options: DeployOptions = {}): Promise<void> {
  const cwd = options.cwd ?? process.cwd();
  const args = ["migrate", "deploy", ...(options.config ? ["--config", options.config] : [])];
  const child = spawn(path.join(cwd, "node_modules", ".bin", "prisma"), args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const pass = (from: NodeJS.ReadableStream, to: NodeJS.WritableStream) =>
    readline.createInterface({ input: from, crlfDelay: Infinity }).on("line", (line) => {
      output += `${line}\n`;
      if (!options.quiet && !NOISE.test(line)) to.write(`${line}\n`);
    });
  pass(child.stdout!, process.stdout);
  pass(child.stderr!, process.stderr);
  const code = await new Promise<number | null>((resolve, reject) => child.once("error", reject).once("close", resolve));
  if (code !== 0) throw new Error(`prisma migrate deploy завершилась с кодом ${code}:\n${output}`);
}

export interface ApplyOptions extends DeployOptions {
  env?: NodeJS.ProcessEnv;
  migrationsDir?: string;
  /** The repair command: failed migrations are marked rolled back and applied again. */
  retryFailed?: boolean;
  say?: (line: string) => void;
}

/** Brings the database to this version's migrations; throws MigrationFailedError when one cannot be applied. */
export async function applyMigrations(options: ApplyOptions = {}): Promise<{ retried: string[] }> {
  const env = options.env ?? process.env;
  const say = options.say ?? console.log;
  const target = databaseTarget(env);
  const dir = options.migrationsDir ?? MIGRATIONS_DIR;
  const expected = migrationNames(dir);
  const inspect = () => withDatabase(async (db) => migrationState(await migrationRows(db), expected), target);

  if (target.kind === "postgres") {
    // A killed runner's statement may still be running on the server: wait until it has rolled back.
    const scripts = (await inspect()).interrupted.filter((r) => expected.includes(r.migration_name)).map((r) => migrationScript(r.migration_name, dir));
    const until = Date.now() + 30_000;
    let running = await withDatabase((db) => scriptsStillRunning(db, scripts), target);
    while (running.length > 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 500));
      running = await withDatabase((db) => scriptsStillRunning(db, scripts), target);
    }
    if (running.length > 0) {
      throw new OperatorRefusal(`Миграцию ещё выполняет другой процесс базы (PID ${running.join(", ")} на сервере PostgreSQL): дождитесь его завершения и повторите запуск.`);
    }
  }

  const { pending, retried } = await withDatabase(
    (db) =>
      db.$transaction(async (tx) => {
        // Under Prisma's own migration lock: a row another deploy is working on right now is not "interrupted".
        const [{ locked }] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${PRISMA_MIGRATE_LOCK}) AS locked`);
        const state = migrationState(await migrationRows(tx), expected);
        if (!locked) return { pending: state.pending, retried: [] as string[] };
        const again = [...state.interrupted, ...(options.retryFailed ? state.failed : [])];
        for (const row of state.interrupted) {
          say(`Миграция ${row.migration_name} была прервана (процесс остановлен посреди неё, ${row.started_at.toISOString()}); её изменения откатились вместе с транзакцией — применяется заново.`);
        }
        for (const row of options.retryFailed ? state.failed : []) say(`Миграция ${row.migration_name} не применилась в прошлый раз — применяется заново.`);
        if (!options.retryFailed && state.failed.length > 0) throw new MigrationFailedError(state.failed);
        await markRolledBack(tx, again);
        return { pending: state.pending, retried: again.map((r) => r.migration_name) };
      }),
    target,
  );
  if (pending.length === 0) {
    say("Миграции: все применены.");
    return { retried };
  }
  try {
    await migrateDeploy(env, options);
  } catch (error) {
    const { failed } = await inspect();
    if (failed.length > 0) throw new MigrationFailedError(failed);
    throw error;
  }
  return { retried };
}
