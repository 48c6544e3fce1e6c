// Statements the server sends by name, so that PostgreSQL parses and plans each once per connection
// (decision 083). Measured at 100 000 institutions: planning the session's, the request card's and
// the monitoring page's statements cost PostgreSQL 1.5–3 ms each per request, more than running
// them. Only the reads of queryRows/selectRows are named; Prisma's own queries are not.
// No "server-only": lib/db/prisma.ts (seed, tests) registers texts here.
import { createHash } from "node:crypto";

// Each name is a prepared statement with its plan in every pooled connection. Texts differ only in
// the length of an IN list or in a page's filters, so a few dozen cover a working server; past the
// bound a text is simply not named (parsed and planned per call, as before) and memory stays bounded.
export const MAX_PREPARED_TEXTS = 64;

// On globalThis: Next's server bundles may evaluate this module more than once in one process.
const names: Map<string, string> = ((globalThis as typeof globalThis & { __posPreparedTexts?: Map<string, string> }).__posPreparedTexts ??= new Map());

// A text to prepare carries this mark, so the driver's wrapper (./adapter.ts) knows it from the same
// text sent to be planned per call; the mark also shows in PostgreSQL's logs and statistics.
const MARK = "/* prepared */ ";

/** `text` as it is sent to be prepared by name (marked), or as it is when the bound is reached. */
export function preparedText(text: string): string {
  const marked = MARK + text;
  if (names.has(marked)) return marked;
  if (names.size >= MAX_PREPARED_TEXTS) return text;
  names.set(marked, `pos_${createHash("sha1").update(marked).digest("hex").slice(0, 24)}`);
  return marked;
}

/** The statement's name for a marked text: the pg client sends it with the query. */
export function preparedName(text: unknown): string | undefined {
  return typeof text === "string" && text.startsWith(MARK) ? names.get(text) : undefined;
}

/**
 * Behind a pooler that hands each transaction a different server connection and does not track
 * named statements (PgBouncer before 1.21, or without max_prepared_statements), a name prepared on
 * one connection is unknown on the next: `?pgbouncer=true` in DATABASE_URL (Prisma's own switch for
 * the same case) has that pool send every statement unnamed.
 */
export function behindTransactionPooler(databaseUrl: string): boolean {
  try {
    return new URL(databaseUrl).searchParams.get("pgbouncer") === "true";
  } catch {
    return false; // a key=value string: pg reads it, and it has no such switch
  }
}
