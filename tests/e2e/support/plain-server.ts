// A second `next start` of the same production build, as an operator would run it: no demo stand
// (no DEMO_MAILBOX, though a mail catcher address is set), its own embedded database with only the
// reference data, and one table dropped before the start, so that a page really fails on the
// server (issue 17: what the error pages show, and that «Почта (демо)» is not there). Its port is
// E2E_PORT + 90 (inside this run's range of test sites).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

export interface PlainServer {
  url: string;
  /** Everything the server wrote to stdout and stderr so far (its log). */
  output: () => string;
  stop: () => Promise<void>;
}

export async function startPlainServer(opts: { dropTable: string }): Promise<PlainServer> {
  const port = Number(process.env.E2E_PORT || 3100) + 90;
  const dir = path.join(root, ".data", `e2e-plain-${port}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DIR: dir, DATABASE_URL: "", PGLITE_IN_PRODUCTION: "1", PORTAL_URL: url, NODE_ENV: "production",
    SEED_DEMO: "0", DEMO_MAILBOX: "", MAIL_CATCHER_URL: `http://127.0.0.1:${port + 1}`, MAIL_WORKER: "off", STATUS_WORKER: "off", SITE_CHECKS: "off",
  };
  execFileSync(bin("tsx"), ["prisma/prepare.ts"], { cwd: root, env, stdio: "pipe" });
  execFileSync(bin("tsx"), ["tests/e2e/support/drop-table.ts", dir, opts.dropTable], { cwd: root, env, stdio: "pipe" });
  let log = "";
  const child: ChildProcess = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Второй сервер не запустился:\n${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Второй сервер не ответил за 60 с:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    output: () => log,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
