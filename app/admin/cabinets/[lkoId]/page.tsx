import type { Metadata } from "next";
import { requireCabinet } from "@/lib/access/guards";
import { formatDate, formatDateTime, fullName } from "@/lib/ui/format";
import { cabinetCard } from "@/lib/cabinets/card";
import { EsiaOrganizationFacts } from "@/components/organizations/EsiaOrganizationFacts";
import { Facts } from "@/components/ui/Facts";
import { Section } from "@/components/ui/Section";
import { StatusText } from "@/components/ui/Status";
import { html } from "@/lib/ui/html";
import { statusBadgeHtml } from "@/lib/ui/status-html";
import { ConfirmDataForm } from "./ConfirmDataForm";
import { CABINET_KIND, CABINET_STATUS, CABINET_TYPE } from "@/lib/ui/strings";

export const metadata: Metadata = { title: "Данные ЛКО" };

export default async function CabinetDataPage({ params }: { params: Promise<{ lkoId: string }> }) {
  const { lkoId } = await params;
  const { cabinet, can } = await requireCabinet(lkoId);
  const c = await cabinetCard(cabinet.id);
  const canConfirm = c.status === "ACTIVE" && can("cabinet.manage");
  const o = c.organization;
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="space-y-6">
        <Section id="lko-title" title="Кабинет">
          <Facts
            rows={[
              ["Уникальный номер ЛКО", html`<strong>${c.lkoId}</strong>`],
              ["Название кабинета", c.name],
              ["Вид", CABINET_KIND[c.kind]],
              ["Тип кабинета", CABINET_TYPE[c.type]],
              ["Статус", statusBadgeHtml(c.status === "ACTIVE" ? { tone: "success", icon: "check" } : { tone: "neutral", icon: "archive" }, CABINET_STATUS[c.status])],
              ["Регион", c.region.name],
              ["Кабинет редакции", c.editorialCabinet ? `${c.editorialCabinet.name} (ЛКО № ${c.editorialCabinet.lkoId})` : null],
              ["Сферы деятельности", c.spheres.length ? c.spheres.map((s) => s.sphere.name).join(", ") : null],
              ["Электронная почта кабинета", c.email],
              ["Создан", formatDate(c.createdAt)],
            ]}
          />
        </Section>
        <Section id="esia-title" title="Организация по данным ЕСИА">
          <p className="text-sm text-muted">Обновляются при входе сотрудников через Госуслуги; последнее обновление {formatDateTime(o.updatedAt)}. Исправить их можно в профиле организации на Госуслугах.</p>
          <EsiaOrganizationFacts organization={o} />
        </Section>
      </div>
      <aside className="card h-fit space-y-4" aria-labelledby="actual-title">
        <h2 id="actual-title" className="text-xl">Данные актуальны</h2>
        {c.dataConfirmedAt ? (
          <p>
            <StatusText tone="success" icon="check">Подтверждено {formatDateTime(c.dataConfirmedAt)}</StatusText>
            {c.confirmedBy ? `, ${fullName(c.confirmedBy)}` : ""}.
          </p>
        ) : (
          <p><StatusText tone="warning" icon="alert">Актуальность данных ещё не подтверждена.</StatusText></p>
        )}
        {canConfirm ? (
          <>
            <p className="text-sm text-muted">Проверьте данные кабинета и организации. Если всё верно — подтвердите; дата подтверждения видна администраторам.</p>
            <ConfirmDataForm cabinetId={c.id} />
          </>
        ) : null}
      </aside>
    </div>
  );
}
