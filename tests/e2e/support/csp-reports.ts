// Where the e2e portal writes the CSP violations browsers report (CSP_REPORT_FILE, one JSON line each).
import fs from "node:fs";
import path from "node:path";

export function cspReportFile(port = Number(process.env.E2E_PORT || 3100)): string {
  return path.resolve(import.meta.dirname, "../../..", ".data", `e2e-csp-reports-${port}.jsonl`);
}

export function cspReports(port?: number): Array<Record<string, unknown>> {
  const file = cspReportFile(port);
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));
}
