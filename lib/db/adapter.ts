// Chooses the database behind Prisma, for the app, the CLI (prisma.config.ts), scripts and tests:
// PostgreSQL through `pg` when DATABASE_URL is set, embedded PGlite otherwise.
// Kept free of "server-only" so that the Prisma CLI and node scripts can load it.
import path from "node:path";
import fs from "node:fs";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { lockFolder } from "./folder-lock";
import { behindTransactionPooler, preparedName } from "./prepared-statements";

export const DEFAULT_PGLITE_DIR = path.join(process.cwd(), ".data", "pglite");

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dir: string };

export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dir: env.PGLITE_DIR || DEFAULT_PGLITE_DIR };
}

/**
 * Every PGlite of the project opens through here: the extensions the migrations use (pg_trgm for
 * the name search's indexes) are not built into PGlite and must be loaded wherever it is opened,
 * or a query on such an index fails.
 */
export function newPglite(dataDir?: string, options: PGliteOptions = {}): PGlite {
  // One options object: PGlite reads its second argument only after a folder given as a string.
  return new PGlite({ ...options, ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm, ...options.extensions } });
}

const PG_TYPE_NAME = 19;
const PG_TYPE_TEXT = 25;

// Two things every pg client of this process does to a query, in one wrapper of Client#query:
// - @prisma/adapter-pg 6.19 cannot deserialize columns of type `name` (OID 19), which the migration
//   engine reads from the catalog (prisma/prisma#27403): they are reported as text;
// - a text selectRows marked to be prepared (./prepared-statements.ts) goes by name: adapter-pg builds
//   a fresh query object per call and has no option for it; pg prepares a named one once per connection.
function nameAsText(result: unknown): void {
  for (const field of (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? []) {
    if (field.dataTypeID === PG_TYPE_NAME) field.dataTypeID = PG_TYPE_TEXT;
  }
}

/** Marks a client of a pool behind a transaction pooler: it never names a statement (a global symbol: this module may be evaluated twice, the wrapper once). */
const UNNAMED = Symbol.for("pos.db.unnamedStatements");

const patched = pg.Client.prototype as pg.Client & { __nameAsText?: boolean };
if (!patched.__nameAsText) {
  const original = patched.query as (...args: unknown[]) => unknown;
  (patched as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as { text?: unknown; name?: string } | null;
    if (config && typeof config === "object" && !config.name && !(this as unknown as Record<symbol, boolean>)[UNNAMED]) {
      const name = preparedName(config.text);
      if (name) config.name = name;
    }
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, result: unknown) => {
        if (!err) nameAsText(result);
        return (last as (e: unknown, r: unknown) => unknown)(err, result);
      };
      return original.apply(this, args);
    }
    const returned = original.apply(this, args);
    if (returned instanceof Promise) return returned.then((result) => (nameAsText(result), result));
    return returned;
  };
  patched.__nameAsText = true;
}

export function createPgPool(url: string, max = Number(process.env.DATABASE_POOL_SIZE || 10)): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  if (behindTransactionPooler(url)) pool.on("connect", (client) => Object.assign(client, { [UNNAMED]: true }));
  // An idle connection the server ends (restart, failover, pg_terminate_backend, DROP … FORCE) is
  // reported here; without a listener it would crash the process. The pool opens a new one on demand.
  pool.on("error", (error) => console.warn(`База данных закрыла простаивающее соединение: ${error.message}`));
  return pool;
}

/**
 * PGlite's Postgres re-arms a 10-second statistics timer (setitimer → setTimeout) for as long as
 * it is open, which keeps Node alive. A CLI that never closes its adapter (the Prisma CLI) would
 * never exit: let those timers not hold the process. Only for short-lived command-line processes.
 */
export function releasePgliteTimersOnExit(): void {
  const g = globalThis as typeof globalThis & { __pgliteTimersReleased?: boolean };
  if (g.__pgliteTimersReleased) return;
  g.__pgliteTimersReleased = true;
  const original = globalThis.setTimeout;
  globalThis.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = original(handler, ms, ...args);
    if ((ms ?? 0) >= 1000 && new Error().stack?.includes("__setitimer_js")) timer.unref();
    return timer;
  }) as typeof setTimeout;
}

// One PGlite per data folder and process: two instances on one folder corrupt it (on a new
// folder both run initdb). The Prisma CLI, for one, asks the config for its adapter twice. Across
// processes the folder's lock (./folder-lock.ts) keeps the one owner.
// The registry lives on globalThis: a loader may evaluate this module twice in one process (the
// Prisma CLI loads its config twice), and both copies must see the same open folders.
const openPglites = ((globalThis as typeof globalThis & { __posOpenPglites?: Map<string, PGlite> }).__posOpenPglites ??= new Map<string, PGlite>());

export interface PgliteOpenOptions {
  /** Where the takeover of a dead owner's lock is reported (the server logs it as JSON). */
  warn?: (message: string) => void;
}

function lockLost(error: Error): never {
  console.error(`Блокировка папки встроенной базы перехвачена другим процессом (${error.message}): процесс остановлен, чтобы не испортить базу.`);
  process.exit(75);
}

/** Opens a data folder (or `memory://`) after taking its lock; closing the PGlite releases the lock. */
export function openPglite(dir: string, options: PgliteOpenOptions = {}): PGlite {
  if (dir.startsWith("memory://")) return newPglite(dir);
  const key = path.resolve(dir);
  const existing = openPglites.get(key);
  if (existing && !existing.closed) return existing;
  fs.mkdirSync(dir, { recursive: true });
  const lock = lockFolder(key, { onLost: lockLost, warn: options.warn });
  let db: PGlite;
  try {
    db = newPglite(dir);
  } catch (error) {
    lock.release();
    throw error;
  }
  const close = db.close.bind(db);
  db.close = async () => {
    try {
      await close();
    } finally {
      openPglites.delete(key);
      lock.release();
    }
  };
  openPglites.set(key, db);
  return db;
}

/**
 * What pg_control says of the last stop of a data folder: "clean" (shut down), "crashed" (the
 * process ended without closing: the next open replays the WAL) or "new" (no database yet).
 * DBState is the int32 after system_identifier (8 bytes), pg_control_version and catalog_version_no.
 */
export function lastShutdown(dir: string): "clean" | "crashed" | "new" {
  let control: Buffer;
  try {
    control = fs.readFileSync(path.join(dir, "global", "pg_control"));
  } catch {
    return "new";
  }
  const DB_SHUTDOWNED = 1;
  return control.readInt32LE(16) === DB_SHUTDOWNED ? "clean" : "crashed";
}

export function adapterForPglite(db: PGlite, options: { closeOnDispose?: boolean } = {}): SqlMigrationAwareDriverAdapterFactory {
  const factory = withWholeScripts(new PrismaPGlite(db), (script) => db.exec(script));
  if (options.closeOnDispose) {
    // An open PGlite keeps Node running: the Prisma CLI would never exit after its work.
    const connect = factory.connect.bind(factory);
    factory.connect = async () => {
      const adapter = await connect();
      adapter.dispose = async () => {
        if (!db.closed) await db.close();
      };
      return adapter;
    };
  }
  // `prisma migrate dev` replays every migration on a shadow database through executeRaw, which
  // PGlite runs as one prepared statement: multi-statement migrations fail. Give the shadow a
  // fresh in-memory PGlite that runs parameterless SQL through the simple query protocol.
  factory.connectToShadowDb = async () => {
    const shadow = newPglite();
    const adapter = await adapterForPglite(shadow).connect();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length > 0) return executeRaw(query);
      const results = await shadow.exec(query.sql);
      return results.at(-1)?.affectedRows ?? 0;
    };
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadow.close();
    };
    return adapter;
  };
  return factory;
}

// Both adapters mishandle migration scripts: adapter-pg splits them on every ";" (also inside
// comments and strings) and pglite-prisma-adapter does not await exec(), losing its errors.
// Run each script whole, as psql would, through the simple query protocol.
function withWholeScripts(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (script: string) => Promise<unknown>,
): SqlMigrationAwareDriverAdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      try {
        await run(script);
      } catch (error) {
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    return adapter;
  };
  return factory;
}

/**
 * A migration script on PostgreSQL. A server backend whose client died keeps running the statement
 * and commits it at the end, unless it checks on its client: then the transaction rolls back and
 * a migration whose runner was killed has left nothing behind (prisma/migrate.ts relies on it).
 */
async function runScript(pool: pg.Pool, script: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SET client_connection_check_interval = '1s'");
    await client.query(script);
  } finally {
    client.release();
  }
}

export interface OpenedAdapter {
  target: DatabaseTarget;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** Opens the database now (for PGlite: takes the folder's lock), so that a refusal surfaces here and not at the first query. */
  open(): Promise<void>;
  /** PGlite: writes what the WAL holds into the data files, so the WAL can be recycled (the embedded server has no checkpointer of its own). */
  checkpoint(): Promise<void>;
  /** Releases the pool or checkpoints and closes the embedded database (and its lock); PGlite otherwise keeps the process alive. */
  close(): Promise<void>;
}

/**
 * The database of a target. Opened at once, unless `lazy`: then at the first query or open() —
 * the app's client is created when its module loads, also in `next build`, which must not take
 * the folder.
 */
export function openAdapter(target: DatabaseTarget, options: PgliteOpenOptions & { lazy?: boolean } = {}): OpenedAdapter {
  if (target.kind === "postgres") {
    const pool = createPgPool(target.url);
    const factory = withWholeScripts(new PrismaPg(pool), (script) => runScript(pool, script));
    let ended = false;
    return {
      target,
      adapter: factory,
      open: async () => void (await pool.query("SELECT 1")),
      // PostgreSQL's own checkpointer does this.
      checkpoint: async () => {},
      close: async () => {
        if (ended) return;
        ended = true;
        await pool.end();
      },
    };
  }
  let pglite: PGlite | undefined;
  const get = () => {
    // `next build` tries pages while it collects them; one that reads the database then is simply
    // rendered on demand. Opening the folder there would take it from a running server, and leave
    // it as a crash when the build's worker ends.
    if (process.env.NEXT_PHASE === "phase-production-build") throw new Error("Сборка (next build) не открывает базу данных.");
    return (pglite ??= openPglite(target.dir, options));
  };
  if (!options.lazy) get();
  let factory: SqlMigrationAwareDriverAdapterFactory | undefined;
  const real = () => (factory ??= adapterForPglite(get(), { closeOnDispose: true }));
  return {
    target,
    adapter: {
      provider: "postgres",
      adapterName: "pglite-prisma-adapter",
      connect: () => real().connect(),
      connectToShadowDb: () => real().connectToShadowDb(),
    },
    open: async () => void (await get().waitReady),
    checkpoint: async () => {
      if (pglite && !pglite.closed) await pglite.exec("CHECKPOINT");
    },
    close: async () => {
      if (!pglite || pglite.closed) return;
      await pglite.exec("CHECKPOINT");
      await pglite.close();
    },
  };
}

export function adapterForTarget(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  return openAdapter(target).adapter;
}
