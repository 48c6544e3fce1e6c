// The status timer inside the app (like the mail sender): works through the status rows noted as
// changed, so that readers rarely wait for it, and keeps today's snapshot for the charts.
import "server-only";
import { db } from "@/lib/db";
import { startPeriodicJob, type PeriodicJob } from "@/lib/server/periodic-job";
import { refreshConnectionStatus } from "./derive";
import { takeDailySnapshot } from "./snapshots";

const holder = globalThis as unknown as { __posStatusWorker?: PeriodicJob };
const SNAPSHOT_EVERY_MS = 60 * 60 * 1000;

export function startStatusWorker(intervalMs = 30_000): void {
  let lastSnapshot = 0;
  holder.__posStatusWorker ??= startPeriodicJob("status", { everyMs: intervalMs, firstAfterMs: 5_000 }, async () => {
    await refreshConnectionStatus(db);
    if (Date.now() - lastSnapshot >= SNAPSHOT_EVERY_MS) {
      await takeDailySnapshot();
      lastSnapshot = Date.now();
    }
  });
}

/** Stops the timer and waits for a tick in progress. */
export async function stopStatusWorker(): Promise<void> {
  const worker = holder.__posStatusWorker;
  holder.__posStatusWorker = undefined;
  await worker?.stop();
}
