// `npm run bench -- soak`: BENCH_SOAK_SECONDS (default 300) at a steady BENCH_SOAK_RATE requests
// per second (default 10: well inside what this shared 2-core machine serves, see docs/scaling.md) over what the portal serves all day — public pages, the widget loader and
// its reports, the citizen form and sending messages, the review queue and a request card signed in —
// with the mail sender on (a local catcher receives the emails). Every answer must be the expected
// one; the server's resident memory is sampled every 5 s and must stay flat. RSS saws up and down
// with V8's collections, so the server runs with --trace-gc and the live heap after each full
// collection (Mark-Compact) is reported too: that is where a leak would show.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { rssMiB } from "./support/portal";
import { startBenchDatabase } from "./support/postgres";
import { startStack } from "./support/stack";
import { synReviewer } from "./support/reviewer";
import { citizenMessageBody, placedCabinet } from "./support/widget-cabinet";
import { machineNote, measure } from "./support/load";
import { SMOKE, setting } from "./support/mode";
import pg from "pg";
import { createMailCatcher } from "../lib/mail-catcher/server";

const seconds = setting("BENCH_SOAK_SECONDS", 300, 10);
const rate = setting("BENCH_SOAK_RATE", 10, 10);
const warmupSeconds = SMOKE ? 2 : 30;

const gcLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pos-soak-")), "portal.log");
process.env.BENCH_NODE_FLAGS ||= "--trace-gc";
process.env.BENCH_PORTAL_LOG ||= gcLog;

/** Live heap (MiB) after each full collection since `sinceMs` of the server's life, from --trace-gc lines. */
function heapAfterFullGc(file: string, sinceMs: number): Array<{ t: number; mib: number }> {
  if (!fs.existsSync(file)) return [];
  return [...fs.readFileSync(file, "utf8").matchAll(/(\d+) ms: Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+) \(/g)]
    .map((m) => ({ t: Number(m[1]), mib: Number(m[2]) }))
    .filter((x) => x.t >= sinceMs);
}

const catcher = createMailCatcher();
const { smtpPort } = await catcher.listen(0, 0, "127.0.0.1");
const database = await startBenchDatabase();
const stack = await startStack(database.url, {
  institutions: setting("BENCH_INSTITUTIONS", 20_000, 600),
  departments: setting("BENCH_DEPARTMENTS", 4, 2),
  // A one-minute digest window (decision 078; none in the smoke mode): the soak's citizen messages reach the moderators within it.
  env: { MAIL_WORKER: "on", SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MESSAGE_DIGEST_MINUTES: SMOKE ? "0" : "1", ...(SMOKE ? { MESSAGE_DIGEST_SECONDS: "2" } : {}) },
});
const samples: Array<{ t: number; rss: number }> = [];
try {
  const reviewer = await synReviewer(database.url);
  const cabinet = await placedCabinet(database.url);
  const base = stack.baseUrl;
  const signedIn = { cookie: reviewer.cookie };
  const mix = [
    { method: "GET" as const, path: "/api/ping" },
    { method: "GET" as const, path: "/" },
    { method: "GET" as const, path: "/status" },
    { method: "GET" as const, path: "/widget/script.min.js" },
    { method: "POST" as const, path: `/widget/seen?opaId=${cabinet.lkoId}`, headers: { origin: cabinet.site } },
    { method: "GET" as const, path: `/form?opaId=${cabinet.lkoId}` },
    {
      method: "POST" as const, path: `/form?opaId=${cabinet.lkoId}`, headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
      setupRequest: (req: object) => ({ ...req, body: citizenMessageBody(cabinet.lkoId) }),
    },
    { method: "GET" as const, path: "/admin/requests", headers: signedIn },
    { method: "GET" as const, path: `/admin/requests/${reviewer.pendingRequestId}`, headers: signedIn },
  ];
  const run = (duration: number) => measure("смесь", `${base}/`, { connections: 10, durationSeconds: duration, overallRate: rate, requests: mix, expectStatuses: [303] });

  await run(warmupSeconds);
  const started = Date.now();
  const sample = () => samples.push({ t: (Date.now() - started) / 1000, rss: rssMiB(stack.portal.pid) });
  sample();
  const timer = setInterval(sample, 5000);
  const result = await run(seconds);
  clearInterval(timer);
  sample();

  // The mail sender keeps up or catches up: how long until every queued email is sent, the
  // moderators' digests of the citizens' messages included (an open digest is mail still to come).
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  const unsent = async () =>
    (await sql.query<{ n: number }>(`SELECT ((SELECT count(*) FROM "OutboxEmail" WHERE status <> 'SENT') + (SELECT count(*) FROM "MessageDigest" WHERE "sentAt" IS NULL))::int AS n`)).rows[0].n;
  const backlog = await unsent();
  const drainStart = Date.now();
  while ((await unsent()) > 0 && Date.now() - drainStart < 300_000) await new Promise((r) => setTimeout(r, 1000));
  const drained = await unsent();
  const digests = (await sql.query<{ n: number; messages: number }>(`SELECT count(DISTINCT d.id)::int AS n, count(m.id)::int AS messages FROM "MessageDigest" d LEFT JOIN "CitizenMessage" m ON m."digestId" = d.id WHERE d."sentAt" IS NOT NULL`)).rows[0];
  await sql.end();

  const rss = samples.map((s) => s.rss);
  const byMinute = samples.filter((s, i) => i === 0 || i === samples.length - 1 || Math.round(s.t) % 60 === 0);
  const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)) * 10) / 10;
  const firstMinute = mean(samples.filter((s) => s.t <= 60).map((s) => s.rss));
  const lastMinute = mean(samples.filter((s) => s.t >= seconds - 60).map((s) => s.rss));
  // Only the collections during the soak itself (the log's times count from the server's start).
  const heap = heapAfterFullGc(process.env.BENCH_PORTAL_LOG!, started - stack.portal.startedAt);
  const heapLine = heap.length
    ? `живой объём кучи после каждой полной сборки (${heap.length}): ${heap.map((h) => h.mib).join(", ")} МиБ`
    : "сборок мусора в журнале сервера нет (BENCH_NODE_FLAGS без --trace-gc?)";

  console.log(`Выдержка: ${seconds} с при ${rate} запр./с (после ${warmupSeconds} с прогрева), 9 видов запросов по кругу, 10 соединений.`);
  console.log(`Запросов: ${result.requests} (${result.rps} в секунду при заданных ${rate}), ошибок соединения: ${result.errors}, неожиданных ответов: ${result.non2xx}; коды: ${JSON.stringify(result.statuses)}.`);
  console.log(`Задержка: p50 ${result.p50} мс, p95 ${result.p95} мс, p99 ${result.p99} мс.`);
  console.log(`Память сервера (RSS, МиБ) по минутам: ${byMinute.map((s) => `${Math.round(s.t)} с — ${s.rss}`).join("; ")}.`);
  console.log(`RSS: мин. ${Math.min(...rss)}, макс. ${Math.max(...rss)}; среднее за первую минуту ${firstMinute}, за последнюю ${lastMinute}.`);
  console.log(`Куча: ${heapLine}.`);
  console.log(`Писем доставлено перехватчику: ${catcher.messages.length}.`);
  console.log(`Сводки модераторам о сообщениях граждан: отправлено ${digests.n}, в них ${digests.messages} сообщений.`);
  console.log(`Почта: в конце выдержки не отправлено ${backlog} писем и открытых сводок; ${drained === 0 ? `очередь разобрана за ${Math.round((Date.now() - drainStart) / 1000)} с` : `через 300 с осталось ${drained}`}.`);
  console.log(machineNote());
  if (result.errors + result.non2xx > 0) process.exitCode = 1;
} finally {
  stack.stop();
  database.stop();
  await catcher.close();
}
