// Runs before the app opens the database (`predev`, `prestart`, e2e): applies pending migrations,
// seeds an empty database, and creates the demo ЕСИА keys when no real ones are configured.
// The embedded PGlite folder has one owner at a time, so this finishes before the app starts
// (docs/decisions/001-database.md).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ensureDemoKeys } from "../lib/esia/demo-keys";
import { authSecret } from "../lib/auth/secret";
import { migrateDeploy } from "./migrate";

const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: "inherit", env: process.env });

await migrateDeploy();
run(bin("tsx"), [path.join("prisma", "seed.ts"), "--if-empty"]);
if (!process.env.ESIA_CLIENT_KEY) await ensureDemoKeys(process.env.ESIA_DEMO_KEYS_DIR || undefined);
authSecret();
