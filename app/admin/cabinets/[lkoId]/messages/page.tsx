import type { Metadata } from "next";
import Link from "next/link";
import { requireCabinet } from "@/lib/access/guards";
import { FilterSelect } from "@/components/forms/FilterSelect";
import { EmptyState } from "@/components/ui/EmptyState";
import { Pagination } from "@/components/ui/Pagination";
import { StatusBadge } from "@/components/ui/Status";
import { TableFrame } from "@/components/ui/TableFrame";
import { MESSAGE_CATEGORIES, categoryLabel } from "@/lib/messages/categories";
import { defaultView, inboxSearch, INBOX_VIEWS, listInbox, parseInboxQuery, type TInboxView } from "@/lib/messages/inbox";
import { executorsOf } from "@/lib/messages/routing";
import { db } from "@/lib/db";
import { countOf, formatDate, formatDay } from "@/lib/ui/format";
import { MESSAGE_STAGE, MESSAGE_STATUS, WORDS } from "@/lib/ui/strings";
import { MESSAGE_STAGE_LOOK, OVERDUE_LOOK } from "./status-look";

export const metadata: Metadata = { title: "Сообщения" };

export default async function MessagesPage({ params, searchParams }: { params: Promise<{ lkoId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { lkoId } = await params;
  const { cabinet, can, actor } = await requireCabinet(lkoId);
  if (!can("messages.view")) return <p className="card">Сообщения граждан видят координаторы, исполнители и руководители этого кабинета, его администраторы и кураторы органа.</p>;
  const raw = await searchParams;
  const query = parseInboxQuery(raw);
  const own = actor.accounts.filter((a) => a.cabinetId === cabinet.id && a.active);
  const view: TInboxView = query.view ?? defaultView(own.flatMap((a) => a.roles.map((r) => r.role)));
  const viewer = { accountIds: own.map((a) => a.accountId) };
  const [{ items, total, page, pages, counts }, executors] = await Promise.all([listInbox(cabinet.id, query, viewer, view), executorsOf(db, cabinet.id)]);
  const base = `/admin/cabinets/${cabinet.lkoId}/messages`;
  const filtered = Boolean(query.stage || query.status || query.category || query.executor || query.overdue || query.q);
  const exportSearch = inboxSearch({ ...query, view, page: undefined });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2>Сообщения граждан</h2>
        {can("messages.configure") ? (
          <p>
            <Link href={`${base}/settings`} className="btn-secondary px-4 py-2">Шаблоны ответов и автоправила</Link>
          </p>
        ) : null}
      </div>
      {raw.sent === "redirected" ? <p role="status" className="rounded-xl bg-success-light p-4 text-success">Сообщение перенаправлено: теперь оно в кабинете другой организации.</p> : null}
      <nav aria-label="Папки сообщений">
        <ul className="flex flex-wrap gap-2">
          {(Object.keys(INBOX_VIEWS) as TInboxView[]).map((v) => (
            <li key={v}>
              <Link href={`${base}${inboxSearch({ view: v })}`} aria-current={view === v ? "page" : undefined}
                className={`inline-block rounded-full border px-4 py-1 no-underline ${view === v ? "border-brand bg-brand-light text-ink" : "border-line"}`}>
                {INBOX_VIEWS[v]}: {counts[v]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={base} className="card space-y-4 p-4" role="search" aria-label="Отбор сообщений">
        <input type="hidden" name="view" value={view} />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div className="sm:col-span-2 lg:col-span-3">
            <label htmlFor="m-q" className="field-label text-sm">Поиск</label>
            <input id="m-q" name="q" defaultValue={query.q ?? ""} className="field-input py-2" aria-describedby="m-q-hint" />
            <p id="m-q-hint" className="field-hint">Номер сообщения целиком или часть текста, имени, адреса заявителя.</p>
          </div>
          <FilterSelect compact id="m-stage" name="stage" label="Стадия" value={query.stage} options={Object.entries(MESSAGE_STAGE)} />
          <FilterSelect compact id="m-status" name="status" label="Статус" value={query.status} options={Object.entries(MESSAGE_STATUS)} />
          <FilterSelect compact id="m-category" name="category" label="Категория" value={query.category} options={MESSAGE_CATEGORIES.map((c) => [c.code, c.label])} />
          <FilterSelect compact id="m-executor" name="executor" label="Исполнитель" value={query.executor} options={executors.map((e) => [e.id, e.name])} />
          <FilterSelect compact id="m-overdue" name="overdue" label="Просрочено" value={query.overdue} options={[["yes", "Да"], ["no", "Нет"]]} />
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn-primary px-5 py-2">Показать</button>
          <Link href={`${base}${inboxSearch({ view })}`} className="btn-secondary px-5 py-2">Сбросить</Link>
          <a href={`${base}/export/xlsx${exportSearch}`} download className="btn-secondary px-5 py-2">Скачать XLSX</a>
          <a href={`${base}/export/csv${exportSearch}`} download className="btn-secondary px-5 py-2">Скачать CSV</a>
        </div>
      </form>
      {items.length === 0 ? (
        filtered || view !== "all" ? (
          <EmptyState title="Таких сообщений нет" action={<Link href={`${base}${inboxSearch({ view: "all" })}`} className="btn-secondary">Показать все сообщения</Link>} />
        ) : (
          <EmptyState title="Сообщений пока нет" action={<Link href={`/admin/cabinets/${cabinet.lkoId}/functioning`} className="btn-secondary">Функционирование ЛКО</Link>}>
            Они появятся, когда граждане напишут через виджет на сайте учреждения или по ссылке из социальных сетей. Код виджета и ссылки —
            на вкладке «Функционирование ЛКО».
          </EmptyState>
        )
      ) : (
        <TableFrame label="Сообщения">
          <table>
            <caption className="sr-only">{INBOX_VIEWS[view]}: {countOf(total, WORDS.message)}</caption>
            <thead>
              <tr>
                <th scope="col">Номер</th>
                <th scope="col">Дата поступления</th>
                <th scope="col">Категория</th>
                <th scope="col">Стадия и статус</th>
                <th scope="col">Срок</th>
                <th scope="col">Исполнитель</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <th scope="row" className="font-normal"><Link href={`${base}/${m.id}`}>№ {m.number}</Link></th>
                  <td>{formatDate(m.createdAt)}</td>
                  <td>
                    {categoryLabel(m.category)}
                    {m.subcategory ? <span className="block text-sm text-muted">{m.subcategory}</span> : null}
                    <span className="block max-w-md truncate text-sm text-muted">{m.text}</span>
                  </td>
                  <td>
                    <StatusBadge {...MESSAGE_STAGE_LOOK[m.stage]}>{MESSAGE_STAGE[m.stage]}</StatusBadge>
                    <span className="block text-sm">{MESSAGE_STATUS[m.status]}</span>
                    {m.reReviews > 0 ? <span className="block text-sm text-muted">Повторное рассмотрение</span> : null}
                  </td>
                  <td>
                    {formatDay(m.plannedOn)}
                    {m.overdue ? <span className="block"><StatusBadge {...OVERDUE_LOOK}>Просрочено</StatusBadge></span> : null}
                  </td>
                  <td>{m.executorName ?? <span className="text-muted">не назначен</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      <Pagination page={page} pages={pages} numbered total={`всего ${countOf(total, WORDS.message)}`} hrefFor={(p) => `${base}${inboxSearch({ ...query, view }, { page: p })}`} />
    </div>
  );
}
