// `prisma migrate deploy` as a child process, for the scripts and the test setup.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export async function migrateDeploy(env: NodeJS.ProcessEnv = process.env, options: { quiet?: boolean; cwd?: string } = {}): Promise<void> {
  const cwd = options.cwd ?? process.cwd();
  try {
    const { stdout } = await run(path.join(cwd, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd, env, maxBuffer: 16 * 1024 * 1024 });
    if (!options.quiet) process.stdout.write(stdout.split("\n").filter((line) => !/WARNING|will NOT|recommend|^- url/.test(line)).join("\n"));
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy завершилась с кодом ${e.code}:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}
