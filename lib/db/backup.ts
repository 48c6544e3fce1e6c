// Backups of either database (issue 16; README, «Резервные копии»).
// - PGlite: a gzipped tar of the data folder, made by PGlite itself (dumpDataDir) after a
//   checkpoint, while this process owns the folder — so never beside a running server: the
//   folder's lock refuses it (stop the server, or use PostgreSQL for backups on the fly).
// - PostgreSQL: the standard pg_dump in its custom format, restored by pg_restore.
// A restore goes into a fresh database: PGlite's folder is moved aside first (never deleted); a
// PostgreSQL database must be empty unless `clean` asks pg_restore to drop what is there.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import type { DatabaseTarget } from "./adapter";
import { openPglite } from "./adapter";
import { lockFolder } from "./folder-lock";
import { OperatorRefusal } from "./refusal";

const run = promisify(execFile);

export class BackupError extends OperatorRefusal {}

const GZIP = [0x1f, 0x8b];
const PG_DUMP_MAGIC = "PGDMP";

/** 20261124-071005 */
const stamp = (at = new Date()) => at.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

export function defaultBackupFile(target: DatabaseTarget, at = new Date()): string {
  return path.join(".data", "backups", target.kind === "pglite" ? `pos-pglite-${stamp(at)}.tar.gz` : `pos-postgres-${stamp(at)}.pgdump`);
}

/** A client program of PostgreSQL: from PATH, else the newest server installation's (Debian's layout). */
function pgTool(name: "pg_dump" | "pg_restore"): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(root, v, "bin", name))) return path.join(root, v, "bin", name);
  throw new BackupError(`Не найдена программа ${name}: установите клиент PostgreSQL той же или более новой версии, что и сервер (Debian: apt-get install postgresql-client).`);
}

async function pgTask(name: "pg_dump" | "pg_restore", args: string[]): Promise<void> {
  try {
    await run(pgTool(name), args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const e = error as { stderr?: string; message: string };
    throw new BackupError(`${name} не выполнился: ${(e.stderr || e.message).trim()}`);
  }
}

export async function backupDatabase(target: DatabaseTarget, file: string): Promise<{ file: string; bytes: number }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  if (target.kind === "postgres") {
    await pgTask("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`, `--dbname=${target.url}`]);
  } else {
    const pglite = openPglite(target.dir);
    try {
      await pglite.waitReady;
      await pglite.exec("CHECKPOINT");
      fs.writeFileSync(partial, Buffer.from(await (await pglite.dumpDataDir("gzip")).arrayBuffer()));
    } finally {
      await pglite.close();
    }
  }
  // Only a finished backup gets the name: a crash halfway leaves a .partial, never a truncated "backup".
  fs.renameSync(partial, file);
  return { file, bytes: fs.statSync(file).size };
}

function backupKind(file: string): "pglite" | "postgres" {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head[0] === GZIP[0] && head[1] === GZIP[1]) return "pglite";
  if (head.toString("latin1") === PG_DUMP_MAGIC) return "postgres";
  throw new BackupError(`${file} — не резервная копия портала (ни архив папки PGlite, ни pg_dump в формате custom).`);
}

export interface RestoreResult {
  /** PGlite: where the folder that was there before now lies. */
  movedAside?: string;
}

export async function restoreDatabase(target: DatabaseTarget, file: string, options: { clean?: boolean } = {}): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new BackupError(`Файл ${file} не найден.`);
  const kind = backupKind(file);
  if (kind !== target.kind) {
    throw new BackupError(
      kind === "pglite"
        ? "Это копия встроенной базы PGlite, а DATABASE_URL указывает на PostgreSQL: восстановите её без DATABASE_URL."
        : "Это копия PostgreSQL (pg_dump), а DATABASE_URL не задан: задайте DATABASE_URL базы, в которую восстанавливать.",
    );
  }
  if (target.kind === "postgres") {
    if (!options.clean) await requireEmptyPostgres(target.url);
    await pgTask("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", ...(options.clean ? ["--clean", "--if-exists"] : []), `--dbname=${target.url}`, file]);
    return {};
  }
  const dir = path.resolve(target.dir);
  // The folder's lock for the whole restore: a running server (or anything else on it) refuses it.
  const lock = lockFolder(dir, { onLost: () => process.exit(75) });
  try {
    let movedAside: string | undefined;
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
      movedAside = `${dir}.before-restore-${stamp()}`;
      fs.renameSync(dir, movedAside);
    }
    fs.mkdirSync(dir, { recursive: true });
    const pglite = new PGlite(dir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
    try {
      await pglite.waitReady;
      await pglite.query(`SELECT count(*) FROM "_prisma_migrations"`);
    } finally {
      await pglite.close();
    }
    return { movedAside };
  } finally {
    lock.release();
  }
}

async function requireEmptyPostgres(url: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    if (rows[0].n > 0) {
      throw new BackupError(`База ${new URL(url).pathname.slice(1)} не пуста (${rows[0].n} таблиц). Восстанавливайте в новую пустую базу или добавьте --clean: тогда её таблицы будут заменены копией.`);
    }
  } finally {
    await client.end();
  }
}
