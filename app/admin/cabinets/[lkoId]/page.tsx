import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requireCabinet } from "@/lib/access/guards";
import { formatDate, formatDateTime, fullName } from "@/lib/ui/format";
import { cabinetCard } from "@/lib/cabinets/card";
import { StatusBadge, StatusText } from "@/components/ui/Status";
import { ConfirmDataForm } from "./ConfirmDataForm";
import { CABINET_KIND, CABINET_STATUS, CABINET_TYPE } from "@/lib/ui/strings";

export const metadata: Metadata = { title: "Данные ЛКО" };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[16rem_1fr]">
      <dt className="text-muted">{label}</dt>
      <dd>{children ?? "—"}</dd>
    </div>
  );
}

export default async function CabinetDataPage({ params }: { params: Promise<{ lkoId: string }> }) {
  const { lkoId } = await params;
  const { cabinet, can } = await requireCabinet(lkoId);
  const c = await cabinetCard(cabinet.id);
  const canConfirm = c.status === "ACTIVE" && can("cabinet.manage");
  const o = c.organization;
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="space-y-6">
        <section className="card" aria-labelledby="lko-title">
          <h2 id="lko-title" className="mb-2 text-xl">Кабинет</h2>
          <dl className="divide-y divide-line">
            <Row label="Уникальный номер ЛКО"><strong>{c.lkoId}</strong></Row>
            <Row label="Название кабинета">{c.name}</Row>
            <Row label="Вид">{CABINET_KIND[c.kind]}</Row>
            <Row label="Тип кабинета">{CABINET_TYPE[c.type]}</Row>
            <Row label="Статус">{c.status === "ACTIVE" ? <StatusBadge tone="success" icon="check">{CABINET_STATUS[c.status]}</StatusBadge> : <StatusBadge tone="neutral" icon="archive">{CABINET_STATUS[c.status]}</StatusBadge>}</Row>
            <Row label="Регион">{c.region.name}</Row>
            <Row label="Кабинет редакции">{c.editorialCabinet ? `${c.editorialCabinet.name} (ЛКО № ${c.editorialCabinet.lkoId})` : null}</Row>
            <Row label="Сферы деятельности">{c.spheres.length ? c.spheres.map((s) => s.sphere.name).join(", ") : null}</Row>
            <Row label="Электронная почта кабинета">{c.email}</Row>
            <Row label="Создан">{formatDate(c.createdAt)}</Row>
          </dl>
        </section>
        <section className="card" aria-labelledby="esia-title">
          <h2 id="esia-title" className="mb-1 text-xl">Организация по данным ЕСИА</h2>
          <p className="mb-2 text-sm text-muted">Обновляются при входе сотрудников через Госуслуги; последнее обновление {formatDateTime(o.updatedAt)}. Исправить их можно в профиле организации на Госуслугах.</p>
          <dl className="divide-y divide-line">
            <Row label="Полное наименование">{o.fullName}</Row>
            <Row label="Краткое наименование">{o.shortName}</Row>
            <Row label="ОГРН">{o.ogrn}</Row>
            <Row label="ИНН">{o.inn}</Row>
            <Row label="КПП">{o.kpp}</Row>
            <Row label="Идентификатор в ЕСИА">{o.esiaOid}</Row>
            <Row label="Орган, в ведении которого находится">{o.parent?.shortName}</Row>
            <Row label="Муниципальное образование">{o.municipality ? `${o.municipality.name} (ОКТМО ${o.municipality.oktmo})` : null}</Row>
            <Row label="Электронная почта">{o.email}</Row>
            <Row label="Телефон">{o.phone}</Row>
          </dl>
        </section>
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
