// What the database's migration table (`_prisma_migrations`, kept by `prisma migrate deploy`)
// says, read and repaired without Prisma's Rust engines (`prisma migrate resolve` needs one).
// Every migration script runs whole in one transaction (lib/db/adapter.ts: one simple-protocol
// query), so a migration either applied entirely or left nothing behind. A row started but never
// finished therefore means one of two things:
// - no error logged: the process died inside the migration (kill, power cut, Ctrl-C); its changes
//   rolled back with the transaction, and it can simply be applied again;
// - an error logged: the migration itself failed (bad SQL, data that breaks a new constraint);
//   applying it again would fail again until someone fixes the cause, so start-up stops.
// No "server-only": start-up (prisma/prepare.ts), the repair command and /api/ready use it.
import fs from "node:fs";
import path from "node:path";
import type { DbTx } from "./prisma";
import { OperatorRefusal } from "./refusal";

// Read at run time from the installation (`next start` runs in it); not traced into the build.
export const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");

/** The advisory lock `prisma migrate deploy` holds while it migrates (its schema engine's constant). */
export const PRISMA_MIGRATE_LOCK = 72707369;

export interface MigrationRow {
  id: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

export interface MigrationState {
  /** Migrations of this version of the app (folders in prisma/migrations). */
  expected: string[];
  applied: string[];
  pending: string[];
  /** Started, never finished, no error: the process died inside. */
  interrupted: MigrationRow[];
  /** Started, never finished, with the database's error. */
  failed: MigrationRow[];
}

export function migrationNames(dir = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

type Queryable = Pick<DbTx, "$queryRawUnsafe" | "$executeRawUnsafe">;

/** The rows of the migration table, or none when the database has never been migrated. */
export async function migrationRows(db: Queryable): Promise<MigrationRow[]> {
  const [table] = await db.$queryRawUnsafe<{ exists: boolean }[]>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`);
  if (!table.exists) return [];
  return db.$queryRawUnsafe<MigrationRow[]>(
    `SELECT id, migration_name, started_at, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at`,
  );
}

export function migrationState(rows: MigrationRow[], expected: string[]): MigrationState {
  const live = rows.filter((r) => r.rolled_back_at === null);
  const applied = [...new Set(live.filter((r) => r.finished_at !== null).map((r) => r.migration_name))];
  const unfinished = live.filter((r) => r.finished_at === null);
  return {
    expected,
    applied,
    pending: expected.filter((name) => !applied.includes(name)),
    interrupted: unfinished.filter((r) => r.logs === null),
    failed: unfinished.filter((r) => r.logs !== null),
  };
}

/**
 * PostgreSQL backends (other than this one) still running one of these scripts: a migration runner
 * that was killed leaves its statement running on the server until the server notices (within a
 * second, lib/db/adapter.ts); until then it may still commit.
 */
export async function scriptsStillRunning(db: Queryable, scripts: string[]): Promise<number[]> {
  if (scripts.length === 0) return [];
  const rows = await db.$queryRawUnsafe<{ pid: number }[]>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
       AND left(query, 200) = ANY($1::text[])`,
    scripts.map((s) => s.slice(0, 200)),
  );
  return rows.map((r) => r.pid);
}

export const migrationScript = (name: string, dir = MIGRATIONS_DIR): string => fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");

/** Marks the rows rolled back (as `prisma migrate resolve --rolled-back` does): the next deploy applies them anew. */
export async function markRolledBack(db: Queryable, rows: MigrationRow[]): Promise<void> {
  for (const row of rows) {
    await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = $1 AND finished_at IS NULL`, row.id);
  }
}

/** The command that repairs a failed migration once its cause is fixed (README, «Если миграция не применилась»). */
export const RETRY_COMMAND = "npm run db:migrate:retry";

/** The database's error, as the migration table keeps it: the lines before the schema engine's own stack trace. */
export function failureReason(row: MigrationRow): string {
  const lines = (row.logs ?? "").split("\n").map((l) => l.trim());
  const end = lines.findIndex((l) => /^\d+: /.test(l));
  const reason = lines.slice(0, end < 0 ? undefined : end).filter((l) => l && l !== "external connector error");
  return reason.join("; ").slice(0, 500) || "причина не записана";
}

export class MigrationFailedError extends OperatorRefusal {
  constructor(readonly failed: MigrationRow[]) {
    const names = failed.map((r) => r.migration_name).join(", ");
    super(
      `Запуск остановлен: миграция ${names} не применилась.\n` +
        failed.map((r) => `  ${r.migration_name}: ${failureReason(r)}`).join("\n") +
        `\nИзменения этой миграции откатились целиком (каждая миграция выполняется одной транзакцией): база осталась такой, какой была до неё. ` +
        `Устраните причину (данные, которые мешают миграции, или сама миграция — тогда нужна исправленная версия приложения) и выполните\n` +
        `  ${RETRY_COMMAND}\n` +
        `Команда снова применит миграцию и скажет, получилось ли; затем запускайте приложение как обычно.`,
    );
  }
}
