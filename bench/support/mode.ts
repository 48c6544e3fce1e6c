// Full or smoke: `npm run bench -- <name> --smoke` (or BENCH_SMOKE=1) runs the same code on small
// data with a few requests per connection a measurement (load.ts), so that CI runs every bench and
// none can rot unseen.
// Any failed request, failed sign-in or unexpected status fails the bench in either mode (load.ts).
export const SMOKE = process.env.BENCH_SMOKE === "1" || process.argv.includes("--smoke");

/** A numeric setting: its environment variable, else the full or the smoke default. */
export function setting(name: string, full: number, smoke: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : SMOKE ? smoke : full;
}

/** Seconds of one measurement (BENCH_SECONDS). */
export const measureSeconds = (full: number) => setting("BENCH_SECONDS", full, 2);
/** Seconds of a warm-up. */
export const warmupSeconds = (full: number) => (SMOKE ? 1 : full);
