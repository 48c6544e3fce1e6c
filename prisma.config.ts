// The Prisma CLI runs migrations through the same driver adapter as the app (see
// docs/decisions/001-database.md): no Rust engine is needed.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { adapterForTarget, databaseTarget } from "./lib/db/adapter";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return adapterForTarget(databaseTarget());
  },
});
