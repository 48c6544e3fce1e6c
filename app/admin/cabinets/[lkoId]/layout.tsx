import type { ReactNode } from "react";
import { BackLink } from "@/components/ui/BackLink";
import { Tabs } from "@/components/ui/Tabs";
import { CABINET_KIND, CABINET_TABS } from "@/lib/ui/strings";
import { requireCabinet } from "@/lib/access/guards";

export default async function CabinetLayout({ children, params }: { children: ReactNode; params: Promise<{ lkoId: string }> }) {
  const { lkoId } = await params;
  const { cabinet } = await requireCabinet(lkoId);
  const base = `/admin/cabinets/${cabinet.lkoId}`;
  return (
    <div className="space-y-6">
      <div>
        <BackLink href="/admin">Назад к списку кабинетов</BackLink>
        <h1 className="mt-2">{cabinet.name}</h1>
        <p className="text-muted">
          {CABINET_KIND[cabinet.kind]} · Уникальный номер ЛКО: <strong className="text-ink">{cabinet.lkoId}</strong>
        </p>
      </div>
      <Tabs
        label="Разделы кабинета"
        items={[
          { href: base, label: CABINET_TABS.data },
          { href: `${base}/accounts`, label: CABINET_TABS.accounts },
          { href: `${base}/functioning`, label: CABINET_TABS.functioning },
          { href: `${base}/messages`, label: CABINET_TABS.messages },
          { href: `${base}/history`, label: CABINET_TABS.history },
        ]}
      />
      {children}
    </div>
  );
}
