// Where browsers report what the Content-Security-Policy blocked (report-uri): one line per
// violation in the server log, so that a broken page or an injection attempt is seen.
import { recordCspReport } from "@/lib/security/csp-report";

const MAX_BODY = 16 * 1024;

export async function POST(request: Request) {
  const text = await request.text().catch(() => "");
  if (text.length > MAX_BODY) return new Response("Отчёт слишком большой.", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const recorded = await recordCspReport(text);
  if (!recorded) return new Response("Отчёт не распознан.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(null, { status: 204 });
}
