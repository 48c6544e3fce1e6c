// CSV or XLSX of the dashboard's current view (the same filters and order as the page's URL).
// The same check as the page: only people who may monitor, and only their own trees.
import { monitoringScopeOfRequest } from "@/lib/access/guards";
import { csvExport, xlsxExport } from "@/lib/status/export";
import { parseDashboardQuery } from "@/lib/status/query";

export const dynamic = "force-dynamic";

const TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export async function GET(request: Request, { params }: { params: Promise<{ format: string }> }) {
  const { format } = await params;
  if (format !== "csv" && format !== "xlsx") return new Response("Не найдено", { status: 404 });
  const scope = await monitoringScopeOfRequest();
  if (!scope) return new Response("Не найдено", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const query = parseDashboardQuery(new URL(request.url).searchParams);
  const day = new Date().toISOString().slice(0, 10);
  const body = format === "csv" ? csvExport(scope, query) : xlsxExport(scope, query);
  return new Response(body, {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="connection-status-${day}.${format}"; filename*=UTF-8''${encodeURIComponent(`статус-подключения-${day}.${format}`)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
