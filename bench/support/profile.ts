// CPU profiles of the running portal, taken over the inspector protocol (the server runs with
// `--inspect=127.0.0.1:<port>`, see startStack's `inspect`): start, run some load, stop — so that one
// server gives one profile per page. The profile's time is then put into a few plain buckets by
// where the code lives (the database client, React's rendering, next-auth, our own code…).
import fs from "node:fs";
import path from "node:path";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A connection to the server's inspector: CPU profiles on demand. */
export async function inspector(port: number): Promise<{ profile<T>(run: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }>; close(): void }> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  let id = 0;
  const waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data));
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const n = ++id;
      waiting.set(n, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
      socket.send(JSON.stringify({ id: n, method, params }));
    });
  await send("Profiler.enable");
  // 200 µs between samples: fine enough for requests of a few milliseconds.
  await send("Profiler.setSamplingInterval", { interval: 200 });
  return {
    async profile(run) {
      await send("Profiler.start");
      const result = await run();
      const { profile } = (await send("Profiler.stop")) as { profile: CpuProfile };
      return { result, profile };
    },
    close: () => socket.close(),
  };
}

/** Where the server's time goes, in the order the table shows it. */
export const BUCKETS = [
  "сеанс: cookie next-auth (jose)",
  "клиент БД: Prisma (построение запросов, разбор ответов)",
  "драйвер pg и сокеты",
  "наш код (страницы, lib/)",
  "React: отрисовка RSC (сериализация)",
  "React: HTML (SSR из RSC)",
  "Next.js: маршрутизация, proxy.ts, ответ",
  "OpenTelemetry и журнал (pino)",
  "сборка мусора",
  "прочее (Node, библиотеки)",
] as const;
export type TBucket = (typeof BUCKETS)[number];

// Next's runtime bundles React; its source map says which original file a function came from.
const maps = new Map<string, SourceMapConsumer | null>();
function originalSource(frame: CallFrame): string | null {
  if (!frame.url.includes("/next/dist/compiled/next-server/")) return null;
  const file = frame.url.replace(/^file:\/\//, "");
  if (!maps.has(file)) {
    const map = `${file}.map`;
    maps.set(file, fs.existsSync(map) ? new SourceMapConsumer(JSON.parse(fs.readFileSync(map, "utf8")) as RawSourceMap) : null);
  }
  const consumer = maps.get(file);
  return consumer?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber }).source ?? null;
}

function bucketOf(frame: CallFrame): TBucket {
  const { url, functionName } = frame;
  if (functionName === "(garbage collector)") return "сборка мусора";
  if (/\/(jose|next-auth|@panva|oidc-token-hash)\//.test(url)) return "сеанс: cookie next-auth (jose)";
  if (/@prisma\/client|\/lib\/db\/generated\/|^wasm:\/\/|query_compiler/.test(url)) return "клиент БД: Prisma (построение запросов, разбор ответов)";
  if (/\/node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+|@prisma\/adapter-pg|@prisma\/driver-adapter-utils)\//.test(url) || /^node:(net|stream|internal\/stream)/.test(url)) {
    return "драйвер pg и сокеты";
  }
  if (/@opentelemetry|\/pino|sonic-boom|thread-stream/.test(url)) return "OpenTelemetry и журнал (pino)";
  const source = originalSource(frame);
  if (source) {
    if (/react-server-dom-[a-z]+\/.*server|react-server\//.test(source)) return "React: отрисовка RSC (сериализация)";
    if (/react-dom\/.*server|react-server-dom-[a-z]+\/.*client|fizz/i.test(source)) return "React: HTML (SSR из RSC)";
    return "Next.js: маршрутизация, proxy.ts, ответ";
  }
  if (/\/next\/dist\//.test(url)) return "Next.js: маршрутизация, proxy.ts, ответ";
  // Our code is bundled into .next/server (pages, lib/) — with whatever small libraries it pulls in.
  if (/\/\.next\/server\//.test(url)) return "наш код (страницы, lib/)";
  return "прочее (Node, библиотеки)";
}

/**
 * Microseconds each sample stands for. A sample's delta is wall time since the previous one: when the
 * OS takes the CPU away from the server (a machine shared with other work), the next sample carries
 * the whole gap — tenths of a second put on whatever function happened to run. On a loaded machine
 * half the "time" was such gaps. A sample is worth at most three typical intervals (the median delta):
 * on a quiet machine that changes nothing, on a loaded one it leaves the CPU time.
 */
export function sampleWeights(profile: CpuProfile): number[] {
  const sorted = profile.timeDeltas.filter((d) => d > 0).sort((a, b) => a - b);
  const cap = 3 * (sorted[Math.floor(sorted.length / 2)] ?? 0);
  return profile.timeDeltas.map((d) => Math.min(Math.max(d, 0), cap));
}

/** Milliseconds of CPU per request in each bucket (idle time left out), and the total. */
export function breakdown(profile: CpuProfile, requests: number): { perRequest: Record<TBucket, number>; totalPerRequest: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const weights = sampleWeights(profile);
  const selfMicros = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) selfMicros.set(profile.samples[i], (selfMicros.get(profile.samples[i]) ?? 0) + (weights[i] ?? 0));
  const perRequest = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<TBucket, number>;
  let total = 0;
  for (const [nodeId, micros] of selfMicros) {
    const frame = byId.get(nodeId)!.callFrame;
    if (frame.functionName === "(idle)" || frame.functionName === "(program)" || frame.functionName === "(root)") continue;
    perRequest[bucketOf(frame)] += micros;
    total += micros;
  }
  for (const b of BUCKETS) perRequest[b] = Math.round((perRequest[b] / 1000 / requests) * 100) / 100;
  return { perRequest, totalPerRequest: Math.round((total / 1000 / requests) * 100) / 100 };
}

/** A Markdown table: a column per page, a row per bucket (ms of CPU per request). */
export function breakdownTable(columns: Array<{ name: string; perRequest: Record<TBucket, number>; totalPerRequest: number }>): string {
  const fmt = (n: number) => n.toFixed(2).replace(".", ",");
  const rows = BUCKETS.map((b) => `| ${b} | ${columns.map((c) => fmt(c.perRequest[b])).join(" | ")} |`);
  return [
    `| мс процессора на запрос | ${columns.map((c) => c.name).join(" | ")} |`,
    `| --- | ${columns.map(() => "---").join(" | ")} |`,
    ...rows,
    `| **всего** | ${columns.map((c) => `**${fmt(c.totalPerRequest)}**`).join(" | ")} |`,
  ].join("\n");
}

/** Keeps a profile for Chrome DevTools / speedscope. */
export function saveProfile(dir: string, name: string, profile: CpuProfile): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  return file;
}

/** The functions that cost most in one bucket (for a closer look: `tsx bench/support/profile.ts <file> [bucket]`). */
export function topFrames(profile: CpuProfile, bucket: TBucket | null, n = 20): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const weights = sampleWeights(profile);
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = byId.get(profile.samples[i])!.callFrame;
    if (bucket && bucketOf(frame) !== bucket) continue;
    const where = originalSource(frame) ?? frame.url.replace(/^.*node_modules\//, "").replace(/^.*\.next\//, ".next/");
    const key = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (weights[i] ?? 0));
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} мс  ${k}`);
}

/** What the bench keeps beside the profiles, so that the table can be made again (`tsx bench/support/profile.ts <dir>`). */
export interface ProfileRunPage {
  name: string;
  file: string;
  requests: number;
  p50: number;
}
export const RUN_FILE = "pages.json";

if (process.argv[1] === import.meta.filename && process.argv[2] && fs.statSync(process.argv[2]).isDirectory()) {
  const dir = process.argv[2];
  const pages = JSON.parse(fs.readFileSync(path.join(dir, RUN_FILE), "utf8")) as ProfileRunPage[];
  const columns = pages.map((p) => ({ name: p.name, ...breakdown(JSON.parse(fs.readFileSync(path.join(dir, p.file), "utf8")) as CpuProfile, p.requests) }));
  console.log(breakdownTable(columns));
  console.log(`| p50 ответа, мс (одно соединение) | ${pages.map((p) => String(p.p50).replace(".", ",")).join(" | ")} |`);
} else if (process.argv[1] === import.meta.filename && process.argv[2]) {
  const profile = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as CpuProfile;
  console.log(topFrames(profile, (process.argv[3] as TBucket | undefined) ?? null, Number(process.argv[4] ?? 40)).join("\n"));
}
