// `npm run bench -- <name> [--smoke]` runs bench/<name>.bench.ts; `npm run bench -- all --smoke`
// runs every bench in its smoke mode (what CI does), building the portal once. Each bench is its
// own process: a failure of one (any failed request, sign-in or unexpected status) is its exit code.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startBenchCluster } from "./support/postgres";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const name = args.find((a) => !a.startsWith("--"));
const available = fs
  .readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(".bench.ts", ""))
  .sort();
if (!name || (name !== "all" && !available.includes(name))) {
  console.error(`Укажите замер: npm run bench -- <${[...available, "all"].join("|")}> [--smoke]`);
  process.exit(2);
}

// Benches that call the portal's services directly: those modules are server-only.
const NODE_CONDITIONS: Record<string, string[]> = { "requests-queue": ["--conditions=react-server"] };
const env = { ...process.env, ...(smoke ? { BENCH_SMOKE: "1" } : {}) };
const tsx = path.join(root, "node_modules", ".bin", "tsx");

const run = (bench: string, extraEnv: Record<string, string> = {}) =>
  spawnSync(tsx, [...(NODE_CONDITIONS[bench] ?? []), path.join("bench", `${bench}.bench.ts`)], { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;

if (name !== "all") process.exit(run(name));

if (!process.env.BENCH_SKIP_BUILD) {
  const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// One cluster for the whole run, and one database migrated and seeded with the demo once: each
// bench works on a copy of it (bench/support/postgres.ts), instead of migrating its own.
const cluster = process.env.BENCH_DATABASE_URL ? null : await startBenchCluster();
const shared: Record<string, string> = { BENCH_SKIP_BUILD: "1" };
if (cluster) {
  console.log("\n=== база-образец для замеров ===");
  const prepared = spawnSync(tsx, ["prisma/prepare.ts"], { cwd: root, stdio: "inherit", env: { ...env, DATABASE_URL: cluster.url, SEED_DEMO: "1", NODE_ENV: "production" } });
  if (prepared.status !== 0) {
    cluster.stop();
    process.exit(prepared.status ?? 1);
  }
  shared.BENCH_TEMPLATE_URL = cluster.url;
}
const outcomes: Array<{ bench: string; code: number; seconds: number }> = [];
try {
  for (const bench of available) {
    console.log(`\n=== замер ${bench}${smoke ? " (проверочный)" : ""} ===`);
    const started = Date.now();
    outcomes.push({ bench, code: run(bench, shared), seconds: Math.round((Date.now() - started) / 1000) });
  }
} finally {
  cluster?.stop();
}
console.log(`\nЗамеры: ${outcomes.map((o) => `${o.bench} — ${o.code === 0 ? "успешно" : `ОШИБКА (код ${o.code})`}, ${o.seconds} с`).join("; ")}.`);
process.exit(outcomes.some((o) => o.code !== 0) ? 1 : 0);
