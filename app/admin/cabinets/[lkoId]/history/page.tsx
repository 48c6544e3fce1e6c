import type { Metadata } from "next";
import Link from "next/link";
import { loadActor } from "@/lib/access/actor";
import { hasCabinetCapability } from "@/lib/access/policies";
import { requirePortalSession } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/accounts/dates";
import { requireCabinetForActor } from "@/lib/cabinets/access";
import { cabinetHistory } from "@/lib/cabinets/history";
import { HISTORY_ACTION_LABELS, historyDetails } from "@/lib/cabinets/history-labels";

export const metadata: Metadata = { title: "История кабинета" };

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ lkoId: string }>; searchParams: Promise<{ page?: string }> }) {
  const { lkoId } = await params;
  const session = await requirePortalSession();
  const actor = await loadActor(session.person.id);
  const cabinet = await requireCabinetForActor(actor, lkoId);
  if (!(await hasCabinetCapability(actor, "cabinet.manage", cabinet.id))) {
    return <p className="card">Историю изменений видят администраторы ЛКО и кураторы этого кабинета.</p>;
  }
  const requested = Number((await searchParams).page ?? 1);
  const page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1;
  const history = await cabinetHistory(cabinet.id, page);
  const base = `/admin/cabinets/${cabinet.lkoId}/history`;
  return (
    <section className="space-y-4" aria-labelledby="history-title">
      <h2 id="history-title" className="text-2xl">История</h2>
      <p className="text-sm text-muted">Все изменения кабинета и его учётных записей, новые сверху. Всего событий: {history.total}.</p>
      {history.events.length === 0 ? (
        <p className="card">Изменений пока не было.</p>
      ) : (
        <ol className="card divide-y divide-line p-0">
          {history.events.map((e) => (
            <li key={e.id} className="grid gap-1 p-4 sm:grid-cols-[11rem_1fr]">
              <time dateTime={e.at.toISOString()} className="text-sm text-muted">{formatDateTime(e.at)}</time>
              <div>
                <p className="font-medium">{HISTORY_ACTION_LABELS[e.action] ?? e.action}</p>
                <p className="text-sm">{e.actor}{historyDetails(e.action, e.data) ? ` · ${historyDetails(e.action, e.data)}` : ""}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {history.pages > 1 ? (
        <nav aria-label="Страницы истории" className="flex gap-4">
          {page > 1 ? <Link href={`${base}?page=${page - 1}`}>← Новее</Link> : null}
          <span>Страница {Math.min(page, history.pages)} из {history.pages}</span>
          {page < history.pages ? <Link href={`${base}?page=${page + 1}`}>Старше →</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
