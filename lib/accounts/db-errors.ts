import "server-only";

// Moved to lib/db/errors.ts (issue 8): the citizen form and the widget reports need it too.
export { isUniqueViolation } from "@/lib/db/errors";
