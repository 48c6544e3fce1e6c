import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/Pagination";
import { TableFrame } from "@/components/ui/TableFrame";
import { requireMonitoring } from "@/lib/access/guards";
import { loadDashboard } from "@/lib/status/dashboard";
import { OVERALL, OVERALL_ORDER } from "@/lib/status/model";
import { dashboardSearch, parseDashboardQuery } from "@/lib/status/query";
import { htmlRows } from "@/components/ui/HtmlRows";
import { SortHeader } from "./DashboardTable";
import { dashboardRowsHtml } from "./dashboard-rows";
import { Filters } from "./Filters";
import { RemindForm, RowRemindForm } from "./RemindForm";

export const metadata: Metadata = { title: "Мониторинг подключения" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MonitoringPage({ searchParams }: { searchParams: SearchParams }) {
  const { scope } = await requireMonitoring();
  const query = parseDashboardQuery(await searchParams);
  const data = await loadDashboard(scope, query);
  const view = dashboardSearch(query, { page: 1 });
  const spheres = new Map(data.spheres.map((s) => [s.id, s.name]));
  const all = Object.values(data.counts).reduce((a, b) => a + b, 0);

  return (
    <div className="space-y-6">
      <nav aria-label="Учреждения по статусу">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link href={`/monitoring${dashboardSearch(query, { status: undefined, page: 1 })}`} aria-current={!query.status ? "true" : undefined} className={`inline-block rounded-full border px-3 py-1 text-sm no-underline ${!query.status ? "border-brand bg-brand text-white" : "border-line bg-white"}`}>
              Все: <span data-testid="count-all">{all}</span>
            </Link>
          </li>
          {OVERALL_ORDER.map((s) => (
            <li key={s}>
              <Link href={`/monitoring${dashboardSearch(query, { status: s, page: 1 })}`} aria-current={query.status === s ? "true" : undefined} className={`inline-block rounded-full border px-3 py-1 text-sm no-underline ${query.status === s ? "border-brand bg-brand text-white" : "border-line bg-white"}`}>
                <span aria-hidden="true">{OVERALL[s].icon} </span>
                {OVERALL[s].label}: <span data-testid={`count-${s}`}>{data.counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Filters query={query} organs={data.organs} spheres={data.spheres} />

      <div className="flex flex-wrap items-center justify-between gap-4">
        <p aria-live="polite">
          {data.total === 0 ? "Учреждений не найдено." : `Показаны ${data.first}–${data.last} из ${data.total}`}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <a className="btn-secondary px-4 py-2" href={`/monitoring/export/csv${view}`} download>Скачать CSV</a>
          <a className="btn-secondary px-4 py-2" href={`/monitoring/export/xlsx${view}`} download>Скачать XLSX</a>
        </div>
      </div>
      <section aria-labelledby="remind-late" className="card space-y-2 p-4">
        <h2 id="remind-late" className="text-lg">Напомнить опоздавшим</h2>
        <p className="text-sm text-muted">
          Письмо администраторам каждого учреждения этого списка, которое не подключилось в срок: в нём перечислено, что ещё не сделано.
          Учреждениям, которым уже напоминали за последние 10 минут, письмо не отправляется повторно.
        </p>
        <RemindForm view={view} label="Напомнить всем опоздавшим в этом списке" />
      </section>

      <RowRemindForm />
      <TableFrame label="Учреждения">
        <table className="min-w-[1180px]">
          <caption className="sr-only">Учреждения и состояние их подключения к ПОС</caption>
          <thead className="align-bottom">
            <tr>
              <SortHeader query={query} sort="name" className="w-[17%]">Организация</SortHeader>
              <SortHeader query={query} sort="status" className="w-[17%]">Статус</SortHeader>
              <SortHeader query={query} sort="organ" className="w-[15%]">Учредитель / управление</SortHeader>
              <SortHeader query={query} sort="lko">Кабинет</SortHeader>
              <SortHeader query={query} sort="accounts">Учётные записи</SortHeader>
              <SortHeader query={query} sort="ready">Готовность</SortHeader>
              <SortHeader query={query} sort="widget" className="w-[16%]">Сайт и виджет</SortHeader>
              <th scope="col" className="p-2">Сообщения граждан</th>
              <SortHeader query={query} sort="reminded">Напоминание</SortHeader>
            </tr>
          </thead>
          {await htmlRows(dashboardRowsHtml(data.rows, spheres))}
        </table>
      </TableFrame>
      <Pagination page={data.page} pages={data.pages} hrefFor={(page) => `/monitoring${dashboardSearch(query, { page })}`} numbered />
    </div>
  );
}
