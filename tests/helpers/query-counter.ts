// Counts the SQL statements a Prisma client sends, at the driver adapter (so a Prisma call that
// becomes several statements counts as several, and raw SQL counts too).
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export interface TQueryCounter {
  /** Statements sent since the last reset. */
  count: number;
  statements: string[];
  reset(): void;
  wrap(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory;
}

export function queryCounter(): TQueryCounter {
  const counter: TQueryCounter = {
    count: 0,
    statements: [],
    reset() {
      counter.count = 0;
      counter.statements = [];
    },
    wrap: (factory) => counting(factory),
  };
  // Connections and transactions come out of the factory: they are wrapped the same way.
  const counting = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, property, receiver) {
        const value = Reflect.get(t, property, receiver);
        if (typeof value !== "function") return value;
        if (property === "queryRaw" || property === "executeRaw") {
          return (query: { sql: string }, ...rest: unknown[]) => {
            counter.count += 1;
            counter.statements.push(query.sql.replace(/\s+/g, " ").slice(0, 160));
            return value.call(t, query, ...rest);
          };
        }
        if (property === "connect" || property === "startTransaction") {
          return async (...args: unknown[]) => counting(await value.apply(t, args));
        }
        return value.bind(t);
      },
    });
  return counter;
}
