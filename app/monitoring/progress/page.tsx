import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/status/StatusBadge";
import { requireMonitoring } from "@/lib/access/guards";
import { loadProgress, type TOrganProgress } from "@/lib/status/deadline";
import { missingText, percent } from "@/lib/status/model";
import { formatDateTime, formatDay, formatNumber } from "@/lib/ui/format";
import { dashboardSearch } from "@/lib/status/query";
import { DeadlineForm } from "./DeadlineForm";
import { TableFrame } from "@/components/ui/TableFrame";

export const metadata: Metadata = { title: "Сроки и прогресс подключения" };

export default async function ProgressPage() {
  const { scope } = await requireMonitoring("/monitoring/progress");
  const progress = await loadProgress(scope);
  return (
    <div className="space-y-8">
      <section aria-labelledby="deadlines" className="card space-y-4">
        <h2 id="deadlines">Срок подключения</h2>
        {progress.municipalities.length === 0 && <p>Муниципальные образования не найдены.</p>}
        {progress.municipalities.map((m) => (
          <div key={m.id} className="space-y-2">
            <p>
              {m.name}: {m.deadline ? <strong data-testid="deadline">до {formatDay(m.deadline)}</strong> : "срок не установлен"}
              {m.deadline && m.deadline < new Date() && <span className="ml-2 font-medium text-danger">срок прошёл</span>}
            </p>
            {m.editable && <DeadlineForm municipalityId={m.id} municipalityName={m.name} deadline={m.deadline?.toISOString().slice(0, 10) ?? ""} />}
          </div>
        ))}
      </section>

      <section aria-labelledby="progress" className="card space-y-4">
        <h2 id="progress">Подключено к сроку</h2>
        <p className="text-sm text-muted">Доля учреждений со статусом «Подключено»: кабинет создан, учётные записи подтверждены, обучение отмечено, все точки готовности проставлены, виджет размещён на официальном сайте (если сайт есть).</p>
        <ProgressBar organ={progress.overall} strong />
        <ul className="space-y-3">
          {progress.organs.map((o) => (
            <li key={o.organId ?? "none"}>
              <ProgressBar organ={o} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="messages" className="card space-y-4">
        <h2 id="messages">Сообщения граждан по управлениям</h2>
        <p className="text-sm text-muted">Сообщения в кабинетах учреждений каждого управления (без отклонённых модератором): отвечено в срок — ответ направлен заявителю не позже плановой даты; просрочено сейчас — срок прошёл, ответа ещё нет.</p>
        <TableFrame label="Сообщения граждан по управлениям">
          <table>
            <caption className="sr-only">Сообщения граждан по управлениям: сколько поступило, отвечено в срок, просрочено сейчас, средняя оценка ответов</caption>
            <thead>
              <tr><th scope="col" className="p-2">Управление</th><th scope="col" className="p-2">Сообщений</th><th scope="col" className="p-2">Отвечено в срок</th><th scope="col" className="p-2">Просрочено сейчас</th><th scope="col" className="p-2">Средняя оценка</th></tr>
            </thead>
            <tbody>
              {[...progress.organs, progress.overall].map((o) => (
                <tr key={o === progress.overall ? "all" : (o.organId ?? "none")} className={`border-t border-line ${o === progress.overall ? "font-semibold" : ""}`} data-testid="organ-messages">
                  <th scope="row" className="p-2 text-left">{o.organName}</th>
                  <td className="p-2">{o.messages.messagesReceived}</td>
                  <td className="p-2">{o.messages.messagesInTime} из {o.messages.messagesAnswered}</td>
                  <td className={`p-2 ${o.messages.messagesOverdue > 0 ? "text-danger" : ""}`}>{o.messages.messagesOverdue}</td>
                  <td className="p-2">{o.messages.ratingAverage === null ? "—" : formatNumber(o.messages.ratingAverage)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </section>

      <section aria-labelledby="late" className="card space-y-4">
        <h2 id="late">Нарушили срок</h2>
        <p>
          Всего: <strong data-testid="late-total">{progress.overall.late}</strong>.{" "}
          {progress.overall.late > 0 && <Link href={`/monitoring${dashboardSearch({ late: "1" })}`}>Открыть список и напомнить</Link>}
        </p>
        {progress.late.length > 0 && (
          <TableFrame label="Нарушили срок">
          <table>
            <caption className="sr-only">Учреждения, не подключившиеся в срок (первые {progress.late.length})</caption>
            <thead>
              <tr><th scope="col" className="p-2">Организация</th><th scope="col" className="p-2">Управление</th><th scope="col" className="p-2">Статус</th><th scope="col" className="p-2">Что не выполнено</th><th scope="col" className="p-2">Напоминание</th></tr>
            </thead>
            <tbody>
              {progress.late.map((r) => (
                <tr key={r.organizationId} className="border-t border-line align-top">
                  <th scope="row" className="p-2 text-left font-medium">{r.name}</th>
                  <td className="p-2">{r.organName ?? "—"}</td>
                  <td className="p-2"><StatusBadge status={r.overall} /></td>
                  <td className="p-2">{r.missing.map(missingText).join("; ")}</td>
                  <td className="p-2">{r.remindedAt ? formatDateTime(r.remindedAt) : "не напоминали"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableFrame>
        )}
      </section>
    </div>
  );
}

function ProgressBar({ organ, strong }: { organ: TOrganProgress; strong?: boolean }) {
  const share = percent(organ.connected, organ.total);
  const label = `${organ.organName}: подключено ${organ.connected} из ${organ.total} (${share.toLocaleString("ru-RU")} %), нарушили срок: ${organ.late}`;
  return (
    <div>
      <div className={`flex flex-wrap justify-between gap-2 ${strong ? "font-semibold" : ""}`}>
        <span>{organ.organName}</span>
        <span>
          {organ.connected} из {organ.total} ({share.toLocaleString("ru-RU")} %){organ.late > 0 && <span className="text-danger"> · нарушили срок: {organ.late}</span>}
        </span>
      </div>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={share} className="mt-1 h-3 overflow-hidden rounded-full bg-line">
        <div className="h-full rounded-full bg-success" style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}
