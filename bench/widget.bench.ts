// `npm run bench -- widget`: what sites and citizens ask of the portal — the widget loader (full
// and a cache check by ETag), the loader's «shown here» report, the message form and sending a
// message (stored with its event and the administrators' emails in one transaction) — against
// the trivial page of the same server.
import { startBenchDatabase } from "./support/postgres";
import { startStack } from "./support/stack";
import { bracketed, machineNote, measure, report, type LoadResult } from "./support/load";
import { citizenMessageBody, countMessages, placedCabinet } from "./support/widget-cabinet";
import { measureSeconds, setting, warmupSeconds } from "./support/mode";

const connections = setting("BENCH_CONNECTIONS", 10, 4);
const seconds = measureSeconds(15);

const database = await startBenchDatabase();
const stack = await startStack(database.url);
try {
  const cabinet = await placedCabinet(database.url);
  const base = stack.baseUrl;
  const options = { connections, durationSeconds: seconds };
  const loader = await fetch(`${base}/widget/script.min.js`);
  const etag = loader.headers.get("etag")!;

  await measure("прогрев", `${base}/form?opaId=${cabinet.lkoId}`, { ...options, durationSeconds: warmupSeconds(3) });
  await measure("прогрев", `${base}/widget/script.min.js`, { durationSeconds: warmupSeconds(2) });
  await measure("прогрев", `${base}/api/ping`, { durationSeconds: warmupSeconds(2) });
  let before = 0;
  let send: LoadResult | undefined;
  const sendMessages = async () => {
    before = await countMessages(database.url, cabinet.id);
    send = await measure("отправка сообщения POST /form (303)", `${base}/form?opaId=${cabinet.lkoId}`, {
      ...options,
      expectStatuses: [303],
      requests: [
        {
          method: "POST",
          path: `/form?opaId=${cabinet.lkoId}`,
          headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
          setupRequest: (req) => ({ ...req, body: citizenMessageBody(cabinet.lkoId) }),
        },
      ],
    });
    return send;
  };
  const { baseline, results } = await bracketed(() => measure("тривиальная /api/ping", `${base}/api/ping`, options), [
    // A <script src> asks for anything.
    () => measure("загрузчик /widget/script.min.js", `${base}/widget/script.min.js`, { ...options, headers: { accept: "*/*" } }),
    () => measure("загрузчик, проверка по ETag (304)", `${base}/widget/script.min.js`, { ...options, headers: { accept: "*/*", "if-none-match": etag }, expectStatuses: [304] }),
    () => measure("отчёт о показе POST /widget/seen", `${base}/widget/seen?opaId=${cabinet.lkoId}`, { ...options, method: "POST", headers: { origin: cabinet.site } }),
    () => measure("форма сообщения /form", `${base}/form?opaId=${cabinet.lkoId}`, options),
    sendMessages,
  ]);
  const stored = (await countMessages(database.url, cabinet.id)) - before;
  console.log(report(results, baseline));
  const accepted = send?.statuses?.["303"] ?? 0;
  // The run ends with up to one request per connection in flight: stored, but its answer not counted.
  console.log(`\nПринято сообщений (303): ${accepted}, сохранено: ${stored} (каждое с событием журнала и письмами в одной транзакции; до ${connections} — ответы, оборванные концом замера).`);
  console.log(`Соединений: ${connections}, ${seconds} с на замер. ${machineNote()}`);
  if (stored < accepted || stored > accepted + connections) process.exitCode = 1;
} finally {
  stack.stop();
  database.stop();
}
