// `npm run bench -- signin`: the whole sign-in as a browser makes it — the portal's next-auth
// start, its ЕСИА redirect, the emulator's login and consent screens, the portal's callbacks (token
// exchange and profile requests to the emulator, the person's data written to the database) and
// the first page after sign-in — against the trivial page of the same server. On ГОСТ, as with the
// real ЕСИА: signed client_secret, GOST3410_2012_256 tokens (the run refuses the RSA fallback).
import { startBenchDatabase } from "./support/postgres";
import { startStack } from "./support/stack";
import { CookieJar, signInThroughEsia } from "./support/http";
import { bracketed, machineNote, measure, measureFlow, report } from "./support/load";
import { measureSeconds, setting, warmupSeconds } from "./support/mode";
import { DEMO_PASSWORD, PERSONS } from "../lib/demo-world/esia-world";

const concurrency = setting("BENCH_CONNECTIONS", 4, 2);
const seconds = measureSeconds(15);
// Staff of many organizations take turns, as in the morning; people of several organizations
// (who choose one) first, so that even the shortest run passes through that step too.
const logins = PERSONS.filter((p) => p.memberships.length > 0)
  .sort((a, b) => b.memberships.length - a.memberships.length)
  .map((p) => p.email);

const database = await startBenchDatabase();
const stack = await startStack(database.url);
try {
  const { crypto } = (await (await fetch(`${stack.esiaUrl}/health`)).json()) as { crypto: { tokens: string; description: string } };
  if (crypto.tokens !== "GOST3410_2012_256") throw new Error(`Замер входа — на ГОСТ, а эмулятор ЕСИА подписывает ${crypto.tokens}: ${crypto.description}`);
  console.log(`Криптография ЕСИА: ${crypto.description}.`);
  let hops = 0;
  const signIn = async (i: number) => {
    const trail = await signInThroughEsia(new CookieJar(), stack.baseUrl, logins[i % logins.length], DEMO_PASSWORD);
    hops = trail.length + 2; // besides the hops followed: csrf and the sign-in POST
  };
  await measureFlow("прогрев", signIn, { concurrency, durationSeconds: warmupSeconds(3) });
  await measure("прогрев", `${stack.baseUrl}/api/ping`, { durationSeconds: warmupSeconds(2) });
  const { baseline, results } = await bracketed(() => measure("тривиальная /api/ping", `${stack.baseUrl}/api/ping`, { durationSeconds: seconds }), [
    () => measureFlow(`вход через ЕСИА целиком (${hops} запросов), входов`, signIn, { concurrency, durationSeconds: seconds }),
  ]);
  console.log(report(results, baseline));
  console.log(`\nПараллельных входов: ${concurrency}, ${seconds} с на замер; людей: ${logins.length} (согласие ЕСИА — при первом входе каждого). ${machineNote()}`);
} finally {
  stack.stop();
  database.stop();
}
