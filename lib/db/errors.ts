// Recognising what the database refused, whichever driver adapter reported it.
import { Prisma } from "./generated/client";

/**
 * Did a unique index refuse the write? Prisma reports P2002 for most queries, but through the
 * driver adapters (PGlite always, pg for some queries) the adapter's own error surfaces instead;
 * both are recognised. `index` narrows to a constraint or column name.
 */
export function isUniqueViolation(error: unknown, index?: string): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return !index || JSON.stringify(error.meta ?? {}).includes(index) || error.message.includes(index);
  }
  const e = error as { name?: string; message?: string; cause?: { kind?: string; constraint?: unknown } } | null;
  if (e?.name === "DriverAdapterError" && (e.cause?.kind === "UniqueConstraintViolation" || /duplicate key value violates unique constraint/.test(e.message ?? ""))) {
    return !index || JSON.stringify(e.cause?.constraint ?? "").includes(index) || (e.message ?? "").includes(index);
  }
  return false;
}
