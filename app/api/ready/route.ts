// Readiness for a balancer or an orchestrator: 200 when this instance can serve, 503 otherwise
// (database down, migrations not this version's, stopping). The outbox figures are for alerting.
import { readiness } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await readiness();
  return Response.json(report, { status: report.status === "ready" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
