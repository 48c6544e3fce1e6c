// After the whole e2e run: no page may have broken the Content-Security-Policy. The portal records
// what browsers report (report-uri → lib/security/csp-report.ts → CSP_REPORT_FILE).
import { cspReports } from "./csp-reports";

export default async function cspTeardown() {
  // Reports are sent asynchronously; give the last page's a moment to arrive.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const reports = cspReports();
  if (reports.length > 0) {
    throw new Error(`Нарушения политики безопасности содержимого (CSP) во время e2e: ${reports.length}\n${reports.map((r) => JSON.stringify(r)).join("\n")}`);
  }
}
