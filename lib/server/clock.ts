// The portal's «now» for deadlines: the real time, or — on a test stand only — the real time moved
// by an offset read from TEST_CLOCK_FILE (JSON {"offsetMs": n}), so that an end-to-end test can let
// days pass («Просрочено», reminders) without waiting. Honoured outside production, and in a
// production build only on the embedded test database (PGLITE_IN_PRODUCTION=1, tests/e2e/serve.ts):
// a real deployment (PostgreSQL) never reads the file. Decision 076.
import fs from "node:fs";

let cached: { checkedAt: number; offsetMs: number } | undefined;

function testClockFile(env: NodeJS.ProcessEnv = process.env): string | null {
  const file = env.TEST_CLOCK_FILE;
  if (!file) return null;
  const testStand = env.NODE_ENV !== "production" || (env.PGLITE_IN_PRODUCTION === "1" && !env.DATABASE_URL);
  return testStand ? file : null;
}

/** The test clock's offset (0 unless a test stand sets it); re-read at most every 200 ms. */
export function clockOffsetMs(): number {
  const file = testClockFile();
  if (!file) return 0;
  const at = Date.now();
  if (cached && at - cached.checkedAt < 200) return cached.offsetMs;
  let offsetMs = 0;
  try {
    offsetMs = Number((JSON.parse(fs.readFileSync(file, "utf8")) as { offsetMs?: unknown }).offsetMs) || 0;
  } catch {
    offsetMs = 0;
  }
  cached = { checkedAt: at, offsetMs };
  return offsetMs;
}

export function now(): Date {
  return new Date(Date.now() + clockOffsetMs());
}
