import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { categoryLabel } from "@/lib/messages/categories";
import { getCabinetMessage } from "@/lib/messages/inbox";
import { formatDateTime } from "@/lib/ui/format";
import { BackLink } from "@/components/ui/BackLink";
import { StatusBadge } from "@/components/ui/Status";
import { MESSAGE_STATUS_LOOK } from "../status-look";
import { requireCabinet } from "@/lib/access/guards";
import { StatusForm } from "../StatusForm";
import { MESSAGE_STATUS } from "@/lib/ui/strings";

export const metadata: Metadata = { title: "Сообщение" };

export default async function MessagePage({ params }: { params: Promise<{ lkoId: string; messageId: string }> }) {
  const { lkoId, messageId } = await params;
  const { cabinet } = await requireCabinet(lkoId, "messages.handle");
  const m = await getCabinetMessage(cabinet.id, messageId);
  if (!m) notFound();
  return (
    <article className="card space-y-4">
      <BackLink href={`/admin/cabinets/${cabinet.lkoId}/messages`}>Назад к списку сообщений</BackLink>
      <h2>{categoryLabel(m.category)}</h2>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">Статус</dt><dd><StatusBadge {...MESSAGE_STATUS_LOOK[m.status]}>{MESSAGE_STATUS[m.status]}</StatusBadge></dd>
        <dt className="text-muted">Поступило</dt><dd>{formatDateTime(m.createdAt)}</dd>
        <dt className="text-muted">Источник</dt><dd>{m.origin ? `виджет на сайте ${m.origin}` : "форма по прямой ссылке (например, из социальной сети)"}</dd>
        <dt className="text-muted">Автор</dt><dd>{m.authorName}</dd>
        <dt className="text-muted">Контакт для ответа</dt><dd>{m.contact}</dd>
        <dt className="text-muted">Согласие на обработку ПДн</dt><dd>дано {formatDateTime(m.consentAt)}</dd>
      </dl>
      <div>
        <h3>Текст сообщения</h3>
        <p className="whitespace-pre-wrap">{m.text}</p>
      </div>
      <StatusForm messageId={m.id} status={m.status} />
    </article>
  );
}
