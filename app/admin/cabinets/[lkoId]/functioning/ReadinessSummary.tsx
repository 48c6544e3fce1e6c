// «Готовность ЛКО»: what is left to do before the cabinet counts as connected, and where the widget stands.
import type { TFunctioning } from "@/lib/functioning/queries";
import { missingReadiness } from "@/lib/functioning/readiness";
import { widgetStatusText } from "@/lib/widget/placement";
import { StatusGlyph, StatusText, type TStatusIcon, type TStatusTone } from "@/components/ui/Status";
import { formatDateTime } from "@/lib/ui/format";

function widgetLook(cabinet: TFunctioning["cabinet"], widgetStatus: TFunctioning["widgetStatus"]): { tone: TStatusTone; icon: TStatusIcon } {
  if (cabinet.noSite) return { tone: "neutral", icon: "dash" };
  // Placed on the official site but also reported elsewhere: worth a look, so not the plain success tone.
  if (widgetStatus.state === "placed") return widgetStatus.alsoOn.length > 0 ? { tone: "warning", icon: "alert" } : { tone: "success", icon: "check" };
  return widgetStatus.state === "notWorking" ? { tone: "warning", icon: "alert" } : { tone: "danger", icon: "cross" };
}

export function ReadinessSummary({ cabinet, widgetStatus, hasSite }: { cabinet: TFunctioning["cabinet"]; widgetStatus: TFunctioning["widgetStatus"]; hasSite: boolean }) {
  const missing = missingReadiness(cabinet);
  return (
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
        <StatusText {...widgetLook(cabinet, widgetStatus)}>{cabinet.noSite ? "Виджет не нужен: у учреждения нет сайта." : widgetStatusText(widgetStatus)}</StatusText>
      </p>
      {cabinet.readinessUpdatedAt ? <p className="text-sm text-muted">Точки готовности изменены {formatDateTime(cabinet.readinessUpdatedAt)}.</p> : null}
    </section>
  );
}
