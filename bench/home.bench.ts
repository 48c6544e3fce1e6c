// `npm run bench -- home`: the home page and the trivial page of the same production server on PostgreSQL.
import { startBenchDatabase } from "./support/postgres";
import { startStack } from "./support/stack";
import { bracketed, machineNote, measure, report } from "./support/load";
import { measureSeconds, setting, warmupSeconds } from "./support/mode";

const connections = setting("BENCH_CONNECTIONS", 10, 4);
const seconds = measureSeconds(10);

const database = await startBenchDatabase();
const stack = await startStack(database.url);
try {
  const options = { connections, durationSeconds: seconds };
  await measure("прогрев", `${stack.baseUrl}/`, { durationSeconds: warmupSeconds(3) });
  await measure("прогрев", `${stack.baseUrl}/api/ping`, { durationSeconds: warmupSeconds(2) });
  const { baseline, results } = await bracketed(() => measure("тривиальная /api/ping", `${stack.baseUrl}/api/ping`, options), [
    () => measure("главная /", `${stack.baseUrl}/`, options),
  ]);
  console.log(report(results, baseline));
  console.log(`\nСоединений: ${connections}, ${seconds} с на замер. ${machineNote()}`);
} finally {
  stack.stop();
  database.stop();
}
