// `npm run bench -- home`: the home page and the trivial page of the same production server on PostgreSQL.
import { startBenchDatabase } from "./support/postgres";
import { startStack } from "./support/stack";
import { measure, report } from "./support/load";

const database = await startBenchDatabase();
const stack = await startStack(database.url);
try {
  await measure("прогрев", `${stack.baseUrl}/`, { durationSeconds: 3 });
  const trivial = await measure("тривиальная /api/ping", `${stack.baseUrl}/api/ping`);
  const home = await measure("главная /", `${stack.baseUrl}/`);
  console.log(report([home], trivial));
} finally {
  stack.stop();
  database.stop();
}
