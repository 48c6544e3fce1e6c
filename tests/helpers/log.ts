// The structured log (lib/observability/log.ts) as a test reads it: the lines written while `fn`
// runs, down to `level` (tests log from "warn" up by default).
import { log, watchLog, type LogLine } from "@/lib/observability/log";

export async function capturedLog(fn: () => Promise<unknown>, level: "info" | "warn" = "warn"): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  const stop = watchLog((line) => lines.push(line));
  const previous = log.level;
  log.level = level;
  try {
    await fn();
    return lines;
  } finally {
    log.level = previous;
    stop();
  }
}
