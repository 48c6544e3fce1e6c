// The Prisma CLI runs migrations through the same driver adapter as the app (see
// docs/decisions/001-database.md and 002-prisma-offline.md): no Rust engine is needed.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseTarget, openAdapter, releasePgliteTimersOnExit, type OpenedAdapter } from "./lib/db/adapter";

let opened: OpenedAdapter | undefined;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  experimental: { adapter: true },
  engine: "js",
  // The CLI asks for the adapter more than once and never closes it. One per process; an open
  // PGlite would keep the process alive, so it is closed once the CLI has nothing left to do.
  async adapter() {
    if (!opened) {
      const current = (opened = openAdapter(databaseTarget()));
      releasePgliteTimersOnExit();
      process.once("beforeExit", () => void current.close());
    }
    return opened.adapter;
  },
});
