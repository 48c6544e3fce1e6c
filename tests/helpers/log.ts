// The structured log (lib/observability/log.ts) as a test reads it: the lines written while `fn` runs.
import { watchLog, type LogLine } from "@/lib/observability/log";

export async function capturedLog(fn: () => Promise<unknown>): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  const stop = watchLog((line) => lines.push(line));
  try {
    await fn();
    return lines;
  } finally {
    stop();
  }
}
