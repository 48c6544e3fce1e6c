// A background job of the server (mail sender, status timer, checkpoints): runs its tick every so
// often, never two ticks at once, logs a failed tick instead of throwing, and on stop waits for the
// tick in progress so that the database closes under no one.
import "server-only";
import { runJob } from "@/lib/observability/log";

export interface PeriodicJob {
  stop(): Promise<void>;
}

export function startPeriodicJob(name: string, timing: { everyMs: number; firstAfterMs?: number }, tick: () => Promise<unknown>): PeriodicJob {
  let running: Promise<unknown> | undefined;
  const run = () => {
    running ??= runJob(name, tick).finally(() => (running = undefined));
  };
  const timers = [setInterval(run, timing.everyMs), ...(timing.firstAfterMs === undefined ? [] : [setTimeout(run, timing.firstAfterMs)])];
  // The timers never keep the process alive on their own.
  for (const timer of timers) timer.unref();
  return {
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      await running;
    },
  };
}
