import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { YesNo } from "@/components/status/StatusBadge";
import { Pagination } from "@/components/ui/Pagination";
import { TableFrame } from "@/components/ui/TableFrame";
import { PUBLIC_PAGE_SIZE, parsePublicQuery, publicStatus } from "@/lib/status/public";
import { percent } from "@/lib/status/model";
import { formatDateTime, formatDay, formatNumber } from "@/lib/ui/format";
import { portalUrl } from "@/lib/esia/config";
import { PublicCounts } from "../PublicCounts";

type Props = { params: Promise<{ oktmo: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Статус подключения учреждений" };

export default async function MunicipalityStatusPage({ params, searchParams }: Props) {
  const { oktmo } = await params;
  if (!/^\d{8,11}$/.test(oktmo)) notFound();
  const { page, q } = parsePublicQuery(await searchParams);
  const status = await publicStatus(oktmo, page, q);
  if (!status) notFound();
  const href = (p: number) => `/status/${oktmo}?${new URLSearchParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  const embed = `<iframe src="${portalUrl()}/status/${oktmo}/embed" title="Статус подключения учреждений к ПОС" width="100%" height="600" style="border:0"></iframe>`;
  return (
    <div className="space-y-6">
      <p><Link href="/status">← Все муниципальные образования</Link></p>
      <h1>Статус подключения учреждений: {status.name}</h1>
      {status.deadline && <p>Срок подключения — до <strong>{formatDay(new Date(status.deadline))}</strong>.</p>}
      <PublicCounts counts={status.counts} />
      <p data-testid="public-answered-in-time">{answeredInTimeText(status.answeredInTime)}</p>
      {status.organs.length > 1 && <OrgansTable organs={status.organs} />}
      <h2 className="text-xl">Учреждения</h2>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Поиск учреждения">
        <div>
          <label htmlFor="pq" className="field-label">Название учреждения</label>
          <input id="pq" name="q" defaultValue={q ?? ""} className="field-input py-2" />
        </div>
        <button type="submit" className="btn-primary px-5 py-2">Найти</button>
      </form>
      <TableFrame label="Учреждения">
        <table>
          <caption className="sr-only">Учреждения: кабинет, виджет, готовность</caption>
          <thead>
            <tr>
              <th scope="col" className="p-2">Учреждение</th>
              <th scope="col" className="p-2">Учредитель</th>
              <th scope="col" className="p-2">Кабинет подключён</th>
              <th scope="col" className="p-2">Виджет на сайте</th>
              <th scope="col" className="p-2">Подключение завершено</th>
            </tr>
          </thead>
          <tbody>
            {status.institutions.map((i, n) => (
              <tr key={`${i.name}-${n}`} className="border-t border-line" data-testid="public-row">
                <th scope="row" className="p-2 text-left font-medium">{i.name}</th>
                <td className="p-2">{i.organ ?? "—"}</td>
                <td className="p-2"><YesNo value={i.cabinetConnected} /></td>
                <td className="p-2"><YesNo value={i.widgetPlaced} yes="размещён" no="нет" none="нет сайта" /></td>
                <td className="p-2"><YesNo value={i.ready} yes="готово" no="нет" /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      <p>Найдено: {status.matching}. По {PUBLIC_PAGE_SIZE} на странице.</p>
      <Pagination page={status.page} pages={status.pages} hrefFor={href} />
      <p className="text-sm text-muted">Обновлено {formatDateTime(new Date(status.updatedAt))}. Подключено {percent(status.counts.ready, status.counts.total).toLocaleString("ru-RU")} % учреждений.</p>
      <section aria-labelledby="embed" className="card space-y-2">
        <h2 id="embed" className="text-lg">Для сайта администрации</h2>
        <p className="text-sm">Вставьте этот код на страницу сайта, чтобы показать статус подключения учреждений; данные в формате JSON: <a href={`/api/status?oktmo=${oktmo}`}><code>/api/status?oktmo={oktmo}</code></a>.</p>
        {/* Focusable and named: a keyboard user can scroll the long line (axe: scrollable-region-focusable). */}
        <pre tabIndex={0} role="region" aria-label="Код для вставки на сайт" className="overflow-x-auto rounded bg-surface p-3 text-xs"><code>{embed}</code></pre>
      </section>
    </div>
  );
}

/** Each founder's institutions: how many, with a cabinet, with the widget, connected. */
function OrgansTable({ organs }: { organs: NonNullable<Awaited<ReturnType<typeof publicStatus>>>["organs"] }) {
  return (
    <section aria-labelledby="by-organ" className="space-y-2">
      <h2 id="by-organ" className="text-xl">По учредителям</h2>
      <TableFrame label="По учредителям">
        <table>
          <caption className="sr-only">Число учреждений каждого учредителя: всего, с кабинетом, с виджетом на сайте, с завершённым подключением; доля сообщений граждан, отвеченных в срок</caption>
          <thead>
            <tr>
              <th scope="col" className="p-2">Учредитель</th>
              <th scope="col" className="p-2">Учреждений</th>
              <th scope="col" className="p-2">Кабинет подключён</th>
              <th scope="col" className="p-2">Виджет размещён</th>
              <th scope="col" className="p-2">Подключение завершено</th>
              <th scope="col" className="p-2">Ответы в срок</th>
            </tr>
          </thead>
          <tbody>
            {organs.map((o) => (
              <tr key={o.name} className="border-t border-line" data-testid="public-organ">
                <th scope="row" className="p-2 text-left font-medium">{o.name}</th>
                <td className="p-2">{o.total}</td>
                <td className="p-2">{o.cabinetConnected}</td>
                <td className="p-2">{o.widgetPlaced}</td>
                <td className="p-2">{o.ready} ({percent(o.ready, o.total).toLocaleString("ru-RU")} %)</td>
                <td className="p-2">{o.answeredInTime === null ? "—" : `${formatNumber(o.answeredInTime)} %`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </section>
  );
}

/** The answered-in-time share in words: answered, or still open past the planned day, counted in. */
function answeredInTimeText(share: number | null): string {
  return share === null
    ? "Сообщения граждан: ответов с наступившим сроком пока нет."
    : `Сообщения граждан отвечены в срок: ${formatNumber(share)} % (из отвеченных и тех, срок ответа на которые уже прошёл).`;
}
