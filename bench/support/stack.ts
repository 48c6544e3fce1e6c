// The production build of the portal (next start) with the ЕСИА emulator, on a PostgreSQL
// database, for load measurements on loopback. The mail sender is off: emails stay queued.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./postgres";
import { ROOT, bin, startPortal, waitForOk, type PortalProcess } from "./portal";

export interface Stack {
  baseUrl: string;
  /** The server's inspector port, when started with `inspect` (CPU profiles: ./profile.ts). */
  inspectPort?: number;
  esiaUrl: string;
  env: NodeJS.ProcessEnv;
  portal: PortalProcess;
  stop(): void;
}

export const BENCH_SECRET = "bench-secret-not-for-production-0123456789";

/** Builds (unless BENCH_SKIP_BUILD), prepares the database (migrations, demo, synthetic data) and starts. */
export async function startStack(databaseUrl: string, options: { institutions?: number; departments?: number; env?: Record<string, string>; inspect?: boolean } = {}): Promise<Stack> {
  const port = await freePort();
  const inspectPort = options.inspect ? await freePort() : undefined;
  const esiaPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    SEED_DEMO: "1", // the benchmarks sign in as demo persons (prisma/seed/policy.ts)
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE || "20",
    PORTAL_URL: `http://127.0.0.1:${port}`,
    ESIA_BASE_URL: `http://localhost:${esiaPort}`,
    NEXTAUTH_SECRET: BENCH_SECRET,
    SIGN_IN_LIMIT: "1000000",
    // The load comes from one address, posts the citizen form at once and to one cabinet (lib/messages/form-guard.ts).
    CITIZEN_FORM_LIMIT: "1000000",
    CITIZEN_FORM_CABINET_LIMIT: "1000000",
    CITIZEN_FORM_MIN_FILL_MS: "0",
    MAIL_WORKER: "off",
    // No checks of the demo sites during a measurement (they would only fail on DNS).
    SITE_CHECKS: "off",
    // The emulator's remembered consents: this run's own (each person asked once, as in real life).
    ESIA_EMULATOR_GRANTS_FILE: path.join(os.tmpdir(), `pos-bench-esia-grants-${esiaPort}.json`),
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  if (!process.env.BENCH_SKIP_BUILD) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", env });
  execFileSync(bin("tsx"), ["prisma/prepare.ts"], { cwd: ROOT, stdio: "inherit", env });
  if (options.institutions) {
    execFileSync(bin("tsx"), ["prisma/seed.ts", "--institutions", String(options.institutions), "--departments", String(options.departments ?? 20)], { cwd: ROOT, stdio: "inherit", env });
  }
  const emulator: ChildProcess = spawn(bin("tsx"), ["lib/esia-emulator/main.ts"], { cwd: ROOT, stdio: "ignore", env });
  // BENCH_PORTAL_LOG=<file>: the server's output (e.g. with NODE_OPTIONS=--trace-gc) for diagnosis.
  const portal = await startPortal(port, env, { log: process.env.BENCH_PORTAL_LOG || undefined, nodeFlags: inspectPort ? [`--inspect=127.0.0.1:${inspectPort}`] : [] });
  await waitForOk(`http://localhost:${esiaPort}/health`);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    inspectPort,
    esiaUrl: `http://localhost:${esiaPort}`,
    env,
    portal,
    stop() {
      emulator.kill("SIGTERM");
      portal.child.kill("SIGTERM");
      fs.rmSync(env.ESIA_EMULATOR_GRANTS_FILE!, { force: true });
    },
  };
}
