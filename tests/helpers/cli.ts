// The project's command-line tasks (npm scripts) as child processes of a test, as an operator runs them.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

export interface CliRun {
  child: ChildProcess;
  /** Output so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  done: Promise<number | null>;
  /** SIGKILL to the task and its children (its process group): nothing of it can clean up. */
  killGroup(): void;
}

/** `tsx <script> …args` from the project root with the given environment on top of the test's. */
export function startCli(script: string, args: string[], env: Record<string, string>): CliRun {
  // Its own process group, so that a kill reaches the Prisma CLI it starts too.
  const child = spawn(TSX, [script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk) => (out += chunk));
  child.stderr!.on("data", (chunk) => (err += chunk));
  const done = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    done,
    killGroup: () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    },
  };
}

export async function runCli(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = startCli(script, args, env);
  const code = await run.done;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}
