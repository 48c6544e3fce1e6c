import type { Metadata } from "next";
import { requireCabinet } from "@/lib/access/guards";
import { formatDateTime } from "@/lib/ui/format";
import { cabinetHistory } from "@/lib/cabinets/history";
import { historyActionLabel, historyDetails } from "@/lib/cabinets/history-labels";
import { EmptyState } from "@/components/ui/EmptyState";
import { Pagination } from "@/components/ui/Pagination";
import { countOf } from "@/lib/ui/format";
import { WORDS } from "@/lib/ui/strings";

export const metadata: Metadata = { title: "История кабинета" };

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ lkoId: string }>; searchParams: Promise<{ page?: string }> }) {
  const { lkoId } = await params;
  const { cabinet, can } = await requireCabinet(lkoId);
  if (!can("cabinet.manage")) {
    return <p className="card">Историю изменений видят администраторы ЛКО и кураторы этого кабинета.</p>;
  }
  const requested = Number((await searchParams).page ?? 1);
  const page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1;
  const history = await cabinetHistory(cabinet.id, page);
  const base = `/admin/cabinets/${cabinet.lkoId}/history`;
  return (
    <section className="space-y-4" aria-labelledby="history-title">
      <h2 id="history-title" className="text-2xl">История</h2>
      <p className="text-sm text-muted">Все изменения кабинета и его учётных записей, новые сверху. Всего: {countOf(history.total, WORDS.event)}.</p>
      {history.events.length === 0 ? (
        <EmptyState title="Изменений пока не было">
          Здесь появятся подтверждение данных ЛКО, добавление и приглашение пользователей, перенос в архив и другие изменения кабинета.
        </EmptyState>
      ) : (
        <ol className="card divide-y divide-line p-0">
          {history.events.map((e) => (
            <li key={e.id} className="grid gap-1 p-4 sm:grid-cols-[11rem_1fr]">
              <time dateTime={e.at.toISOString()} className="text-sm text-muted">{formatDateTime(e.at)}</time>
              <div>
                <p className="font-medium">{historyActionLabel(e.action)}</p>
                <p className="text-sm">{e.actor}{historyDetails(e.action, e.data) ? ` · ${historyDetails(e.action, e.data)}` : ""}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pages={history.pages} hrefFor={(p) => `${base}?page=${p}`} label="Страницы истории" />
    </section>
  );
}
