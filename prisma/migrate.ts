// `prisma migrate deploy` as a child process. On the embedded database the CLI finishes its work
// but never exits: it waits for the event loop to drain, and an open PGlite keeps it busy (the CLI
// does not close driver adapters). So success is read from the CLI's own final line, after which
// the process is stopped; failures still exit on their own with a non-zero code.
import { spawn } from "node:child_process";
import path from "node:path";

const SUCCESS = /All migrations have been successfully applied\.|No pending migrations to apply\./;

export function migrateDeploy(env: NodeJS.ProcessEnv = process.env, options: { quiet?: boolean; cwd?: string } = {}): Promise<void> {
  const cwd = options.cwd ?? process.cwd();
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(cwd, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let succeeded = false;
    const collect = (chunk: Buffer, stream: NodeJS.WriteStream) => {
      const text = chunk.toString();
      output += text;
      if (!options.quiet) stream.write(text);
      if (!succeeded && SUCCESS.test(output)) {
        succeeded = true;
        setTimeout(() => child.exitCode === null && child.kill("SIGTERM"), 500).unref();
      }
    };
    child.stdout.on("data", (c: Buffer) => collect(c, process.stdout));
    child.stderr.on("data", (c: Buffer) => collect(c, process.stderr));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (succeeded || code === 0) resolve();
      else reject(new Error(`prisma migrate deploy завершилась с кодом ${code}:\n${output}`));
    });
  });
}
