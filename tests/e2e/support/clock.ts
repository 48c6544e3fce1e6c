// The test clock of the e2e stand (lib/server/clock.ts, decision 076): a file the portal reads
// for an offset of its «now». One file per stand port, so parallel stands never share it.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");

export const testClockFile = (port = Number(process.env.E2E_PORT || 3100)) => path.join(root, ".data", `e2e-clock-${port}.json`);

/** Moves the portal's clock `days` ahead of the real time (0: back to the real time). */
export function setClockDays(days: number): void {
  fs.mkdirSync(path.dirname(testClockFile()), { recursive: true });
  fs.writeFileSync(testClockFile(), JSON.stringify({ offsetMs: days * 86_400_000 }));
}
