import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/status/StatusBadge";
import { TableFrame } from "@/components/ui/TableFrame";
import { requireMonitoring } from "@/lib/status/access";
import { loadDashboard, type TDashboardRow } from "@/lib/status/dashboard";
import { CABINET_STATE, MISSING_SHORT, OVERALL, OVERALL_ORDER, SITE_STATE, WIDGET_ICON, WIDGET_STATE, formatDate, formatDateTime, widgetSeenText } from "@/lib/status/model";
import { SITE_CHECK_LABELS } from "@/lib/widget/site-verdict";
import { siteDomain } from "@/lib/functioning/official-site";
import { dashboardSearch, parseDashboardQuery, PAGE_SIZES, SORT_KEYS, SORT_LABELS, type TDashboardQuery, type TSortKey } from "@/lib/status/query";
import { compareNatural } from "@/lib/db/natural-order";
import { RemindForm, RowRemindForm, ROW_REMIND_FORM } from "./RemindForm";

export const metadata: Metadata = { title: "Мониторинг подключения" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MonitoringPage({ searchParams }: { searchParams: SearchParams }) {
  const { scope } = await requireMonitoring();
  const query = parseDashboardQuery(await searchParams);
  const data = await loadDashboard(scope, query);
  const view = dashboardSearch(query, { page: 1 });
  const spheres = new Map(data.spheres.map((s) => [s.id, s.name]));
  const first = data.total === 0 ? 0 : (Math.min(query.page, Math.max(1, Math.ceil(data.total / query.size))) - 1) * query.size + 1;
  const last = Math.min(data.total, first + data.rows.length - 1);
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
          {data.total === 0 ? "Учреждений не найдено." : `Показаны ${first}–${last} из ${data.total}`}
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
        <table className="min-w-[1040px]">
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
              <SortHeader query={query} sort="reminded">Напоминание</SortHeader>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <Row key={r.organizationId} row={r} spheres={spheres} />
            ))}
          </tbody>
        </table>
      </TableFrame>
      <Pager query={query} total={data.total} />
    </div>
  );
}

function Row({ row: r, spheres }: { row: TDashboardRow; spheres: Map<string, string> }) {
  const approved = r.cabinetState === "APPROVED";
  const seen = widgetSeenText(r.widgetDetail);
  return (
    <tr className="border-t border-line align-top" data-testid="institution-row" data-ogrn={r.ogrn}>
      <th scope="row" className="p-2 text-left font-medium">
        <span className="block" data-testid="institution-name">{r.name}</span>
        <span className="block text-xs font-normal text-muted">ОГРН {r.ogrn}</span>
        {r.sphereIds.length > 0 && <span className="block text-xs font-normal text-muted">{r.sphereIds.map((id) => spheres.get(id) ?? id).sort(compareNatural).join(", ")}</span>}
      </th>
      <td className="p-2" data-testid="institution-status" data-status={r.overall}>
        <StatusBadge status={r.overall} />
        {r.late && <span className="mt-1 block text-xs font-medium text-danger">срок {formatDate(r.deadline)} нарушен</span>}
        {r.missing.length > 0 && r.overall === "IN_PROGRESS" && (
          <span className="mt-1 block text-xs" data-testid="missing">не выполнено: {r.missing.map((m) => MISSING_SHORT[m] ?? m).join(", ")}</span>
        )}
      </td>
      <td className="p-2">{r.organName ?? "—"}</td>
      <td className="p-2">
        {CABINET_STATE[r.cabinetState]}
        {r.lkoId !== null && <span className="block text-xs text-muted">ЛКО № {r.lkoId}</span>}
      </td>
      <td className="p-2">
        {approved ? (
          <>
            <span className="block">подтверждены: {r.accountsConfirmed} из {r.accountsTotal}</span>
            <span className="block">обучение: {r.accountsTrained} из {r.accountsConfirmed}</span>
          </>
        ) : "—"}
        {r.expiredInvitations > 0 && <span className="block text-xs text-danger">приглашение истекло: {r.expiredInvitations}</span>}
      </td>
      <td className="p-2">
        {approved ? `${r.readyPoints} из 4` : "—"}
      </td>
      <td className="p-2">
        <span className="block [overflow-wrap:anywhere]">{r.officialSite ? siteDomain(r.officialSite) : SITE_STATE[r.site]}</span>
        <span className="block">
          <span aria-hidden="true">{WIDGET_ICON[r.widget]} </span>
          виджет: {WIDGET_STATE[r.widget].toLowerCase()}
        </span>
        {seen && <span className="block text-xs text-muted">{seen}</span>}
        {r.siteCheck && (
          <span className="block text-xs text-muted">
            проверка сайта: {SITE_CHECK_LABELS[r.siteCheck.outcome].toLowerCase()}, {formatDateTime(r.siteCheck.checkedAt)}
          </span>
        )}
      </td>
      <td className="p-2">
        {r.remindedAt ? <span className="block text-xs" data-testid="reminded-at">{formatDateTime(r.remindedAt)}</span> : <span className="block text-xs text-muted">не напоминали</span>}
        {r.overall !== "CONNECTED" && (
          // One form for every row (RowRemindForm above the table): the button names the institution.
          <button type="submit" form={ROW_REMIND_FORM} name="organizationId" value={r.organizationId} className="btn-secondary mt-1 px-3 py-1 text-sm">
            Напомнить<span className="sr-only">: {r.name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

function SortHeader({ query, sort, children, className = "" }: { query: TDashboardQuery; sort: TSortKey; children: string; className?: string }) {
  const active = query.sort === sort;
  const nextDir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className={`p-2 ${className}`} aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={`/monitoring${dashboardSearch(query, { sort, dir: nextDir, page: 1 })}`} className="font-semibold">
        {children}
        {active && <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span>}
        <span className="sr-only">{active ? (query.dir === "asc" ? ", по возрастанию" : ", по убыванию") : ", сортировать"}</span>
      </Link>
    </th>
  );
}

function Pager({ query, total }: { query: TDashboardQuery; total: number }) {
  const pages = Math.max(1, Math.ceil(total / query.size));
  const page = Math.min(query.page, pages);
  if (pages === 1) return null;
  const around = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav aria-label="Страницы" className="flex flex-wrap items-center gap-2">
      {page > 1 && <Link className="btn-secondary px-3 py-1" href={`/monitoring${dashboardSearch(query, { page: page - 1 })}`}>← Назад</Link>}
      {around.map((p, i) => (
        <span key={p} className="flex items-center gap-2">
          {i > 0 && around[i - 1] !== p - 1 && <span aria-hidden="true">…</span>}
          {p === page ? (
            <span aria-current="page" className="rounded-lg bg-brand px-3 py-1 text-white">{p}</span>
          ) : (
            <Link className="rounded-lg px-3 py-1" href={`/monitoring${dashboardSearch(query, { page: p })}`} aria-label={`Страница ${p}`}>{p}</Link>
          )}
        </span>
      ))}
      {page < pages && <Link className="btn-secondary px-3 py-1" href={`/monitoring${dashboardSearch(query, { page: page + 1 })}`}>Вперёд →</Link>}
    </nav>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: Array<[string, string]> }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className="field-label text-sm">{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""} className="field-input py-2">
        <option value="">Все</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  );
}

function Filters({ query, organs, spheres }: { query: TDashboardQuery; organs: Array<{ id: string; name: string }>; spheres: Array<{ id: string; name: string }> }) {
  return (
    <form method="get" action="/monitoring" className="card space-y-4 p-4" role="search" aria-label="Отбор учреждений">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <label htmlFor="f-q" className="field-label text-sm">Поиск</label>
          <input id="f-q" name="q" defaultValue={query.q ?? ""} className="field-input py-2" placeholder="Название, ОГРН, ИНН или номер ЛКО" aria-describedby="f-q-hint" />
          <p id="f-q-hint" className="field-hint">Часть названия или номер целиком.</p>
        </div>
        <Select name="organ" label="Учредитель / управление" value={query.organ} options={organs.map((o) => [o.id, o.name])} />
        <Select name="sphere" label="Сфера" value={query.sphere} options={spheres.map((s) => [s.id, s.name])} />
        <Select name="status" label="Статус" value={query.status} options={OVERALL_ORDER.map((s) => [s, OVERALL[s].label])} />
        <Select name="cabinet" label="Кабинет" value={query.cabinet} options={Object.entries(CABINET_STATE)} />
        <Select name="accounts" label="Учётные записи" value={query.accounts} options={[["done", "Все подтверждены"], ["missing", "Подтверждены не все"]]} />
        <Select name="training" label="Обучение" value={query.training} options={[["done", "Отмечено у всех"], ["missing", "Отмечено не у всех"]]} />
        <Select name="ready" label="Готовность" value={query.ready} options={[["all", "Все 4 точки"], ["partial", "Не все точки"]]} />
        <Select name="site" label="Официальный сайт" value={query.site} options={Object.entries(SITE_STATE)} />
        <Select name="widget" label="Виджет" value={query.widget} options={Object.entries(WIDGET_STATE)} />
        <Select name="reminded" label="Напоминание" value={query.reminded} options={[["yes", "Напоминали"], ["no", "Не напоминали"]]} />
        <div className="flex items-end">
          <label className="flex items-center gap-2 py-2">
            <input type="checkbox" name="late" value="1" defaultChecked={query.late === "1"} className="h-5 w-5 accent-brand" />
            Только нарушившие срок
          </label>
        </div>
        <div>
          <label htmlFor="f-sort" className="field-label text-sm">Сортировать по</label>
          <select id="f-sort" name="sort" defaultValue={query.sort} className="field-input py-2">
            {SORT_KEYS.map((k) => <option key={k} value={k}>{SORT_LABELS[k]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="f-dir" className="field-label text-sm">Порядок</label>
          <select id="f-dir" name="dir" defaultValue={query.dir} className="field-input py-2">
            <option value="asc">По возрастанию</option>
            <option value="desc">По убыванию</option>
          </select>
        </div>
        <div>
          <label htmlFor="f-size" className="field-label text-sm">Строк на странице</label>
          <select id="f-size" name="size" defaultValue={String(query.size)} className="field-input py-2">
            {PAGE_SIZES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="btn-primary px-5 py-2">Показать</button>
        <Link href="/monitoring" className="btn-secondary px-5 py-2">Сбросить</Link>
      </div>
    </form>
  );
}
