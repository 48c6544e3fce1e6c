import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./lib/system/requirements";

// E2E runs the production build on its own port and its own embedded database, reset each run.
const PORT = Number(process.env.E2E_PORT || 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  // Fails the run if any page broke the Content-Security-Policy (the browsers report to the portal).
  globalTeardown: "./tests/e2e/support/csp-teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    locale: "ru-RU",
    timezoneId: "Asia/Yekaterinburg",
    // A failed test keeps its actions, console and network (the trace), a picture of the end and the
    // page's accessibility tree (error-context.md). The trace's screencast and DOM snapshot at every
    // action cost about a fifth of the run, in Chromium's processor time (auth.spec: 2.6 → 2.1 min).
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: false },
    screenshot: "only-on-failure",
    // No single step may wait for minutes: a click, a fill or a page load that hangs fails fast,
    // named by Playwright (axe runs and other evaluations carry their own deadline: support/page-checks.ts).
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    launchOptions: {
      // Found (or installed) by the test command's set-up step: lib/system/requirements.ts.
      executablePath: chromiumPath() ?? undefined,
      // Russian UI of the browser itself (date fields show ДД.ММ.ГГГГ), as on the users' computers.
      env: { ...process.env, LANGUAGE: "ru" },
      args: ["--no-sandbox", "--lang=ru-RU", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "npm run e2e:serve",
      url: `${BASE_URL}/`,
      // The portal and the ЕСИА emulator (port + 1) are started together by tests/e2e/serve.ts.
      env: { E2E_PORT: String(PORT) },
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
