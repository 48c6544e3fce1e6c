// Builds a Prisma client over a driver adapter. No "server-only" here: the seed and tests use it too.
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/client";

export function createPrismaClient(adapter: SqlDriverAdapterFactory) {
  return new PrismaClient({
    adapter,
    // Secrets never leave the database unless a query asks for them by name.
    omit: { invitation: { tokenHash: true } },
    // A burst of writes larger than the connection pool waits its turn instead of failing after
    // Prisma's default 2 s (measured: 30 simultaneous form posts on a pool of 10, decision 011).
    transactionOptions: { maxWait: 10_000, timeout: 10_000 },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
/** The client handed to an interactive transaction; a full client is assignable to it. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
