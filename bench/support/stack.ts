// The production build of the portal (next start) with the ЕСИА emulator and the mail catcher,
// on a PostgreSQL database, for load measurements on loopback.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "./postgres";

const root = path.resolve(import.meta.dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

export interface Stack {
  baseUrl: string;
  esiaUrl: string;
  env: NodeJS.ProcessEnv;
  stop(): void;
}

export const BENCH_SECRET = "bench-secret-not-for-production-0123456789";

async function waitFor(url: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Сервер не ответил: ${url}`);
}

/** Builds (unless BENCH_SKIP_BUILD), prepares the database (migrations, demo, synthetic data) and starts. */
export async function startStack(databaseUrl: string, options: { institutions?: number } = {}): Promise<Stack> {
  const port = await freePort();
  const esiaPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE || "20",
    PORTAL_URL: `http://127.0.0.1:${port}`,
    ESIA_BASE_URL: `http://localhost:${esiaPort}`,
    NEXTAUTH_SECRET: BENCH_SECRET,
    SIGN_IN_LIMIT: "1000000",
    MAIL_WORKER: "off",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!process.env.BENCH_SKIP_BUILD) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", env });
  execFileSync(bin("tsx"), ["prisma/prepare.ts"], { cwd: root, stdio: "inherit", env });
  if (options.institutions) {
    execFileSync(bin("tsx"), ["prisma/seed.ts", "--institutions", String(options.institutions)], { cwd: root, stdio: "inherit", env });
  }
  const children: ChildProcess[] = [
    spawn(bin("tsx"), ["lib/esia-emulator/main.ts"], { cwd: root, stdio: "ignore", env }),
    spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env }),
  ];
  await waitFor(`http://127.0.0.1:${port}/api/ping`);
  await waitFor(`http://localhost:${esiaPort}/health`);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    esiaUrl: `http://localhost:${esiaPort}`,
    env,
    stop() {
      for (const child of children) child.kill("SIGTERM");
    },
  };
}
