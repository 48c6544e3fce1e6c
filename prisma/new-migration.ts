// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql from
// the difference between the migrations and schema.prisma. It works on a scratch embedded
// database, so the app's own database is never touched (docs/decisions/002-prisma-offline.md).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDeploy } from "./migrate";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Укажите имя миграции латиницей: npm run db:migration -- add_something");
  process.exit(2);
}
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pos-migration-"));
const env = { ...process.env, PGLITE_DIR: path.join(scratch, "pglite"), DATABASE_URL: "" };
const prisma = path.join(process.cwd(), "node_modules", ".bin", "prisma");
try {
  await migrateDeploy(env);
  try {
    execFileSync(prisma, ["migrate", "dev", "--create-only", "--skip-generate", "--name", name], { env, stdio: "inherit" });
  } catch {
    // The WebAssembly engine reports "null pointer passed to rust" after writing the file.
  }
  const created = fs.readdirSync(path.join("prisma", "migrations")).filter((d) => d.endsWith(`_${name}`));
  if (created.length === 0) {
    console.error("Миграция не создана.");
    process.exit(1);
  }
  console.log(`Создана prisma/migrations/${created.at(-1)}/migration.sql — проверьте её и добавьте ограничения SQL, если нужно.`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
