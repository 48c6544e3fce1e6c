import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/EmptyState";
import { htmlRows } from "@/components/ui/HtmlRows";
import { Pagination } from "@/components/ui/Pagination";
import { TableFrame } from "@/components/ui/TableFrame";
import { requireReviewer } from "@/lib/access/guards";
import { listReviewQueue } from "@/lib/requests/review";
import { ZRequestQueueFilter, type TRequestQueueFilter } from "@/lib/requests/schemas";
import { QueueFilters } from "./QueueFilters";
import { queueRowsHtml } from "./queue-rows";
import { countOf } from "@/lib/ui/format";
import { MESSAGES, WORDS } from "@/lib/ui/strings";

export const metadata: Metadata = { title: "Заявки на подключение" };

type Search = Record<string, string | string[] | undefined>;

// The queue of cabinet requests addressed to the person's organ (or, for the region's operator,
// the organs' editorial cabinets): filters in the address bar, oldest first.
export default async function RequestsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { actor, reviews } = await requireReviewer("/admin/requests");
  if (!reviews) {
    return (
      <div className="space-y-4">
        <h1>Заявки на подключение кабинетов</h1>
        <p className="card" role="alert">
          Заявки рассматривают администраторы ЛКО органов, в ведении которых находятся организации, и региональный оператор ПОС.
          У вас нет такой роли.
        </p>
      </div>
    );
  }
  const raw = await searchParams;
  const filter = ZRequestQueueFilter.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));
  const queue = await listReviewQueue(actor, filter);
  const pageHref = (page: number) => `/admin/requests?${new URLSearchParams({ ...query(filter), page: String(page) })}`;

  return (
    <div className="space-y-6">
      <h1>Заявки на подключение кабинетов</h1>
      <QueueFilters filter={filter} />

      <p aria-live="polite">
        {MESSAGES.found}: <strong>{countOf(queue.total, WORDS.request)}</strong>. Сначала — поданные раньше.
      </p>
      {queue.rows.length === 0 ? (
        <EmptyState
          title={filter.status === "PENDING" && !filter.type && !filter.kind && !filter.from && !filter.to ? "Заявок на рассмотрении нет" : "Заявок с такими условиями нет"}
          action={<Link href="/admin/requests?status=ALL" className="btn-secondary">Показать все заявки</Link>}
        >
          Новые заявки появятся здесь, когда учреждения подадут их в разделе «Подключение кабинета». Чтобы найти рассмотренные,
          выберите статус «Все» или измените условия отбора.
        </EmptyState>
      ) : (
        <TableFrame label="Заявки на подключение кабинетов">
          <table>
            <caption className="sr-only">Заявки на подключение кабинетов</caption>
            <thead>
              <tr>
                <th scope="col">Организация</th>
                <th scope="col">Кабинет</th>
                <th scope="col">Тип кабинета</th>
                <th scope="col">Подана</th>
                <th scope="col">Редакция</th>
                <th scope="col">Статус</th>
              </tr>
            </thead>
            {await htmlRows(queueRowsHtml(queue.rows))}
          </table>
        </TableFrame>
      )}
      <Pagination page={filter.page} pages={queue.pages} hrefFor={pageHref} />
    </div>
  );
}

function query(filter: TRequestQueueFilter): Record<string, string> {
  const out: Record<string, string> = { status: filter.status };
  if (filter.type) out.type = filter.type;
  if (filter.kind) out.kind = filter.kind;
  if (filter.from) out.from = filter.from;
  if (filter.to) out.to = filter.to;
  return out;
}
