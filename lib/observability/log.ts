// Structured logs (issue 16): one JSON object a line on stdout, for requests (./request-log.ts),
// server actions, mail and background jobs. The level comes from LOG_LEVEL (default "info"; in
// tests "warn"). Every line written while a request is handled carries its requestId (the trace id
// of the request's span, also sent back as the X-Request-Id header). No personal data: callers log
// ids, names of actions, durations and outcomes; the keys below are masked if one slips in.
// No "server-only": the database's command-line tasks log through it too.
import pino from "pino";
import { trace } from "@opentelemetry/api";

export type LogLine = Record<string, unknown> & { level: string; msg?: string };
type Watcher = (line: LogLine) => void;

// The last registered watcher receives the lines instead of stdout (tests read the log this way;
// the test setup fails a test on an unexpected error line, as on an unexpected console.error).
const watchers: Watcher[] = [];

export function watchLog(watcher: Watcher): () => void {
  watchers.push(watcher);
  return () => {
    const at = watchers.lastIndexOf(watcher);
    if (at >= 0) watchers.splice(at, 1);
  };
}

const destination = {
  write(line: string) {
    const watcher = watchers.at(-1);
    if (watcher) watcher(JSON.parse(line) as LogLine);
    else process.stdout.write(line);
  },
};

export const log = pino(
  {
    level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "warn" : "info"),
    base: { service: "pos-portal", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: ["email", "to", "contact", "authorName", "phone", "password", "token", "cookie", "authorization", "*.email", "*.to", "*.contact"], censor: "[скрыто]" },
    mixin() {
      const span = trace.getActiveSpan();
      return span ? { requestId: span.spanContext().traceId } : {};
    },
  },
  destination,
);

export type ActionOutcome = "ok" | "invalid" | "refused" | "redirect" | "error";

/** One line per server action call: its name, how long it took and how it ended (never its input). */
export function logAction(entry: { name: string; durationMs: number; outcome: ActionOutcome }): void {
  log[entry.outcome === "error" ? "error" : "info"]({ event: "action", action: entry.name, durationMs: Math.round(entry.durationMs), outcome: entry.outcome }, "Серверное действие");
}

/** Runs a background job's tick; logs its failure (with the job's name) instead of throwing. */
export async function runJob<T>(job: string, tick: () => Promise<T>): Promise<T | undefined> {
  const started = performance.now();
  try {
    const result = await tick();
    log.debug({ event: "job", job, durationMs: Math.round(performance.now() - started), outcome: "ok" }, "Фоновая задача");
    return result;
  } catch (error) {
    log.error({ event: "job", job, durationMs: Math.round(performance.now() - started), outcome: "error", err: error }, "Фоновая задача завершилась ошибкой");
    return undefined;
  }
}
