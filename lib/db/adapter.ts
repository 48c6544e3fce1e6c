// Chooses the database behind Prisma, for the app, the CLI (prisma.config.ts), scripts and tests:
// PostgreSQL through `pg` when DATABASE_URL is set, embedded PGlite otherwise.
// Kept free of "server-only" so that the Prisma CLI and node scripts can load it.
import path from "node:path";
import fs from "node:fs";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export const DEFAULT_PGLITE_DIR = path.join(process.cwd(), ".data", "pglite");

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dir: string };

export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dir: env.PGLITE_DIR || DEFAULT_PGLITE_DIR };
}

const PG_TYPE_NAME = 19;
const PG_TYPE_TEXT = 25;

// @prisma/adapter-pg 6.19 cannot deserialize columns of type `name` (OID 19), which the migration
// engine reads from the catalog (prisma/prisma#27403). Every pg client of this process reports them
// as text.
function nameAsText(result: unknown): void {
  for (const field of (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? []) {
    if (field.dataTypeID === PG_TYPE_NAME) field.dataTypeID = PG_TYPE_TEXT;
  }
}

const patched = pg.Client.prototype as pg.Client & { __nameAsText?: boolean };
if (!patched.__nameAsText) {
  const original = patched.query as (...args: unknown[]) => unknown;
  (patched as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
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
// folder both run initdb). The Prisma CLI, for one, asks the config for its adapter twice.
const openPglites = new Map<string, PGlite>();

export function openPglite(dir: string): PGlite {
  const key = dir.startsWith("memory://") ? dir : path.resolve(dir);
  const existing = openPglites.get(key);
  if (existing && !existing.closed) return existing;
  if (!dir.startsWith("memory://")) fs.mkdirSync(dir, { recursive: true });
  const db = new PGlite(dir);
  openPglites.set(key, db);
  return db;
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
    const shadow = new PGlite();
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

export interface OpenedAdapter {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** Releases the pool or the embedded database; PGlite otherwise keeps the process alive. */
  close(): Promise<void>;
}

export function openAdapter(target: DatabaseTarget): OpenedAdapter {
  if (target.kind === "postgres") {
    const pool = createPgPool(target.url);
    const factory = withWholeScripts(new PrismaPg(pool), (script) => pool.query(script));
    return { adapter: factory, close: () => pool.end() };
  }
  const pglite = openPglite(target.dir);
  return { adapter: adapterForPglite(pglite, { closeOnDispose: true }), close: async () => (pglite.closed ? undefined : pglite.close()) };
}

export function adapterForTarget(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  return openAdapter(target).adapter;
}
