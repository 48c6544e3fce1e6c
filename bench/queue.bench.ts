// `npm run bench -- queue`: the review queue of an управление with thousands of requests and one
// request's card, signed in, against the trivial page. The synthetic municipality has
// BENCH_INSTITUTIONS institutions (default 20 000) under BENCH_DEPARTMENTS управления (default 4):
// about 5 000 requests per управление, as 100 000 institutions under 20 would give, seeded in a
// fifth of the time.
import { startBenchDatabase } from "./support/postgres";
import { startStack } from "./support/stack";
import { synReviewer } from "./support/reviewer";
import { bracketed, machineNote, measure, report } from "./support/load";
import { SMOKE, measureSeconds, setting, warmupSeconds } from "./support/mode";

const institutions = setting("BENCH_INSTITUTIONS", 20_000, 5_000);
const departments = setting("BENCH_DEPARTMENTS", 4, 4);
const connections = setting("BENCH_CONNECTIONS", 10, 4);
const seconds = measureSeconds(15);
// A page deep in the list of all requests (a smoke run has fewer pages).
const deepPage = SMOKE ? 5 : 50;

const database = await startBenchDatabase();
const stack = await startStack(database.url, { institutions, departments });
try {
  const { cookie, pendingRequestId, requests, pending } = await synReviewer(database.url);
  const headers = { cookie };
  const page = await fetch(`${stack.baseUrl}/admin/requests`, { headers });
  const html = await page.text();
  // The queue itself, not the «no role» notice: rows of the synthetic institutions and the pager.
  if (page.status !== 200 || !html.includes("Учреждение №") || !html.includes("Следующая")) throw new Error(`Очередь не открылась: ${page.status}\n${html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 3000)}`);

  const options = { connections, durationSeconds: seconds, headers };
  await measure("прогрев", `${stack.baseUrl}/admin/requests`, { ...options, durationSeconds: warmupSeconds(3) });
  await measure("прогрев", `${stack.baseUrl}/api/ping`, { durationSeconds: warmupSeconds(2) });
  const { baseline, results } = await bracketed(() => measure("тривиальная /api/ping", `${stack.baseUrl}/api/ping`, options), [
    () => measure("очередь заявок /admin/requests (ждут решения, стр. 1)", `${stack.baseUrl}/admin/requests`, options),
    () => measure(`очередь: все заявки, стр. ${deepPage}`, `${stack.baseUrl}/admin/requests?status=ALL&page=${deepPage}`, options),
    () => measure("карточка заявки /admin/requests/<id>", `${stack.baseUrl}/admin/requests/${pendingRequestId}`, options),
  ]);
  console.log(report(results, baseline));
  console.log(`\nУчреждений: ${institutions}, управлений: ${departments}; у рассматривающего управления заявок ${requests}, ждут решения ${pending}. Соединений: ${connections}, ${seconds} с на замер. ${machineNote()}`);
} finally {
  stack.stop();
  database.stop();
}
