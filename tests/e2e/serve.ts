// What Playwright starts: a production build of the portal on a fresh embedded database, the
// ЕСИА emulator (port + 1) and the mail catcher (web port + 2, SMTP port + 3), each on its own origin. Ctrl-C or Playwright's stop ends both.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { cspReportFile } from "./support/csp-reports";
import { testClockFile } from "./support/clock";

const root = path.resolve(import.meta.dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const portalPort = Number(process.env.E2E_PORT || 3100);
const esiaPort = portalPort + 1;
const mailHttpPort = portalPort + 2;
const mailSmtpPort = portalPort + 3;
const env = {
  ...process.env,
  PGLITE_DIR: path.join(root, ".data", "e2e"),
  PORTAL_URL: `http://127.0.0.1:${portalPort}`,
  // Another host name than the portal's, so that the browser keeps ЕСИА's cookies apart as in real life.
  ESIA_BASE_URL: `http://localhost:${esiaPort}`,
  // Consents given in ЕСИА live as long as this run's database: each run starts with none.
  ESIA_EMULATOR_GRANTS_FILE: path.join(root, ".data", "e2e", "esia-grants.json"),
  DATABASE_URL: "",
  // The production build on the embedded database: accepted for tests (lib/db/durability.ts).
  PGLITE_IN_PRODUCTION: "1",
  // The production build on a fresh database: the demo world is wanted here (prisma/seed/policy.ts).
  SEED_DEMO: "1",
  SIGN_IN_LIMIT: "1000",
  // Every spec's citizen comes from 127.0.0.1 and types at a robot's speed (lib/messages/form-guard.ts).
  CITIZEN_FORM_LIMIT: "1000",
  CITIZEN_FORM_MIN_FILL_MS: "0",
  // No background checks of official sites: the specs check a site by «Проверить сайт» when they want
  // it (a scheduled check racing a spec's own would make it flaky); the schedule has its own tests.
  SITE_CHECKS: "off",
  // A demo stand on a production build: «Почта (демо)» is wanted here (lib/mail/config.ts, demoMailbox).
  DEMO_MAILBOX: "1",
  SMTP_URL: `smtp://127.0.0.1:${mailSmtpPort}`,
  MAIL_CATCHER_URL: `http://127.0.0.1:${mailHttpPort}`,
  MAIL_CATCHER_SMTP_PORT: String(mailSmtpPort),
  MAIL_CATCHER_HTTP_PORT: String(mailHttpPort),
  // Every CSP violation a browser reports during the run lands here; the run fails on any (support/csp-teardown.ts).
  CSP_REPORT_FILE: cspReportFile(portalPort),
  // Issue 20: the test clock (messages.spec.ts lets days pass) and a reminder job that looks every 2 s.
  TEST_CLOCK_FILE: testClockFile(portalPort),
  MESSAGE_REMINDER_SECONDS: "2",
  // New messages' digest to the cabinet (decision 078) at the job's next look, every 2 s: the specs wait for its email.
  MESSAGE_DIGEST_MINUTES: "0",
  MESSAGE_DIGEST_SECONDS: "2",
};

fs.rmSync(env.PGLITE_DIR, { recursive: true, force: true });
fs.rmSync(env.CSP_REPORT_FILE, { force: true });
fs.rmSync(env.TEST_CLOCK_FILE, { force: true });
if (!process.env.E2E_SKIP_BUILD) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", env });
execFileSync(bin("tsx"), ["prisma/prepare.ts"], { cwd: root, stdio: "inherit", env });

const children: ChildProcess[] = [
  spawn(bin("tsx"), ["lib/esia-emulator/main.ts"], { cwd: root, stdio: "inherit", env }),
  spawn(bin("tsx"), ["lib/mail-catcher/main.ts"], { cwd: root, stdio: "inherit", env }),
  spawn(bin("next"), ["start", "-p", String(portalPort), "-H", "127.0.0.1"], { cwd: root, stdio: "inherit", env }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
for (const child of children) child.on("exit", (code) => { stop(); process.exit(code ?? 0); });
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
