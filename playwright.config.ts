import { defineConfig, devices } from "@playwright/test";

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
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
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
