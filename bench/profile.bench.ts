// `npm run bench -- profile`: where a request's time goes. The production server runs with its
// inspector open; for each page, one connection asks for it for a while under the CPU profiler, and
// the profile's time is put into buckets (bench/support/profile.ts): the session cookie, the
// database client and driver, our code, React's two renderings, Next.js, tracing and the log, GC.
// The synthetic municipality has BENCH_INSTITUTIONS (100 000) institutions under BENCH_DEPARTMENTS
// (20) управления: the monitoring of the benches' «dashboard», the queue and card of «queue».
// Profiles are kept in BENCH_PROFILE_DIR (default: a folder in the system's temp) for DevTools.
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { startBenchDatabase } from "./support/postgres";
import { BENCH_SECRET, startStack } from "./support/stack";
import { machineNote, measure, PAGE_LOAD_ACCEPT, type LoadResult } from "./support/load";
import { SMOKE, measureSeconds, setting, warmupSeconds } from "./support/mode";
import fs from "node:fs";
import { breakdown, breakdownTable, inspector, RUN_FILE, saveProfile, type ProfileRunPage } from "./support/profile";
import { sessionCookie } from "./support/http";
import { synReviewer } from "./support/reviewer";
import { SYN_MONITOR_PERSON } from "../prisma/seed/synthetic";

const institutions = setting("BENCH_INSTITUTIONS", 100_000, 2_000);
const departments = setting("BENCH_DEPARTMENTS", 20, 4);
const seconds = measureSeconds(10);
const dir = process.env.BENCH_PROFILE_DIR || path.join(os.tmpdir(), `pos-profiles-${Date.now()}`);
process.env.STATUS_WORKER = "off";

const database = await startBenchDatabase();
const stack = await startStack(database.url, { institutions, departments, inspect: true });
const profiler = await inspector(stack.inspectPort!);
try {
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  const sid = `bench-${randomUUID()}`;
  await sql.query(`INSERT INTO "AuthSession" (id, "personId", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`, [sid, SYN_MONITOR_PERSON]);
  await sql.end();
  const monitor = { cookie: await sessionCookie(BENCH_SECRET, SYN_MONITOR_PERSON, sid) };
  const reviewer = await synReviewer(database.url);
  const pages: Array<{ name: string; path: string; headers?: Record<string, string> }> = [
    { name: "/api/ping", path: "/api/ping" },
    { name: "главная", path: "/" },
    { name: "публичная (из кэша)", path: "/status/75999000" },
    { name: "мониторинг, стр. 1", path: "/monitoring", headers: monitor },
    { name: "мониторинг, отбор", path: "/monitoring?organ=syn-org-dep-3&status=IN_PROGRESS&sort=status", headers: monitor },
    { name: "очередь, стр. 1", path: "/admin/requests", headers: { cookie: reviewer.cookie } },
    { name: `очередь, стр. ${SMOKE ? 5 : 50}`, path: `/admin/requests?status=ALL&page=${SMOKE ? 5 : 50}`, headers: { cookie: reviewer.cookie } },
    { name: "карточка заявки", path: `/admin/requests/${reviewer.pendingRequestId}`, headers: { cookie: reviewer.cookie } },
  ];
  const columns = [];
  const latencies: LoadResult[] = [];
  const run: ProfileRunPage[] = [];
  const sizes: number[] = [];
  for (const page of pages) {
    const url = `${stack.baseUrl}${page.path}`;
    // As a browser's page load asks (PAGE_LOAD_ACCEPT): the fetch below sends its own Accept otherwise.
    page.headers = { accept: PAGE_LOAD_ACCEPT, ...page.headers };
    const check = await fetch(url, { headers: page.headers, redirect: "manual" });
    if (check.status !== 200) throw new Error(`${page.path}: ${check.status}`);
    const body = Buffer.from(await check.arrayBuffer());
    sizes.push(body.byteLength);
    // The response itself, next to the profile: to see what its bytes are.
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${page.path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}.html`), body);
    await measure(`прогрев: ${page.name}`, url, { connections: 1, durationSeconds: warmupSeconds(3), headers: page.headers });
    const { result, profile } = await profiler.profile(() => measure(page.name, url, { connections: 1, durationSeconds: seconds, headers: page.headers }));
    const file = saveProfile(dir, page.path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home", profile);
    latencies.push(result);
    columns.push({ name: page.name, ...breakdown(profile, result.requests) });
    run.push({ name: page.name, file: path.basename(file), requests: result.requests, p50: result.p50 });
  }
  fs.writeFileSync(path.join(dir, RUN_FILE), JSON.stringify(run, null, 2));
  console.log(`\nВремя процессора сервера на один запрос (одно соединение, ${seconds} с на страницу; профили — ${dir}):\n`);
  console.log(breakdownTable(columns));
  console.log(`| p50 ответа, мс (одно соединение) | ${latencies.map((l) => String(l.p50).replace(".", ",")).join(" | ")} |`);
  console.log(`| ответ, КБ (HTML без сжатия) | ${sizes.map((b) => (b / 1024).toFixed(1).replace(".", ",")).join(" | ")} |`);
  console.log(`\nУчреждений: ${institutions}, управлений: ${departments}. ${machineNote()}`);
} finally {
  profiler.close();
  stack.stop();
  database.stop();
}
