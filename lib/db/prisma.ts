// Builds a Prisma client over a driver adapter. No "server-only" here: the seed and tests use it too.
import type { ArgType, SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient, type Prisma } from "./generated/client";
import { preparedText } from "./prepared-statements";

/** Where a client made here keeps its own connection of the adapter (selectRows). */
const ADAPTER_CONNECTION = Symbol.for("pos.db.adapterConnection");

export function createPrismaClient(adapter: SqlDriverAdapterFactory) {
  const client = new PrismaClient({
    adapter,
    // Secrets never leave the database unless a query asks for them by name.
    omit: { invitation: { tokenHash: true } },
    // A burst of writes larger than the connection pool waits its turn instead of failing after
    // Prisma's default 2 s (measured: 30 simultaneous form posts on a pool of 10, decision 011).
    transactionOptions: { maxWait: 10_000, timeout: 10_000 },
  });
  // The same pool (adapter-pg) or the same embedded database (PGlite) as the client's own connection.
  let connection: Promise<SqlDriverAdapter> | undefined;
  const connect = () =>
    (connection ??= adapter.connect().catch((error: unknown) => {
      connection = undefined;
      throw error;
    }));
  Object.defineProperty(client, ADAPTER_CONNECTION, { value: connect });
  return client;
}

export type Db = ReturnType<typeof createPrismaClient>;
/** The client handed to an interactive transaction; a full client is assignable to it. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface TSelectOptions {
  /** "once" (the default): prepared once per connection; "per call": planned for its own values every time. */
  planned?: "once" | "per call";
}

function argType(value: unknown): ArgType {
  const arity = Array.isArray(value) ? "list" : "scalar";
  const one = Array.isArray(value) ? value[0] : value;
  const scalarType = typeof one === "number" ? (Number.isInteger(one) ? "int" : "float") : typeof one === "boolean" ? "boolean" : one instanceof Date ? "datetime" : "string";
  return { scalarType, arity };
}

/**
 * The rows of one parameterized statement, sent through the client's driver adapter rather than
 * Prisma's query compiler (decision 082): for the few reads every signed-in request makes, the
 * compiler's per-call work (0.2–0.6 ms of processor, more than the driver's own) was the largest
 * part of the database's cost on the server. Outside any transaction. Values come as the adapter
 * hands them over — timestamps and json as text (lib/db/raw.ts reads either form), int4 as numbers.
 * On PostgreSQL each text is prepared once per pooled connection (./prepared-statements.ts), unless
 * `planned: "per call"`: a statement whose best plan depends on its values (a search by part of a
 * name: a rare word wants the trigram index, a common one the ordered scan) must not settle on one
 * generic plan.
 */
export async function selectRows<T>(db: Db, query: Prisma.Sql, options: TSelectOptions = {}): Promise<T[]> {
  const connect = (db as unknown as Record<symbol, (() => Promise<SqlDriverAdapter>) | undefined>)[ADAPTER_CONNECTION];
  if (!connect) throw new Error("selectRows: клиент базы создан не через createPrismaClient");
  const sql = options.planned === "per call" ? query.text : preparedText(query.text);
  const { columnNames, rows } = await (await connect()).queryRaw({ sql, args: query.values, argTypes: query.values.map(argType) });
  return rows.map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columnNames.length; i++) row[columnNames[i]] = values[i];
    return row as T;
  });
}
