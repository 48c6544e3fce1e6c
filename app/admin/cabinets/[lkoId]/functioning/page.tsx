import type { Metadata } from "next";
import { requireCabinet } from "@/lib/access/guards";
import { portalUrl } from "@/lib/esia/config";
import { loadFunctioning } from "@/lib/functioning/queries";
import { READINESS_POINTS } from "@/lib/functioning/readiness";
import { DEFAULT_BANNER_TEXT, DEFAULT_VARIANT } from "@/lib/widget/banner";
import { formatDateTime } from "@/lib/ui/format";
import { siteDomain } from "@/lib/functioning/official-site";
import { StatusText } from "@/components/ui/Status";
import { PlacementSection, SocialLinks } from "./Placement";
import { ReadinessForm } from "./ReadinessForm";
import { ReadinessSummary } from "./ReadinessSummary";
import { WidgetGenerator } from "./WidgetGenerator";

export const metadata: Metadata = { title: "Функционирование ЛКО" };

export default async function FunctioningPage({ params }: { params: Promise<{ lkoId: string }> }) {
  const { lkoId } = await params;
  const guarded = await requireCabinet(lkoId);
  const canEdit = guarded.can("functioning.edit");
  const { cabinet, facts, widgetStatus, checks } = await loadFunctioning(guarded.cabinet.id);
  const portalOrigin = new URL(portalUrl()).origin;
  const hasSite = Boolean(cabinet.officialSite) && !cabinet.noSite;

  return (
    <div className="space-y-8">
      <ReadinessSummary cabinet={cabinet} widgetStatus={widgetStatus} hasSite={hasSite} />

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
            официального сайта{hasSite ? ` (${siteDomain(cabinet.officialSite!)})` : ""}.
          </p>
          {canEdit ? (
            <WidgetGenerator
              cabinetId={cabinet.id}
              lkoId={cabinet.lkoId}
              portalOrigin={portalOrigin}
              saved={{ variant: cabinet.widgetVariant ?? DEFAULT_VARIANT, bannerText: cabinet.widgetBannerText ?? DEFAULT_BANNER_TEXT, generated: Boolean(cabinet.widgetGeneratedAt) }}
              blockedReason={cabinet.status !== "ACTIVE" ? "Кабинет в архиве." : hasSite ? null : "Сначала укажите и сохраните адрес официального сайта выше."}
            />
          ) : (
            <p className="text-sm text-muted">{cabinet.widgetGeneratedAt ? `Код виджета сгенерирован ${formatDateTime(cabinet.widgetGeneratedAt)}.` : "Код виджета еще не сгенерирован."}</p>
          )}
        </section>
      ) : null}

      <SocialLinks portalOrigin={portalOrigin} cabinet={cabinet} />

      {!cabinet.noSite ? <PlacementSection cabinet={cabinet} checks={checks} hasSite={hasSite} /> : null}
    </div>
  );
}
