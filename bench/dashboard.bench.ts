// `npm run bench -- dashboard`: the connection-status pages with the synthetic municipality of
// BENCH_INSTITUTIONS (default 100 000) institutions on PostgreSQL, against the production build:
// the dashboard's first page, a filtered page and the public page, each compared with the trivial
// page of the same server in the same run; then SQL statements per page for a small tree (the
// demo city, 62 institutions) and the large one, to show they do not grow with the institutions.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { startBenchDatabase } from "./support/postgres";
import { BENCH_SECRET, startStack } from "./support/stack";
import { measure, report } from "./support/load";
import { SMOKE, measureSeconds, setting, warmupSeconds } from "./support/mode";
import { SYN_MONITOR_PERSON } from "../prisma/seed/synthetic";

const institutions = setting("BENCH_INSTITUTIONS", 100_000, 2_000);
const seconds = measureSeconds(10);
const SYN_OKTMO = "75999000";
// Statement counts need a quiet database: no background timers in the measured server.
process.env.STATUS_WORKER = "off";

const database = await startBenchDatabase();
const stack = await startStack(database.url, { institutions });
const client = new pg.Client({ connectionString: database.url });
await client.connect();

/** A signed-in session for a person, as the ЕСИА sign-in leaves it: a session row and next-auth's cookie. */
async function sessionCookie(personId: string): Promise<string> {
  const id = `bench-${randomUUID()}`;
  await client.query(`INSERT INTO "AuthSession" (id, "personId", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`, [id, personId]);
  return `next-auth.session-token=${await encode({ token: { sub: personId, sid: id }, secret: BENCH_SECRET })}`;
}

/** SQL statements the server ran per request of a page: the database's transaction counter around `count` requests. */
async function statementsPerRequest(url: string | (() => string), cookie: string | undefined, count = 20): Promise<number> {
  const read = async () => {
    // Backends report their counters at most every few seconds when idle.
    await new Promise((r) => setTimeout(r, 11_000));
    const { rows } = await client.query(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`);
    return Number(rows[0].n);
  };
  const before = await read();
  for (let i = 0; i < count; i++) {
    const target = typeof url === "string" ? url : url();
    const res = await fetch(target, { headers: cookie ? { cookie } : {} });
    if (!res.ok) throw new Error(`${target}: ${res.status}`);
    await res.arrayBuffer();
  }
  // Minus the two reads of the counter itself (this client's own transactions).
  return Math.round(((await read()) - before - 2) / count);
}

try {
  const monitor = await sessionCookie(SYN_MONITOR_PERSON);
  const cityIt = await sessionCookie("person-city-it");
  const headers = { cookie: monitor };
  const first = `${stack.baseUrl}/monitoring`;
  const filtered = `${stack.baseUrl}/monitoring?organ=syn-org-dep-3&status=IN_PROGRESS&sort=status`;
  const publicPage = `${stack.baseUrl}/status/${SYN_OKTMO}`;
  for (const url of [first, filtered]) {
    const res = await fetch(url, { headers });
    const html = await res.text();
    if (!res.ok || !html.includes("Показаны 1–")) throw new Error(`${url}: ${res.status}, нет таблицы учреждений`);
  }

  await measure("прогрев", `${stack.baseUrl}/`, { durationSeconds: warmupSeconds(3) });
  await measure("прогрев мониторинга", first, { durationSeconds: warmupSeconds(3), headers });
  await measure("прогрев отбора", filtered, { durationSeconds: warmupSeconds(3), headers });
  await measure("прогрев публичной", publicPage, { durationSeconds: warmupSeconds(3) });
  let search = 0;
  // Each request a search no one made before: the public page's cache misses every time.
  const publicMiss = () => `/status/${SYN_OKTMO}?q=${encodeURIComponent(`№ ${++search}0`)}`;
  const pages = (connections: number) => [
    { name: `мониторинг, первая страница (${institutions} учреждений)`, url: first, options: { headers, connections, durationSeconds: seconds } },
    { name: "мониторинг, отбор: управление + статус, сортировка по статусу", url: filtered, options: { headers, connections, durationSeconds: seconds } },
    { name: `публичная /status/${SYN_OKTMO} (из кэша)`, url: publicPage, options: { connections, durationSeconds: seconds } },
    { name: "публичная, поиск — каждый запрос мимо кэша", url: publicPage, options: { connections, path: publicMiss, durationSeconds: seconds } },
  ];
  // One connection: the server's own time per request. Ten: throughput, with the requests queueing on two cores.
  for (const connections of [1, 10]) {
    const trivial = await measure("тривиальная /api/ping", `${stack.baseUrl}/api/ping`, { connections, durationSeconds: seconds });
    const results = [];
    for (const p of pages(connections)) results.push(await measure(p.name, p.url, p.options));
    console.log(`\nСоединений: ${connections}`);
    console.log(report(results, trivial));
  }

  console.log("\nSQL-запросов на одну страницу (сервер, по счётчику транзакций PostgreSQL):");
  if (SMOKE) {
    // Each count waits 2 × 11 s for PostgreSQL's counters: one page proves the counting still works.
    console.log(`| мониторинг, первая страница, синтетический (${institutions}) | ${await statementsPerRequest(first, monitor, 5)} |`);
  } else {
    const lines = ["| страница | демо-город (62 учреждения) | синтетический (" + institutions + ") |", "| --- | --- | --- |"];
    lines.push(`| тривиальная /api/ping | ${await statementsPerRequest(`${stack.baseUrl}/api/ping`, undefined)} | — |`);
    lines.push(`| мониторинг, первая страница | ${await statementsPerRequest(first, cityIt)} | ${await statementsPerRequest(first, monitor)} |`);
    lines.push(
      `| мониторинг, отбор | ${await statementsPerRequest(`${stack.baseUrl}/monitoring?organ=org-omsu-mag-uo&status=IN_PROGRESS&sort=status`, cityIt)} | ${await statementsPerRequest(filtered, monitor)} |`,
    );
    // The public page is cached: count the work of a cache miss by asking pages not seen before.
    const fresh = (base: string) => () => `${base}?q=${randomUUID().slice(0, 6)}`;
    lines.push(
      `| публичная, мимо кэша (новый поиск) | ${await statementsPerRequest(fresh(`${stack.baseUrl}/status/75738000`), undefined, 10)} | ${await statementsPerRequest(fresh(publicPage), undefined, 10)} |`,
    );
    console.log(lines.join("\n"));
  }
} finally {
  await client.end();
  stack.stop();
  database.stop();
}
