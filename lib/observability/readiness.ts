// What /api/ready reports (issue 16): can this instance serve — the database answers, its
// migrations are this version's, it is not stopping — and, for alerting, the outbox: how many
// emails wait and how old the oldest is, and how many new messages' digests are not yet queued
// (decision 078). Counts and ages only, no personal data.
import "server-only";
import { db } from "@/lib/db";
import { databaseTarget } from "@/lib/db/adapter";
import { migrationNames, migrationRows, migrationState } from "@/lib/db/migrations";
import { isStopping } from "@/lib/server/stopping";
import { log } from "./log";

export interface Readiness {
  status: "ready" | "not_ready" | "stopping";
  problems: string[];
  database?: { kind: "pglite" | "postgres"; latencyMs: number };
  migrations?: { expected: number; applied: number; pending: string[]; failed: string[] };
  outbox?: { unsent: number; failed: number; oldestUnsentAgeSeconds: number | null };
  /** Digests of new messages still gathering or due: `overdue` ones should have been queued by now (the job is not running?). */
  digests?: { open: number; overdue: number };
}

export async function readiness(now = new Date()): Promise<Readiness> {
  if (isStopping()) return { status: "stopping", problems: ["сервер останавливается"] };
  const problems: string[] = [];
  const started = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    // The database's own message (a host, a table) goes to the log, not to whoever asks.
    log.error({ event: "ready.database", err: error }, "База данных не отвечает");
    return { status: "not_ready", problems: ["база данных не отвечает (подробности — в журнале сервера)"] };
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  const state = migrationState(await migrationRows(db), migrationNames());
  if (state.pending.length > 0) problems.push(`не применены миграции: ${state.pending.join(", ")}`);
  const [outbox] = await db.$queryRaw<Array<{ unsent: number; failed: number; oldest: Date | null }>>`
    SELECT count(*) FILTER (WHERE status <> 'FAILED')::int AS unsent, count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
      min("createdAt") FILTER (WHERE status <> 'FAILED') AS oldest
    FROM "OutboxEmail" WHERE status IN ('PENDING', 'SENDING', 'FAILED')`;
  const [digests] = await db.$queryRaw<Array<{ open: number; overdue: number }>>`
    SELECT count(*)::int AS open, count(*) FILTER (WHERE "dueAt" < ${new Date(now.getTime() - 60_000)})::int AS overdue FROM "MessageDigest" WHERE "sentAt" IS NULL`;
  return {
    status: problems.length > 0 ? "not_ready" : "ready",
    problems,
    database: { kind: databaseTarget().kind, latencyMs },
    migrations: { expected: state.expected.length, applied: state.applied.length, pending: state.pending, failed: state.failed.map((r) => r.migration_name) },
    outbox: { unsent: outbox.unsent, failed: outbox.failed, oldestUnsentAgeSeconds: outbox.oldest ? Math.max(0, Math.round((now.getTime() - outbox.oldest.getTime()) / 1000)) : null },
    digests,
  };
}
