// `npm run bench -- signin`: the whole sign-in as a browser makes it — the portal's next-auth
// start, its ЕСИА redirect, the emulator's login and consent screens, the portal's callbacks (token
// exchange and profile requests to the emulator, the person's data written to the database) and
// the first page after sign-in — against the trivial page of the same server.
import { startBenchDatabase } from "./support/postgres";
import { startStack } from "./support/stack";
import { CookieJar, signInThroughEsia } from "./support/http";
import { bracketed, machineNote, measure, measureFlow, report } from "./support/load";
import { DEMO_PASSWORD, PERSONS } from "../lib/demo-world/esia-world";

const concurrency = Number(process.env.BENCH_CONNECTIONS || 4);
const seconds = Number(process.env.BENCH_SECONDS || 15);
// Staff of many organizations take turns, as in the morning.
const logins = PERSONS.filter((p) => p.memberships.length > 0).map((p) => p.email);

const database = await startBenchDatabase();
const stack = await startStack(database.url);
try {
  let hops = 0;
  const signIn = async (i: number) => {
    const trail = await signInThroughEsia(new CookieJar(), stack.baseUrl, logins[i % logins.length], DEMO_PASSWORD);
    hops = trail.length + 4; // csrf, the sign-in POST, the login POST, the consent POST
  };
  await measureFlow("прогрев", signIn, { concurrency, durationSeconds: 3 });
  await measure("прогрев", `${stack.baseUrl}/api/ping`, { durationSeconds: 2 });
  const { baseline, results } = await bracketed(() => measure("тривиальная /api/ping", `${stack.baseUrl}/api/ping`, { durationSeconds: seconds }), [
    () => measureFlow(`вход через ЕСИА целиком (${hops} запросов), входов`, signIn, { concurrency, durationSeconds: seconds }),
  ]);
  console.log(report(results, baseline));
  console.log(`\nПараллельных входов: ${concurrency}, ${seconds} с на замер; людей: ${logins.length}. ${machineNote()}`);
} finally {
  stack.stop();
  database.stop();
}
