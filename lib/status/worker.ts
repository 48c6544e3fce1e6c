// The status timer inside the app (like the mail sender): works through the status rows noted as
// changed, so that readers rarely wait for it, and keeps today's snapshot for the charts.
import "server-only";
import { db } from "@/lib/db";
import { refreshConnectionStatus } from "./derive";
import { takeDailySnapshot } from "./snapshots";

const holder = globalThis as unknown as { __posStatusWorker?: NodeJS.Timeout };
const SNAPSHOT_EVERY_MS = 60 * 60 * 1000;

export function startStatusWorker(intervalMs = 30_000): void {
  if (holder.__posStatusWorker) return;
  let running = false;
  let lastSnapshot = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await refreshConnectionStatus(db);
      if (Date.now() - lastSnapshot >= SNAPSHOT_EVERY_MS) {
        await takeDailySnapshot();
        lastSnapshot = Date.now();
      }
    } catch (error) {
      console.error("Статус подключения: не удалось обновить", error);
    } finally {
      running = false;
    }
  };
  holder.__posStatusWorker = setInterval(tick, intervalMs);
  holder.__posStatusWorker.unref();
  setTimeout(tick, 5_000).unref();
}
