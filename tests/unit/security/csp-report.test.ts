import { describe, expect, it } from "vitest";
import { parseCspReport } from "@/lib/security/csp-report";

describe("отчёты о нарушениях CSP", () => {
  it("понимает report-uri и Reporting API, остальное — нет", () => {
    expect(parseCspReport(JSON.stringify({ "csp-report": { "document-uri": "http://p/start", "violated-directive": "script-src-elem", "blocked-uri": "inline", "line-number": 3 } })))
      .toEqual([{ documentUri: "http://p/start", violatedDirective: "script-src-elem", blockedUri: "inline", lineNumber: 3, sourceFile: undefined, sample: undefined }]);
    expect(parseCspReport(JSON.stringify([{ type: "csp-violation", body: { documentURL: "http://p/", effectiveDirective: "img-src", blockedURL: "http://x/" } }, { type: "deprecation", body: {} }])))
      .toMatchObject([{ documentUri: "http://p/", violatedDirective: "img-src", blockedUri: "http://x/" }]);
    for (const junk of ["", "null", "[]", "{}", "{\"csp-report\":1}", "не json", "[null]"]) expect(parseCspReport(junk), junk).toEqual([]);
  });
});
