// A background job of the server (mail sender, status timer, checkpoints): runs its tick every so
// often, never two ticks at once, logs a failed tick instead of throwing, and on stop tells the tick
// in progress (its signal) and waits for it, so that the database closes under no one.
import "server-only";
import { runJob } from "@/lib/observability/log";

export interface PeriodicJob {
  stop(): Promise<void>;
}

export function startPeriodicJob(name: string, timing: { everyMs: number; firstAfterMs?: number }, tick: (stopping: AbortSignal) => Promise<unknown>): PeriodicJob {
  let running: Promise<unknown> | undefined;
  const stopping = new AbortController();
  const run = () => {
    if (stopping.signal.aborted) return;
    running ??= runJob(name, () => tick(stopping.signal)).finally(() => (running = undefined));
  };
  const timers = [setInterval(run, timing.everyMs), ...(timing.firstAfterMs === undefined ? [] : [setTimeout(run, timing.firstAfterMs)])];
  // The timers never keep the process alive on their own.
  for (const timer of timers) timer.unref();
  return {
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      stopping.abort();
      await running;
    },
  };
}
