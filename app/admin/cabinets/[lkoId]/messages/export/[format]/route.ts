// CSV or XLSX of a cabinet's current message view (the same view, filters and search as the
// inbox's URL). The same check as the inbox page: messages.view on the cabinet, else «не найдено».
import { cabinetOfRequest } from "@/lib/access/guards";
import { defaultView, parseInboxQuery } from "@/lib/messages/inbox";
import { messagesCsv, messagesXlsx } from "@/lib/messages/export";
import { regionToday } from "@/lib/messages/deadlines";

export const dynamic = "force-dynamic";

const TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

const notFound = () => new Response("Не найдено", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(request: Request, { params }: { params: Promise<{ lkoId: string; format: string }> }) {
  const { lkoId, format } = await params;
  if (format !== "csv" && format !== "xlsx") return notFound();
  const ctx = await cabinetOfRequest(lkoId, "messages.view");
  if (!ctx) return notFound();
  const own = ctx.actor.accounts.filter((a) => a.cabinetId === ctx.cabinet.id && a.active);
  const query = parseInboxQuery(new URL(request.url).searchParams);
  const view = query.view ?? defaultView(own.flatMap((a) => a.roles.map((r) => r.role)));
  const viewer = { accountIds: own.map((a) => a.accountId) };
  const day = regionToday();
  const body = format === "csv" ? messagesCsv(ctx.cabinet.id, query, viewer, view) : messagesXlsx(ctx.cabinet.id, query, viewer, view);
  return new Response(body, {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="messages-${ctx.cabinet.lkoId}-${day}.${format}"; filename*=UTF-8''${encodeURIComponent(`сообщения-${ctx.cabinet.lkoId}-${day}.${format}`)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
