import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // "server-only" throws outside a React Server Components bundle; tests run services directly.
      "server-only": path.resolve(import.meta.dirname, "tests/setup/server-only-stub.ts"),
    },
  },
  test: {
    setupFiles: ["tests/setup/next-request.ts", "tests/setup/fail-on-console-error.ts"],
    env: {
      NEXTAUTH_SECRET: "test-secret-for-vitest-only-0123456789",
      PORTAL_URL: "http://portal.test",
    },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two workers match this machine's two cores.
    pool: "forks",
    maxWorkers: 2,
    projects: [
      // Pure functions: no database (opening one is 1.5 s of PGlite a file).
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      // Each file gets its own copy of the migrated demo database.
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/db-per-file.ts"],
        },
      },
    ],
  },
});
