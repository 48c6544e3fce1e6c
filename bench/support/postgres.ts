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

export async function startBenchDatabase(): Promise<BenchDatabase> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: () => {} };
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
