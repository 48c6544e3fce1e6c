// A throwaway PostgreSQL cluster for benchmarks (the same way .ci/run starts one), or the server
// named by BENCH_DATABASE_URL.
import { execFileSync, execSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { postgresBin } from "../../lib/system/requirements";

export interface BenchDatabase {
  url: string;
  stop(): void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function pgBin(): string {
  const bin = postgresBin();
  if (!bin) throw new Error("Нет серверных программ PostgreSQL: выполните npm run test:setup (ставит пакет postgresql) или задайте BENCH_DATABASE_URL.");
  return bin;
}

/**
 * A database for one bench: BENCH_DATABASE_URL as it is; or, under `npm run bench -- all`, a copy of
 * the prepared template in the run's one cluster (BENCH_TEMPLATE_URL: migrated and seeded once for
 * every bench); or a cluster of its own.
 */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: () => {} };
  if (process.env.BENCH_TEMPLATE_URL) return copyOfTemplate(process.env.BENCH_TEMPLATE_URL);
  return startBenchCluster();
}

async function copyOfTemplate(templateUrl: string): Promise<BenchDatabase> {
  const template = new URL(templateUrl);
  const name = `pos_${process.pid}_${Date.now()}`;
  const admin = new URL(templateUrl);
  admin.pathname = "/postgres";
  const psql = (sql: string) => execFileSync("psql", [admin.toString(), "-v", "ON_ERROR_STOP=1", "-c", sql], { stdio: "pipe" });
  psql(`CREATE DATABASE ${name} TEMPLATE ${template.pathname.slice(1)}`);
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    stop() {
      psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A throwaway cluster with an empty database `pos`. */
export async function startBenchCluster(): Promise<BenchDatabase> {
  const bin = pgBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pos-bench-pg-"));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execSync(`chown postgres ${dir}`);
  const run = (cmd: string, args: string[]) =>
    asRoot ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args], { stdio: "pipe" }) : execFileSync(path.join(bin, cmd), args, { stdio: "pipe" });
  run("initdb", ["-D", path.join(dir, "data"), "-A", "trust", "-U", "postgres"]);
  run("pg_ctl", ["-D", path.join(dir, "data"), "-l", path.join(dir, "log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=512MB -c max_connections=200`, "start"]);
  execSync(`psql -h 127.0.0.1 -p ${port} -U postgres -c "CREATE DATABASE pos"`, { stdio: "pipe" });
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/pos`,
    stop() {
      try {
        run("pg_ctl", ["-D", path.join(dir, "data"), "-m", "immediate", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
