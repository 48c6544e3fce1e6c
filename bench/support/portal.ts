// The production server of the portal (`next start`, one process: «next-server») as a child
// process that can be stopped, killed outright and started again — for benchmarks, the soak and
// the crash tests. Needs a finished `next build` and a prepared database.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

export async function waitForOk(url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Сервер не ответил: ${url}`);
}

export interface PortalProcess {
  pid: number;
  child: ChildProcess;
  /** Date.now() when the process was spawned (the zero of its --trace-gc times, near enough). */
  startedAt: number;
  /** Resolves when the process has ended (by any signal). */
  exited: Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown of any kind, as a power cut or the OOM killer. */
  kill(): Promise<void>;
}

/** Starts `next start` with the given environment and waits for /api/ping. */
export async function startPortal(port: number, env: NodeJS.ProcessEnv, options: { log?: string; nodeFlags?: string[] } = {}): Promise<PortalProcess> {
  const out = options.log ? fs.openSync(options.log, "a") : "ignore";
  const startedAt = Date.now();
  // BENCH_NODE_FLAGS (e.g. "--trace-gc"): flags for the server's Node that NODE_OPTIONS does not accept.
  const flags = [...(process.env.BENCH_NODE_FLAGS ?? "").split(/\s+/).filter(Boolean), ...(options.nodeFlags ?? [])];
  const args = ["start", "-p", String(port), "-H", "127.0.0.1"];
  const child = flags.length
    ? spawn(process.execPath, [...flags, path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), ...args], { cwd: ROOT, stdio: ["ignore", out, options.log ? out : "inherit"], env })
    : spawn(bin("next"), args, { cwd: ROOT, stdio: ["ignore", out, options.log ? out : "inherit"], env });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  await Promise.race([
    waitForOk(`http://127.0.0.1:${port}/api/ping`),
    exited.then(() => {
      throw new Error(`Портал завершился при запуске (код ${child.exitCode})`);
    }),
  ]);
  return { pid: child.pid!, child, startedAt, exited, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
}

/** Resident set size of a process in MiB, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}
