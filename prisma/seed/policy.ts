// What an empty database gets on start (prisma/prepare.ts, run by `npm run dev` and `npm start`):
// the demo world only where it cannot land in a real installation by accident. A fresh clone
// (embedded PGlite or a PostgreSQL on this machine, NODE_ENV not "production") gets the demo with
// no extra command; a production start or a database on another host gets the reference data the
// code needs (regions, spheres, access groups, reason templates) unless SEED_DEMO=1 asks for the demo.
import type { DatabaseTarget } from "../../lib/db/adapter";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

/** PGlite, or a PostgreSQL server on this machine (loopback or a Unix socket). */
export function isLocalDatabase(target: DatabaseTarget): boolean {
  if (target.kind === "pglite") return true;
  return LOCAL_HOSTS.has(databaseHost(target.url)) || /^127\./.test(databaseHost(target.url));
}

export function databaseHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "?"; // not a URL: treat as remote
  }
}

export interface InitialData {
  seed: "demo" | "reference";
  /** Why, in Russian, for the start-up log. */
  note: string;
}

/** The decision for an empty database; `env` is the process environment. */
export function initialDataFor(env: Readonly<Record<string, string | undefined>>, target: DatabaseTarget): InitialData {
  if (env.POS_DEMO_DATA === "false" || env.SEED_DEMO === "0") {
    return { seed: "reference", note: "демонстрационные данные отключены (POS_DEMO_DATA=false или SEED_DEMO=0)" };
  }
  if (env.SEED_DEMO === "1") return { seed: "demo", note: "демонстрационные данные запрошены (SEED_DEMO=1)" };
  if (env.NODE_ENV === "production") {
    return { seed: "reference", note: "NODE_ENV=production: демонстрационные данные не загружаются без SEED_DEMO=1" };
  }
  if (!isLocalDatabase(target)) {
    const host = target.kind === "postgres" ? databaseHost(target.url) : "";
    return { seed: "reference", note: `база ${host} не локальная: демонстрационные данные не загружаются без SEED_DEMO=1` };
  }
  return { seed: "demo", note: "новая локальная база" };
}
