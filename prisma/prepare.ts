// Runs before the app opens the database (`predev`, `prestart`, e2e): applies pending migrations
// and seeds an empty database. The embedded PGlite folder has one owner at a time, so this must
// finish before the app starts (docs/decisions/001-database.md).
import { execFileSync } from "node:child_process";
import path from "node:path";

const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: "inherit", env: process.env });

run(bin("prisma"), ["migrate", "deploy"]);
run(bin("tsx"), [path.join("prisma", "seed.ts"), "--if-empty"]);
