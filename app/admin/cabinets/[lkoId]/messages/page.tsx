import type { Metadata } from "next";
import Link from "next/link";
import type { MessageStatus } from "@/lib/db";
import { categoryLabel } from "@/lib/messages/categories";
import { listCabinetMessages } from "@/lib/messages/inbox";
import { formatDateTime } from "@/lib/ui/format";
import { siteDomain } from "@/lib/functioning/official-site";
import { EmptyState } from "@/components/ui/EmptyState";
import { Pagination } from "@/components/ui/Pagination";
import { StatusBadge } from "@/components/ui/Status";
import { countOf } from "@/lib/ui/format";
import { MESSAGE_STATUS, WORDS } from "@/lib/ui/strings";
import { MESSAGE_STATUS_LOOK } from "./status-look";
import { requireCabinet } from "@/lib/access/guards";

export const metadata: Metadata = { title: "Сообщения" };

export default async function MessagesPage({ params, searchParams }: { params: Promise<{ lkoId: string }>; searchParams: Promise<{ status?: string; page?: string }> }) {
  const { lkoId } = await params;
  const { cabinet, can } = await requireCabinet(lkoId);
  if (!can("messages.handle")) return <p className="card">Сообщения граждан видят администраторы ЛКО, кураторы и модераторы сообщений этого кабинета.</p>;
  const q = await searchParams;
  const status = q.status && q.status in MESSAGE_STATUS ? (q.status as MessageStatus) : undefined;
  const { items, total, page, pages, byStatus } = await listCabinetMessages(cabinet.id, { status, page: Number(q.page) || 1 });
  const base = `/admin/cabinets/${cabinet.lkoId}/messages`;
  const filters: Array<{ key?: MessageStatus; label: string; count: number }> = [
    { label: "Все", count: byStatus.NEW + byStatus.IN_PROGRESS + byStatus.ANSWERED },
    ...(["NEW", "IN_PROGRESS", "ANSWERED"] as const).map((k) => ({ key: k, label: MESSAGE_STATUS[k], count: byStatus[k] })),
  ];

  return (
    <div className="space-y-6">
      <h2>Сообщения граждан</h2>
      <nav aria-label="Отбор по статусу">
        <ul className="flex flex-wrap gap-2">
          {filters.map((f) => (
            <li key={f.label}>
              <Link href={f.key ? `${base}?status=${f.key}` : base} aria-current={status === f.key ? "page" : undefined}
                className={`inline-block rounded-full border px-4 py-1 no-underline ${status === f.key ? "border-brand bg-brand-light text-ink" : "border-line"}`}>
                {f.label}: {f.count}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 ? (
        status ? (
          <EmptyState title="Сообщений с таким статусом нет" action={<Link href={base} className="btn-secondary">Показать все сообщения</Link>} />
        ) : (
          <EmptyState title="Сообщений пока нет" action={<Link href={`/admin/cabinets/${cabinet.lkoId}/functioning`} className="btn-secondary">Функционирование ЛКО</Link>}>
            Они появятся, когда граждане напишут через виджет на сайте учреждения или по ссылке из социальных сетей. Код виджета и ссылки —
            на вкладке «Функционирование ЛКО».
          </EmptyState>
        )
      ) : (
        <ul className="space-y-3" aria-label="Сообщения">
          {items.map((m) => (
            <li key={m.id} className="card space-y-1 p-4">
              <p className="flex flex-wrap items-center gap-x-4 text-sm">
                <StatusBadge {...MESSAGE_STATUS_LOOK[m.status]}>{MESSAGE_STATUS[m.status]}</StatusBadge>
                <span className="text-muted">{formatDateTime(m.createdAt)}</span>
                <span className="text-muted">{m.origin ? `с сайта ${siteDomain(m.origin)}` : "по прямой ссылке"}</span>
              </p>
              <p className="font-medium"><Link href={`${base}/${m.id}`}>{categoryLabel(m.category)}</Link></p>
              <p className="line-clamp-2 text-muted">{m.text}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} total={`всего ${countOf(total, WORDS.message)}`} hrefFor={(p) => `${base}?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`} />
    </div>
  );
}
