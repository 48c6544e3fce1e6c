// The timer of the server's site checks (like the status timer): once a minute, the checks that are
// due, a batch at a time (lib/widget/site-check-schedule.ts). SITE_CHECKS=off turns it off
// (instances that must not reach the internet); SITE_CHECK_BATCH sets the batch (20).
import "server-only";
import { startPeriodicJob, type PeriodicJob } from "@/lib/server/periodic-job";
import { runDueSiteChecks } from "./site-check-schedule";

const holder = globalThis as unknown as { __posSiteCheckWorker?: PeriodicJob };

export function startSiteCheckWorker(intervalMs = 60_000): void {
  const batch = Number(process.env.SITE_CHECK_BATCH) > 0 ? Number(process.env.SITE_CHECK_BATCH) : 20;
  holder.__posSiteCheckWorker ??= startPeriodicJob("site-checks", { everyMs: intervalMs, firstAfterMs: 10_000 }, (stopping) => runDueSiteChecks({ batch, stopping }));
}

/** Stops the timer and waits for the checks in progress (each fetch is bounded by its own time limit). */
export async function stopSiteCheckWorker(): Promise<void> {
  const worker = holder.__posSiteCheckWorker;
  holder.__posSiteCheckWorker = undefined;
  await worker?.stop();
}
