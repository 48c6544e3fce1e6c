import "server-only";

/** A unique index refused the write (here: the one open request per organization and cabinet kind). */
export { isUniqueViolation } from "@/lib/db/errors";

/** What the slower of two reviewers deciding the same request at once is told. */
export const DECIDED_BY_OTHER = "Заявку уже рассмотрел другой сотрудник. Обновите страницу.";
