import type { ReactNode } from "react";
import Link from "next/link";
import { Tabs } from "@/components/ui/Tabs";
import { loadActor } from "@/lib/access/actor";
import { requirePortalSession } from "@/lib/auth/session";
import { requireCabinetForActor } from "@/lib/cabinets/access";

export default async function CabinetLayout({ children, params }: { children: ReactNode; params: Promise<{ lkoId: string }> }) {
  const { lkoId } = await params;
  const session = await requirePortalSession();
  const cabinet = await requireCabinetForActor(await loadActor(session.person.id), lkoId);
  const base = `/admin/cabinets/${cabinet.lkoId}`;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm"><Link href="/admin">← Все кабинеты</Link></p>
        <h1>{cabinet.name}</h1>
        <p className="text-muted">
          {cabinet.kind === "EDITORIAL" ? "Кабинет редакции" : "Рабочий кабинет"} · Уникальный номер ЛКО: <strong className="text-ink">{cabinet.lkoId}</strong>
        </p>
      </div>
      <Tabs
        label="Разделы кабинета"
        items={[
          { href: base, label: "Данные ЛКО" },
          { href: `${base}/accounts`, label: "Учетные записи" },
          { href: `${base}/functioning`, label: "Функционирование ЛКО" },
          { href: `${base}/messages`, label: "Сообщения" },
          { href: `${base}/history`, label: "История" },
        ]}
      />
      {children}
    </div>
  );
}
