// Load with autocannon; latency percentiles are computed from every response's time.
import os from "node:os";
import autocannon from "autocannon";
import { SMOKE } from "./mode";

/** Every measurement that saw a failure; the process exits non-zero if any (full or smoke mode). */
const failures: string[] = [];
process.on("exit", (code) => {
  if (failures.length === 0) return;
  console.error(`\nЗамер с ошибками (${failures.length}):\n${failures.map((f) => `- ${f}`).join("\n")}`);
  if (code === 0) process.exitCode = 1;
});

function check(result: LoadResult): LoadResult {
  if (result.requests === 0) failures.push(`${result.name}: ни одного ответа`);
  if (result.errors + result.non2xx > 0) {
    failures.push(`${result.name}: ошибок соединения ${result.errors}, неожиданных ответов ${result.non2xx} (${JSON.stringify(result.statuses ?? {})})`);
  }
  return result;
}

export interface LoadResult {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Status codes seen, e.g. { "200": 1234, "303": 12 }. */
  statuses?: Record<string, number>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i] * 100) / 100;
}

/**
 * What a browser's address bar or link asks for (Chromium's Accept of a page load). `measure` sends
 * it with every GET that names no Accept of its own: a page behaves differently for it — a big
 * table's rows come once, in the HTML, not again in React's payload (components/ui/HtmlRows.tsx) —
 * and a page is measured as its users load it. A script or a fetch() caller names its own.
 */
export const PAGE_LOAD_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8";

/** The caller's headers, with PAGE_LOAD_ACCEPT for a GET that names no Accept. */
function requestHeaders({ method = "GET", headers = {} }: MeasureOptions): Record<string, string> {
  const namesAccept = Object.keys(headers).some((h) => h.toLowerCase() === "accept");
  return method === "GET" && !namesAccept ? { accept: PAGE_LOAD_ACCEPT, ...headers } : headers;
}

export interface MeasureOptions {
  connections?: number;
  durationSeconds?: number;
  headers?: Record<string, string>;
  method?: "GET" | "POST";
  body?: string;
  amount?: number;
  /** A sequence of requests each connection cycles through (autocannon's `requests`). */
  requests?: autocannon.Request[];
  /** Requests per second over all connections (a steady rate instead of as fast as possible). */
  overallRate?: number;
  /** Status codes that count as success besides 2xx (e.g. 303 of a form, 304 of a cache check). */
  expectStatuses?: number[];
  /** A new path (with query) for every request, e.g. to miss a cache each time. */
  path?: () => string;
}

/**
 * A smoke run counts requests, not seconds: a few per connection (or the rate's worth) always
 * complete, however loaded the machine, and a server that hangs shows as timeouts, not as silence.
 */
function smokeAmount(options: MeasureOptions): number {
  const connections = options.connections ?? 10;
  return options.overallRate ? Math.ceil(options.overallRate * (options.durationSeconds ?? 10)) : connections * 5;
}

export async function measure(name: string, url: string, options: MeasureOptions = {}): Promise<LoadResult> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections ?? 10,
        headers: requestHeaders(options),
        method: options.method ?? "GET",
        ...(options.body !== undefined ? { body: options.body } : {}),
        ...(options.path ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: options.path!() }) }] } : {}),
        ...(options.requests ? { requests: options.requests } : {}),
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
        ...(options.amount ? { amount: options.amount } : SMOKE ? { amount: smokeAmount(options) } : { duration: options.durationSeconds ?? 10 }),
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
  times.sort((a, b) => a - b);
  const expected = new Set(options.expectStatuses ?? []);
  const unexpected = Object.entries(statuses).filter(([s]) => !(Number(s) >= 200 && Number(s) < 300) && !expected.has(Number(s))).reduce((n, [, c]) => n + c, 0);
  return check({
    name,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: Math.round((times.length / ((result.duration as number) || 1)) * 10) / 10,
    requests: times.length,
    errors: result.errors + result.timeouts,
    non2xx: unexpected,
    statuses,
  });
}

/**
 * A multi-request flow (e.g. the whole sign-in) run by `concurrency` loops for a while: each
 * flow's duration is one sample; rps is flows per second.
 */
export async function measureFlow(name: string, flow: (i: number) => Promise<unknown>, options: { concurrency?: number; durationSeconds?: number } = {}): Promise<LoadResult> {
  const times: number[] = [];
  let errors = 0;
  let n = 0;
  const until = Date.now() + (options.durationSeconds ?? 10) * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency ?? 4 }, async () => {
      // A smoke run: two flows per loop, however long they take.
      for (let mine = 0; SMOKE ? mine < 2 : Date.now() < until; mine++) {
        const t = performance.now();
        try {
          await flow(n++);
          times.push(performance.now() - t);
        } catch (error) {
          errors += 1;
          if (errors <= 3) console.error(`${name}: ${(error as Error).message}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return check({ name, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), rps: Math.round((times.length / seconds) * 10) / 10, requests: times.length, errors, non2xx: 0 });
}

/**
 * The trivial page measured before and after the pages, averaged: on a shared machine the load of
 * neighbours drifts during a run, and the page measured first also pays for warming up.
 */
export async function bracketed(trivial: () => Promise<LoadResult>, pages: Array<() => Promise<LoadResult>>): Promise<{ baseline: LoadResult; results: LoadResult[] }> {
  const before = await trivial();
  const results: LoadResult[] = [];
  for (const page of pages) results.push(await page());
  const after = await trivial();
  const avg = (k: "p50" | "p95" | "p99" | "rps") => Math.round(((before[k] + after[k]) / 2) * 10) / 10;
  const baseline: LoadResult = {
    name: `${before.name} (до: ${before.rps}/с, после: ${after.rps}/с)`,
    p50: avg("p50"), p95: avg("p95"), p99: avg("p99"), rps: avg("rps"),
    requests: before.requests + after.requests, errors: before.errors + after.errors, non2xx: before.non2xx + after.non2xx,
  };
  return { baseline, results };
}

/** A Markdown table with each page's throughput as a share of the trivial page's. */
export function report(results: LoadResult[], baseline: LoadResult): string {
  const rows = [baseline, ...results].map(
    (r) => `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps} | ${(r.rps / baseline.rps).toFixed(3)} | ${r.errors + r.non2xx} |`,
  );
  return ["| что | p50, мс | p95, мс | p99, мс | в секунду | доля от тривиальной | ошибки |", "| --- | --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}

/** The caveat every report carries: the load generator, the server and PostgreSQL share one (small) machine. */
export function machineNote(): string {
  const [one] = os.loadavg();
  const mode = process.env.BENCH_SMOKE === "1" || process.argv.includes("--smoke") ? "Проверочный режим (мало данных, короткие замеры): цифры не для сравнения. " : "";
  return `${mode}Машина: ${os.cpus().length} ядра, средняя загрузка за минуту ${one.toFixed(1)}; нагрузка, портал и PostgreSQL — на ней же (loopback).`;
}
