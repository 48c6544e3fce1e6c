import type { Metadata } from "next";
import type { ConnectionOverall } from "@/lib/db/generated/enums";
import { requireMonitoring } from "@/lib/access/guards";
import { monitoredOrgans } from "@/lib/status/dashboard";
import { progressByOrgan, sumProgress } from "@/lib/status/deadline";
import { OVERALL, OVERALL_ORDER, percent } from "@/lib/status/model";
import { formatDay } from "@/lib/ui/format";
import { ensureTodaySnapshot, snapshotHistory } from "@/lib/status/snapshots";
import { TableFrame } from "@/components/ui/TableFrame";

export const metadata: Metadata = { title: "Диаграммы подключения" };

// Tones as fills, each status also shown by its word in the legend and in the tables.
/** Numbers drawn on a segment: white on the dark fills, dark on the light ones (contrast ≥ 4.5). */
const ON_FILL: Record<ConnectionOverall, string> = {
  NOT_STARTED: "text-white",
  REJECTED: "text-ink",
  PENDING: "text-ink",
  IN_PROGRESS: "text-white",
  CONNECTED: "text-white",
};

const FILL: Record<ConnectionOverall, string> = {
  NOT_STARTED: "bg-danger",
  REJECTED: "bg-[#f7a8b4]",
  PENDING: "bg-[#f0a400]",
  IN_PROGRESS: "bg-brand",
  CONNECTED: "bg-success",
};

export default async function ChartsPage() {
  const { scope } = await requireMonitoring("/monitoring/charts");
  await ensureTodaySnapshot();
  const organs = await progressByOrgan(scope);
  const all = sumProgress(organs);
  const history = await snapshotHistory((await monitoredOrgans(scope)).map((o) => o.id));
  return (
    <div className="space-y-8">
      <Legend />
      <section aria-labelledby="by-organ" className="card space-y-4">
        <h2 id="by-organ">Статусы по управлениям</h2>
        <ul className="space-y-3" aria-hidden="true">
          {[...organs, all].map((o) => (
            <li key={o.organId ?? "all"}>
              <p className={o === all ? "font-semibold" : ""}>{o.organName} <span className="text-muted">({o.total})</span></p>
              <StackedBar counts={o.counts} total={o.total} />
            </li>
          ))}
        </ul>
        <details>
          <summary className="cursor-pointer text-brand">Таблица: статусы по управлениям</summary>
          <CountsTable caption="Число учреждений по статусам в каждом управлении" rows={[...organs, all].map((o) => ({ label: o.organName, counts: o.counts, total: o.total }))} first="Управление" />
        </details>
      </section>

      <section aria-labelledby="over-time" className="card space-y-4">
        <h2 id="over-time">Статусы по дням</h2>
        <p className="text-sm text-muted">Снимок делается раз в день (и обновляется в течение дня); показаны последние 60 дней.</p>
        {history.length === 0 ? (
          <p>Снимков ещё нет.</p>
        ) : (
          <figure className="space-y-2" aria-hidden="true">
            <div className="flex gap-2">
              <div className="flex h-48 flex-col justify-between text-right text-xs text-muted">
                <span>100 %</span>
                <span>50 %</span>
                <span>0 %</span>
              </div>
              <div className="flex-1 overflow-x-auto">
                <div className="flex h-48 items-end gap-1 border-b border-l border-line">
                  {history.map((d) => (
                    <div key={d.day.toISOString()} className="flex h-full w-6 shrink-0 flex-col-reverse" title={`${formatDay(d.day)}: подключено ${d.counts.CONNECTED} из ${d.total}`}>
                      {OVERALL_ORDER.map((s) => (
                        <div key={s} className={FILL[s]} style={{ height: `${percent(d.counts[s], d.total)}%` }} />
                      ))}
                    </div>
                  ))}
                </div>
                <div className="flex gap-1 pt-1 text-xs text-muted">
                  {history.map((d, i) => (
                    <span key={d.day.toISOString()} className="w-6 shrink-0 overflow-visible whitespace-nowrap">
                      {i === 0 || i === history.length - 1 || i % 7 === 0 ? formatDay(d.day).slice(0, 5) : ""}
                    </span>
                  ))}
                </div>
              </div>
            </div>
          </figure>
        )}
        {history.length > 0 && (
          <p>
            Подключено на {formatDay(history.at(-1)!.day)}: <strong>{history.at(-1)!.counts.CONNECTED}</strong> из {history.at(-1)!.total}
            {history.length > 1 && <> (на {formatDay(history[0].day)} — {history[0].counts.CONNECTED} из {history[0].total})</>}.
          </p>
        )}
        <details>
          <summary className="cursor-pointer text-brand">Таблица: статусы по дням</summary>
          <CountsTable caption="Число учреждений по статусам на каждый день" rows={history.map((d) => ({ label: formatDay(d.day), counts: d.counts, total: d.total }))} first="День" />
        </details>
      </section>
    </div>
  );
}

function Legend() {
  return (
    <ul className="flex flex-wrap gap-4 text-sm" aria-label="Условные обозначения">
      {OVERALL_ORDER.map((s) => (
        <li key={s} className="flex items-center gap-2">
          <span aria-hidden="true" className={`inline-block h-3 w-6 rounded ${FILL[s]}`} />
          {OVERALL[s].label}
        </li>
      ))}
    </ul>
  );
}

function StackedBar({ counts, total }: { counts: Record<ConnectionOverall, number>; total: number }) {
  return (
    <div className="mt-1 flex h-6 overflow-hidden rounded bg-line text-xs font-bold leading-6">
      {OVERALL_ORDER.map((s) => (
        <div key={s} className={`${FILL[s]} ${ON_FILL[s]} overflow-hidden text-center`} style={{ width: `${percent(counts[s], total)}%` }} title={`${OVERALL[s].label}: ${counts[s]}`}>
          {percent(counts[s], total) >= 6 ? counts[s] : ""}
        </div>
      ))}
    </div>
  );
}

function CountsTable({ caption, rows, first }: { caption: string; rows: Array<{ label: string; counts: Record<ConnectionOverall, number>; total: number }>; first: string }) {
  return (
    <TableFrame label={caption}>
      <table>
        <caption className="px-4 py-2 text-left text-muted">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="p-2">{first}</th>
            {OVERALL_ORDER.map((s) => <th key={s} scope="col" className="p-2">{OVERALL[s].label}</th>)}
            <th scope="col" className="p-2">Всего</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-t border-line">
              <th scope="row" className="p-2 text-left font-medium">{r.label}</th>
              {OVERALL_ORDER.map((s) => <td key={s} className="p-2">{r.counts[s]}</td>)}
              <td className="p-2">{r.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
