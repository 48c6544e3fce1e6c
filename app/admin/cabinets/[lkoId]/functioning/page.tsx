import type { Metadata } from "next";
import Link from "next/link";
import { NAV } from "@/lib/ui/strings";
import { Name } from "@/components/ui/Name";
import { loadActor } from "@/lib/access/actor";
import { hasCabinetCapability } from "@/lib/access/policies";
import { requirePortalSession } from "@/lib/auth/session";
import { requireCabinetForActor } from "@/lib/cabinets/access";
import { portalUrl } from "@/lib/esia/config";
import { loadFunctioning } from "@/lib/functioning/queries";
import { missingReadiness, READINESS_POINTS } from "@/lib/functioning/readiness";
import { DEFAULT_BANNER_TEXT, DEFAULT_VARIANT, SOCIAL_SOURCES, bannerTextOf, socialLink, variantById } from "@/lib/widget/banner";
import { widgetCodes } from "@/lib/widget/codes";
import { formatSeenAt, widgetStatusText } from "@/lib/widget/placement";
import { SITE_CHECK_LABELS } from "@/lib/widget/site-verdict";
import { isOfficialOrigin, siteDomain } from "@/lib/functioning/official-site";
import { StatusGlyph, StatusText, type TStatusIcon, type TStatusTone } from "@/components/ui/Status";
import { TableFrame } from "@/components/ui/TableFrame";
import { formatNumber } from "@/lib/ui/format";
import { CopyButton } from "./CopyButton";
import { ReadinessForm } from "./ReadinessForm";
import { SiteCheckForm } from "./SiteCheckForm";
import { WidgetGenerator } from "./WidgetGenerator";

export const metadata: Metadata = { title: "Функционирование ЛКО" };

export default async function FunctioningPage({ params }: { params: Promise<{ lkoId: string }> }) {
  const { lkoId } = await params;
  const session = await requirePortalSession();
  const actor = await loadActor(session.person.id);
  const base = await requireCabinetForActor(actor, lkoId);
  const canEdit = await hasCabinetCapability(actor, "functioning.edit", base.id);
  const { cabinet, facts, widgetStatus, checks } = await loadFunctioning(base.id);
  const portalOrigin = new URL(portalUrl()).origin;
  const missing = missingReadiness(cabinet);
  const hasSite = Boolean(cabinet.officialSite) && !cabinet.noSite;
  const savedVariant = variantById(cabinet.widgetVariant) ?? variantById(DEFAULT_VARIANT)!;
  const savedText = cabinet.widgetBannerText ?? DEFAULT_BANNER_TEXT;
  const savedCodes = cabinet.widgetGeneratedAt ? widgetCodes({ portalOrigin, lkoId: cabinet.lkoId, variant: savedVariant, banner: bannerTextOf(savedText) }) : null;
  const widgetLook: { tone: TStatusTone; icon: TStatusIcon } = cabinet.noSite
    ? { tone: "neutral", icon: "dash" }
    // Placed on the official site but also elsewhere: worth a look, so not the plain success tone.
    : widgetStatus.state === "placed" ? (widgetStatus.otherDomains.length > 0 ? { tone: "warning", icon: "alert" } : { tone: "success", icon: "check" })
    : widgetStatus.state === "wrongDomain" ? { tone: "warning", icon: "alert" } : { tone: "danger", icon: "cross" };

  return (
    <div className="space-y-8">
      <section className="card space-y-3" aria-labelledby="summary-title">
        <h2 id="summary-title">Готовность ЛКО</h2>
        {missing.length === 0 ? (
          <p className="font-medium"><StatusText tone="success" icon="check">Все точки готовности проставлены{hasSite ? ", код виджета сгенерирован" : ""}.</StatusText></p>
        ) : (
          <>
            <p>Чтобы подключение было завершено, осталось:</p>
            <ul className="list-none space-y-1" aria-label="Что осталось сделать">
              {missing.map((m) => (
                <li key={m} className="flex items-start gap-2"><StatusGlyph icon="cross" className="mt-1.5 h-4 w-4 text-danger" />{m}</li>
              ))}
            </ul>
          </>
        )}
        <p data-testid="widget-status">
          <StatusText {...widgetLook}>{cabinet.noSite ? "Виджет не нужен: у учреждения нет сайта." : widgetStatusText(widgetStatus)}</StatusText>
        </p>
        {cabinet.readinessUpdatedAt ? <p className="text-sm text-muted">Точки готовности изменены {formatSeenAt(cabinet.readinessUpdatedAt)}.</p> : null}
      </section>

      <section className="card space-y-4" aria-labelledby="points-title">
        <h2 id="points-title">Функционирование ЛКО</h2>
        {canEdit ? (
          <ReadinessForm
            facts={facts}
            defaults={{
              cabinetId: cabinet.id, readyAccounts: cabinet.readyAccounts, readyResponsibles: cabinet.readyResponsibles, readyTraining: cabinet.readyTraining,
              readyToWork: cabinet.readyToWork, siteMode: cabinet.noSite ? "noSite" : "site", officialSite: cabinet.officialSite ?? "", noSiteReason: cabinet.noSiteReason ?? "",
            }}
          />
        ) : (
          <>
            <ul className="space-y-2">
              {READINESS_POINTS.map((p) => (
                <li key={p.key}>
                  {cabinet[p.key] ? <StatusText tone="success" icon="check">отмечено</StatusText> : <StatusText tone="danger" icon="cross">не отмечено</StatusText>}: {p.label}
                </li>
              ))}
            </ul>
            <p>Официальный сайт: {hasSite ? cabinet.officialSite : cabinet.noSite ? `нет сайта (${cabinet.noSiteReason})` : "не указан"}</p>
            <p className="text-sm text-muted">Изменять точки готовности и создавать виджет может администратор ЛКО.</p>
          </>
        )}
      </section>

      {!cabinet.noSite ? (
        <section className="card space-y-4" aria-labelledby="widget-title">
          <h2 id="widget-title">Виджет модуля сообщений ПОС</h2>
          <p>
            Выберите вариант оформления и текст баннера, сгенерируйте и скопируйте код и передайте его в техническую поддержку
            официального сайта{hasSite ? ` (${siteDomain(cabinet.officialSite!)})` : ""}. Как разместить код на сайте с политикой безопасности, в{" "}
            <Name>CMS</Name>, на <Name>React</Name> или <Name>Vue</Name> и как проверить размещение — на странице <Link href="/widget-guide">«{NAV.widgetGuide}»</Link>.
          </p>
          {canEdit ? (
            <WidgetGenerator
              cabinetId={cabinet.id}
              lkoId={cabinet.lkoId}
              saved={{ variant: savedVariant.id, bannerText: savedText, codes: savedCodes }}
              blockedReason={cabinet.status !== "ACTIVE" ? "Кабинет в архиве." : hasSite ? null : "Сначала укажите и сохраните адрес официального сайта выше."}
            />
          ) : (
            <p className="text-sm text-muted">{cabinet.widgetGeneratedAt ? `Код виджета сгенерирован ${formatSeenAt(cabinet.widgetGeneratedAt)}.` : "Код виджета еще не сгенерирован."}</p>
          )}
        </section>
      ) : null}

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

      {!cabinet.noSite ? (
        <section className="card space-y-4" aria-labelledby="check-title">
          <h2 id="check-title">Размещение виджета</h2>
          <p>
            Виджет сам сообщает порталу, на каком сайте его показали. Проверка ниже открывает главную страницу официального сайта и ищет
            код виджета, как это делают проверки региона.
          </p>
          {cabinet.placements.length > 0 ? (
            <TableFrame label="Где показывался виджет">
              <table>
                <caption className="sr-only">Где показывался виджет</caption>
                <thead>
                  <tr><th scope="col">Сайт</th><th scope="col">Впервые</th><th scope="col">Последний раз</th><th scope="col">Показов</th><th scope="col">Соответствие</th></tr>
                </thead>
                <tbody>
                  {cabinet.placements.map((p) => (
                    <tr key={p.origin}>
                      <td>{siteDomain(p.origin)}</td>
                      <td>{formatSeenAt(p.firstSeenAt)}</td>
                      <td>{formatSeenAt(p.lastSeenAt)}</td>
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
                  {c.outcome === "CORRECT" ? <StatusText tone="success" icon="check" className="font-medium">{SITE_CHECK_LABELS[c.outcome]}</StatusText> : <StatusText tone="danger" icon="cross" className="font-medium">{SITE_CHECK_LABELS[c.outcome]}</StatusText>} — {formatSeenAt(c.checkedAt)}, {c.url}
                  {c.details ? <span className="block break-words text-sm text-muted">{c.details}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
