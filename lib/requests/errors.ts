import "server-only";
import { Prisma } from "@/lib/db";

/** A unique index refused the write (here: the one open request per organization and cabinet kind). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** What the slower of two reviewers deciding the same request at once is told. */
export const DECIDED_BY_OTHER = "Заявку уже рассмотрел другой сотрудник. Обновите страницу.";
