// Where the widget and the citizens' form reach people: the links for social networks, what the
// server's checks of the official site found (they alone decide «размещен»), and where the loader
// reported being shown (hints).
import Link from "next/link";
import type { TFunctioning } from "@/lib/functioning/queries";
import { isOfficialOrigin, siteDomain } from "@/lib/functioning/official-site";
import { SOCIAL_SOURCES, socialLink } from "@/lib/widget/banner";
import { SITE_CHECK_LABELS, SITE_CHECK_TRIGGERS } from "@/lib/widget/site-verdict";
import { StatusText } from "@/components/ui/Status";
import { TableFrame } from "@/components/ui/TableFrame";
import { formatDateTime, formatNumber } from "@/lib/ui/format";
import { CopyButton } from "./CopyButton";
import { SiteCheckForm } from "./SiteCheckForm";

type TCabinet = TFunctioning["cabinet"];

export function SocialLinks({ portalOrigin, cabinet }: { portalOrigin: string; cabinet: TCabinet }) {
  return (
    <section className="card space-y-4" aria-labelledby="social-title">
      <h2 id="social-title">Ссылка на форму для социальных сетей</h2>
      <p>Разместите ссылку в сообществах учреждения: по меткам utm регион считает обращения из каждой сети.</p>
      <ul className="space-y-3">
        {SOCIAL_SOURCES.map((s) => {
          const link = socialLink({ portalOrigin, lkoId: cabinet.lkoId, source: s.source, regionCode: cabinet.region.code, ogrn: cabinet.organization.ogrn });
          return (
            <li key={s.source} className="space-y-1">
              <label htmlFor={`social-${s.source}`} className="field-label">{s.name}</label>
              <div className="flex flex-wrap items-center gap-3">
                <input id={`social-${s.source}`} readOnly value={link} className="field-input max-w-2xl font-mono text-sm" />
                <CopyButton text={link} targetId={`social-${s.source}`} done="Ссылка скопирована" />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function PlacementSection({ cabinet, checks, hasSite }: { cabinet: TCabinet; checks: TFunctioning["checks"]; hasSite: boolean }) {
  return (
    <section className="card space-y-4" aria-labelledby="check-title">
      <h2 id="check-title">Размещение виджета</h2>
      <p>
        Размещён ли виджет, решает только проверка сайта: портал сам открывает главную страницу официального сайта и ищет код
        виджета, как это делают проверки региона, — сразу после изменения адреса сайта или кода и затем каждый день.
        {cabinet.siteCheckDueAt ? ` Следующая проверка — ${formatDateTime(cabinet.siteCheckDueAt)}.` : ""}
      </p>
      <p className="text-sm text-muted">
        Проверка читает страницу такой, какой её отдаёт сервер сайта. Если строку загрузчика или место для баннера добавляет
        скрипт самой страницы (одностраничное приложение), проверка их не увидит: оставьте строку загрузчика в коде страницы
        (см. <Link href="/widget-guide">«Как разместить виджет»</Link>).
      </p>
      {cabinet.placements.length > 0 ? (
        <TableFrame label="Где загрузчик сообщал о показе (подсказка, не подтверждение)">
          <table>
            <caption className="sr-only">Где загрузчик сообщал о показе: эти сообщения может прислать кто угодно, размещение подтверждает только проверка сайта</caption>
            <thead>
              <tr><th scope="col">Сайт</th><th scope="col">Впервые</th><th scope="col">Последний раз</th><th scope="col">Показов</th><th scope="col">Соответствие</th></tr>
            </thead>
            <tbody>
              {cabinet.placements.map((p) => (
                <tr key={p.origin}>
                  <td>{siteDomain(p.origin)}</td>
                  <td>{formatDateTime(p.firstSeenAt)}</td>
                  <td>{formatDateTime(p.lastSeenAt)}</td>
                  <td>{formatNumber(p.hits)}</td>
                  <td>{hasSite && isOfficialOrigin(cabinet.officialSite, p.origin) ? <StatusText tone="success" icon="check">официальный сайт</StatusText> : <StatusText tone="warning" icon="alert">не официальный сайт</StatusText>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
      {hasSite ? <SiteCheckForm cabinetId={cabinet.id} /> : null}
      {checks.length > 0 ? (
        <ul className="space-y-2" aria-label="Последние проверки сайта">
          {checks.map((c) => (
            <li key={c.id}>
              {c.outcome === "CORRECT" ? <StatusText tone="success" icon="check" className="font-medium">{SITE_CHECK_LABELS[c.outcome]}</StatusText> : <StatusText tone="danger" icon="cross" className="font-medium">{SITE_CHECK_LABELS[c.outcome]}</StatusText>} — {formatDateTime(c.checkedAt)}, {c.url}, {SITE_CHECK_TRIGGERS[c.trigger]}
              {c.details ? <span className="block break-words text-sm text-muted">{c.details}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
