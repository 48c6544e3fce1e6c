import type { Metadata } from "next";
import Link from "next/link";
import { requireCabinet } from "@/lib/access/guards";
import { portalUrl } from "@/lib/esia/config";
import { loadFunctioning } from "@/lib/functioning/queries";
import { READINESS_POINTS } from "@/lib/functioning/readiness";
import { DEFAULT_BANNER_TEXT, DEFAULT_VARIANT, bannerTextOf, variantById } from "@/lib/widget/banner";
import { widgetCodes } from "@/lib/widget/codes";
import { formatDateTime } from "@/lib/ui/format";
import { NAV } from "@/lib/ui/strings";
import { siteDomain } from "@/lib/functioning/official-site";
import { Name } from "@/components/ui/Name";
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
  const savedVariant = variantById(cabinet.widgetVariant) ?? variantById(DEFAULT_VARIANT)!;
  const savedText = cabinet.widgetBannerText ?? DEFAULT_BANNER_TEXT;
  const savedCodes = cabinet.widgetGeneratedAt ? widgetCodes({ portalOrigin, lkoId: cabinet.lkoId, variant: savedVariant, banner: bannerTextOf(savedText) }) : null;

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
            <p className="text-sm text-muted">{cabinet.widgetGeneratedAt ? `Код виджета сгенерирован ${formatDateTime(cabinet.widgetGeneratedAt)}.` : "Код виджета еще не сгенерирован."}</p>
          )}
        </section>
      ) : null}

      <SocialLinks portalOrigin={portalOrigin} cabinet={cabinet} />

      {!cabinet.noSite ? <PlacementSection cabinet={cabinet} checks={checks} hasSite={hasSite} /> : null}
    </div>
  );
}
