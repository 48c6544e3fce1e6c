import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireCabinet } from "@/lib/access/guards";
import { BackLink } from "@/components/ui/BackLink";
import { StatusBadge } from "@/components/ui/Status";
import { messageCard } from "@/lib/messages/card";
import { categoryLabel } from "@/lib/messages/categories";
import { MESSAGE_EVENT_LABELS, messageEventDetails, messageEventText } from "@/lib/messages/history";
import { allowedFrom, TRANSITIONS, type TTransition } from "@/lib/messages/workflow";
import { formatDateTime, formatDay } from "@/lib/ui/format";
import { MESSAGE_REJECTION, MESSAGE_RESOLUTION, MESSAGE_STAGE, MESSAGE_STATUS } from "@/lib/ui/strings";
import { MESSAGE_STAGE_LOOK, OVERDUE_LOOK } from "../status-look";
import {
  AcceptForm, AnswerForm, ApproveForm, AssignForm, CategorizeForm, DecideExtensionForm, ExtensionRequestForm, RedirectForm, RejectForm, ReturnForm,
} from "./MessageForms";

export const metadata: Metadata = { title: "Сообщение" };

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card space-y-3">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export default async function MessagePage({ params }: { params: Promise<{ lkoId: string; messageId: string }> }) {
  const { lkoId, messageId } = await params;
  const { cabinet, can, actor } = await requireCabinet(lkoId, "messages.view");
  const m = await messageCard(cabinet, messageId);
  if (!m) notFound();
  const refs = { messageId: m.id, version: m.version };
  const mine = actor.accounts.some((a) => a.active && a.accountId === m.executorId);
  // What the card offers: the transitions allowed from this state, to whom holds their capability (an executor's: on their own message).
  const offers = (t: TTransition) => allowedFrom(t, m) && can(TRANSITIONS[t].capability) && (!TRANSITIONS[t].assignedOnly || mine);

  return (
    <div className="space-y-6">
      <article className="card space-y-4">
        <BackLink href={`/admin/cabinets/${cabinet.lkoId}/messages`}>Назад к списку сообщений</BackLink>
        <h2>Сообщение № {m.number}</h2>
        <p className="flex flex-wrap items-center gap-3">
          <StatusBadge {...MESSAGE_STAGE_LOOK[m.stage]}>{MESSAGE_STAGE[m.stage]}</StatusBadge>
          <span>{MESSAGE_STATUS[m.status]}</span>
          {m.overdue ? <StatusBadge {...OVERDUE_LOOK}>Просрочено</StatusBadge> : null}
        </p>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="text-muted">Дата поступления</dt><dd>{formatDateTime(m.createdAt)}</dd>
          <dt className="text-muted">Категория</dt><dd>{categoryLabel(m.category)}{m.subcategory ? ` / ${m.subcategory}` : ""}</dd>
          <dt className="text-muted">Дата планируемого завершения</dt><dd>{formatDay(m.plannedOn)}</dd>
          {m.closedAt ? <><dt className="text-muted">Дата фактического завершения</dt><dd>{formatDateTime(m.closedAt)}</dd></> : null}
          {m.extensionUntil ? <><dt className="text-muted">Запрошен перенос срока</dt><dd>на {formatDay(m.extensionUntil)}: {m.extensionReason}</dd></> : null}
          <dt className="text-muted">Поступило в организацию</dt><dd>{m.receivedCabinet.name}</dd>
          <dt className="text-muted">Источник</dt><dd>{m.origin ? `виджет на сайте ${m.origin}` : "форма по прямой ссылке (например, из социальной сети)"}</dd>
          <dt className="text-muted">Заявитель</dt><dd>{m.authorName}</dd>
          <dt className="text-muted">Контакт для ответа</dt><dd>{m.contact}</dd>
          <dt className="text-muted">Согласие на обработку ПДн</dt><dd>дано {formatDateTime(m.consentAt)}</dd>
          <dt className="text-muted">Координатор</dt><dd>{m.coordinatorName ?? "—"}</dd>
          <dt className="text-muted">Исполнитель</dt><dd>{m.executorName ?? "не назначен"}</dd>
          <dt className="text-muted">Руководитель</dt><dd>{m.supervisorName ?? "—"}</dd>
          {m.rejection ? <><dt className="text-muted">Причина отклонения</dt><dd>{MESSAGE_REJECTION[m.rejection]}</dd></> : null}
          {m.resolution ? <><dt className="text-muted">Тип решения</dt><dd>{MESSAGE_RESOLUTION[m.resolution]}</dd></> : null}
          {m.rating ? <><dt className="text-muted">Оценка ответа заявителем</dt><dd>{m.rating} из 5, {m.resolvedByCitizen ? "«Решено»" : "«Не решено»"}</dd></> : null}
          {m.reReviews > 0 ? <><dt className="text-muted">Повторное рассмотрение</dt><dd>да ({m.reReviews})</dd></> : null}
        </dl>
        <div>
          <h3>Текст сообщения</h3>
          <p className="whitespace-pre-wrap">{m.text}</p>
        </div>
        {m.answerText && !offers("saveDraft") ? (
          <div>
            <h3>{m.stage === "CLOSED" ? "Ответ заявителю" : "Ответ (проект)"}</h3>
            <p className="whitespace-pre-wrap">{m.answerText}</p>
          </div>
        ) : null}
      </article>

      {offers("accept") || offers("reject") ? (
        <Panel title="Модерация">
          <div className="grid gap-6 md:grid-cols-2">
            {offers("accept") ? <AcceptForm {...refs} /> : null}
            {offers("reject") ? <RejectForm {...refs} /> : null}
          </div>
        </Panel>
      ) : null}
      {offers("assign") || offers("redirect") || offers("categorize") ? (
        <Panel title="Координация">
          {offers("categorize") ? <CategorizeForm {...refs} category={m.category} subcategory={m.subcategory} /> : null}
          <div className="grid gap-6 md:grid-cols-2">
            {offers("assign") ? <AssignForm {...refs} executors={m.executors} current={m.executorId} /> : null}
            {offers("redirect") && m.targets.length > 0 ? <RedirectForm {...refs} targets={m.targets} /> : null}
          </div>
        </Panel>
      ) : null}
      {offers("saveDraft") ? (
        <Panel title="Ответ заявителю">
          <AnswerForm {...refs} answerText={m.answerText} resolution={m.resolution} templates={m.templates} />
        </Panel>
      ) : null}
      {offers("requestExtension") ? (
        <Panel title="Перенос срока">
          <ExtensionRequestForm {...refs} />
        </Panel>
      ) : null}
      {offers("decideExtension") ? (
        <Panel title="Перенос срока обработки">
          <p>Исполнитель просит перенести срок с {formatDay(m.plannedOn)} на {m.extensionUntil ? formatDay(m.extensionUntil) : "—"}. Причина: {m.extensionReason}</p>
          <DecideExtensionForm {...refs} />
        </Panel>
      ) : null}
      {offers("approve") ? (
        <Panel title="Согласование ответа">
          <div className="grid gap-6 md:grid-cols-2">
            <ApproveForm {...refs} />
            <ReturnForm {...refs} />
          </div>
        </Panel>
      ) : null}

      <section className="card space-y-3">
        <h3>История</h3>
        <ol className="space-y-3">
          {m.history.map((e) => {
            const quote = messageEventText(e.data);
            const details = messageEventDetails(e.action, e.data);
            return (
              <li key={e.id} className="border-l-4 border-line pl-4">
                <p className="text-sm text-muted">{formatDateTime(e.at)}{e.actor ? ` · ${e.actor}` : e.action === "message.rated" || e.action === "message.re_review" ? " · заявитель" : ""}</p>
                <p className="font-medium">{MESSAGE_EVENT_LABELS[e.action] ?? "Изменение сообщения"}</p>
                {details ? <p className="text-sm">{details}</p> : null}
                {quote ? <blockquote className="whitespace-pre-wrap text-sm text-muted">{quote}</blockquote> : null}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
