// Load with autocannon; latency percentiles are computed from every response's time.
import autocannon from "autocannon";

export interface LoadResult {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i] * 100) / 100;
}

export async function measure(
  name: string,
  url: string,
  options: {
    connections?: number;
    durationSeconds?: number;
    headers?: Record<string, string>;
    method?: "GET" | "POST";
    body?: string;
    amount?: number;
    /** A new path (with query) for every request, e.g. to miss a cache each time. */
    path?: () => string;
  } = {},
): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections ?? 10,
        headers: options.headers,
        method: options.method ?? "GET",
        ...(options.body !== undefined ? { body: options.body } : {}),
        ...(options.path ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: options.path!() }) }] } : {}),
        ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds ?? 10 }),
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    name,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: Math.round(result.requests.average),
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** A Markdown table with each page's throughput as a share of the trivial page's. */
export function report(results: LoadResult[], baseline: LoadResult): string {
  const rows = [baseline, ...results].map(
    (r) => `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps} | ${(r.rps / baseline.rps).toFixed(3)} | ${r.errors + r.non2xx} |`,
  );
  return ["| страница | p50, мс | p95, мс | p99, мс | запр./с | доля от тривиальной | ошибки |", "| --- | --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}
