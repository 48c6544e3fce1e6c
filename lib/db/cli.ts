// Command-line tasks on the database (start-up preparation, seed, migrations, backups, mail
// requeue): one way to open it for the length of a task and to report what refused them.
import { databaseTarget, openAdapter, type DatabaseTarget } from "./adapter";
import { createPrismaClient, type Db } from "./prisma";
import { OperatorRefusal } from "./refusal";

/** Opens the database (for PGlite: takes the folder's lock or refuses), runs `work`, then closes it cleanly. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>, target: DatabaseTarget = databaseTarget()): Promise<T> {
  const opened = openAdapter(target);
  const db = createPrismaClient(opened.adapter);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
    await opened.close();
  }
}

/**
 * Runs a task as a process's main work: a refusal the operator must act on is printed as its
 * Russian message alone (no stack trace) and the process exits with code 1.
 */
export async function runTask(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (!(error instanceof OperatorRefusal)) throw error;
    console.error((error as Error).message);
    process.exit(1);
  }
}
