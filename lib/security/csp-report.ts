import "server-only";
import fs from "node:fs/promises";

export interface TCspViolation {
  documentUri: string;
  violatedDirective: string;
  blockedUri: string;
  sourceFile?: string;
  lineNumber?: number;
  sample?: string;
}

const text = (v: unknown, max = 500) => (typeof v === "string" ? v.slice(0, max) : "");

/** The violations in a report body: the classic `{"csp-report": …}` or the Reporting API's list. */
export function parseCspReport(body: string): TCspViolation[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [];
  }
  const items = Array.isArray(json) ? json.filter((r) => r?.type === "csp-violation").map((r) => r.body) : [(json as Record<string, unknown> | null)?.["csp-report"]];
  return items
    .filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null)
    .map((r) => ({
      documentUri: text(r["document-uri"] ?? r.documentURL),
      violatedDirective: text(r["violated-directive"] ?? r["effective-directive"] ?? r.effectiveDirective, 100),
      blockedUri: text(r["blocked-uri"] ?? r.blockedURL),
      sourceFile: text(r["source-file"] ?? r.sourceFile) || undefined,
      lineNumber: typeof (r["line-number"] ?? r.lineNumber) === "number" ? Number(r["line-number"] ?? r.lineNumber) : undefined,
      sample: text(r["script-sample"] ?? r.sample, 100) || undefined,
    }))
    .filter((v) => v.violatedDirective);
}

/**
 * Logs each violation (a warning: a page the policy broke, or someone's injection that it stopped).
 * CSP_REPORT_FILE, if set, also gets one JSON line per violation: the e2e suite fails on any.
 */
export async function recordCspReport(body: string): Promise<boolean> {
  const violations = parseCspReport(body);
  if (violations.length === 0) return false;
  for (const v of violations) console.warn(`CSP: ${v.violatedDirective} заблокировал ${v.blockedUri || "встроенный код"} на ${v.documentUri}`);
  const file = process.env.CSP_REPORT_FILE;
  if (file) await fs.appendFile(file, violations.map((v) => JSON.stringify(v)).join("\n") + "\n");
  return true;
}
