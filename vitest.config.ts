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
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/setup/global-db.ts"],
    setupFiles: ["tests/setup/db-per-file.ts", "tests/setup/next-request.ts", "tests/setup/fail-on-console-error.ts"],
    env: {
      NEXTAUTH_SECRET: "test-secret-for-vitest-only-0123456789",
      PORTAL_URL: "http://portal.test",
    },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each file gets its own database; two workers match this machine's two cores.
    pool: "forks",
    maxWorkers: 2,
  },
});
