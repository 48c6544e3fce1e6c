// Liveness: the process answers. Touches nothing (a database outage is every instance's at once:
// restarting them would not help). Readiness is /api/ready.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) }, { headers: { "Cache-Control": "no-store" } });
}
