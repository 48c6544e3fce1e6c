import "server-only";
import { startPeriodicJob, type PeriodicJob } from "@/lib/server/periodic-job";
import { deliverDueEmails } from "./delivery";

const holder = globalThis as unknown as { __posMailWorker?: PeriodicJob };
const BATCH = 20;

/** The in-app sender: every few seconds delivers what is due (all of it, batch after batch). Several instances may run it. */
export function startMailWorker(intervalMs = 2000): void {
  holder.__posMailWorker ??= startPeriodicJob("mail", { everyMs: intervalMs }, async (stopping) => {
    while (!stopping.aborted && (await deliverDueEmails({ limit: BATCH, stopping })).claimed === BATCH);
  });
}

/** Stops the sender and waits for the email in flight (one at most: each is claimed just before it is sent, and a stopping sender claims no more). */
export async function stopMailWorker(): Promise<void> {
  const worker = holder.__posMailWorker;
  holder.__posMailWorker = undefined;
  await worker?.stop();
}
