import "server-only";
import { deliverDueEmails } from "./delivery";

const holder = globalThis as unknown as { __posMailWorker?: NodeJS.Timeout };
const BATCH = 20;

/** The in-app sender: every few seconds delivers what is due (all of it, batch after batch). Several instances may run it. */
export function startMailWorker(intervalMs = 2000): void {
  if (holder.__posMailWorker) return;
  let running = false;
  holder.__posMailWorker = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      while ((await deliverDueEmails({ limit: BATCH })).claimed === BATCH);
    } catch (error) {
      console.error("Почта: не удалось разослать письма", error);
    } finally {
      running = false;
    }
  }, intervalMs);
  holder.__posMailWorker.unref();
}
