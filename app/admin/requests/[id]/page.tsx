import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RequestStatusBadge } from "@/components/requests/RequestStatusBadge";
import { BackLink } from "@/components/ui/BackLink";
import { EsiaOrganizationFacts } from "@/components/organizations/EsiaOrganizationFacts";
import { Facts } from "@/components/ui/Facts";
import { Section } from "@/components/ui/Section";
import { StatusPanel } from "@/components/ui/Status";
import { requireReviewer } from "@/lib/access/guards";
import { REQUEST_FIELD_LABEL } from "@/lib/requests/labels";
import { loadRequestCard, type TRequestCard } from "@/lib/requests/review";
import { formatDateTime, fullName, type TPersonName } from "@/lib/ui/format";
import { ApproveForm, RejectForm } from "./DecisionForms";
import { CABINET_KIND, CABINET_TYPE } from "@/lib/ui/strings";

export const metadata: Metadata = { title: "Заявка на подключение" };

const fio = (p: TPersonName | null) => (p ? fullName(p) : "—");

export default async function RequestCardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireReviewer(`/admin/requests/${encodeURIComponent(id)}`);
  const card = await loadRequestCard(actor, id);
  // Another organ's request is not confirmed to exist.
  if (!card) notFound();
  const { organization: org, applicant, membership } = card;
  const current = card.revisions[card.revisions.length - 1];

  return (
    <div className="space-y-6">
      <BackLink href="/admin/requests">Назад к списку заявок</BackLink>
      <div className="flex flex-wrap items-center gap-3">
        <h1>{org.shortName}</h1>
        <RequestStatusBadge status={card.status} />
      </div>
      <p className="text-muted">
        Заявка на создание: {CABINET_KIND[card.kind].toLowerCase()} · подана {formatDateTime(card.createdAt)} · редакция № {card.currentRevision}
      </p>

      {card.status === "APPROVED" && card.cabinet && (
        <StatusPanel tone="success" icon="check" title={<>Заявка одобрена {card.decidedAt ? formatDateTime(card.decidedAt) : ""}. Создан кабинет «{card.cabinet.name}», уникальный номер ЛКО: <strong>{card.cabinet.lkoId}</strong>.</>} />
      )}
      {card.status === "REJECTED" && (
        <StatusPanel tone="danger" icon="cross" title={`Заявка отклонена ${card.decidedAt ? formatDateTime(card.decidedAt) : ""} по причине:`}>
          <p className="italic">{card.rejectionReason}</p>
          <p className="text-sm">Заявитель исправит её и вернёт на рассмотрение.</p>
        </StatusPanel>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="Организация по данным ЕСИА">
          <EsiaOrganizationFacts
            organization={org}
            extra={[
              ["Регион", org.region.name],
              ["Вид организации на портале", org.kind ? CABINET_TYPE[org.kind] : "ещё не известен (станет известен после одобрения)"],
            ]}
          />
        </Section>
        <Section title="Заявитель">
          <Facts
            rows={[
              ["ФИО", fio(applicant)],
              ["Должность", membership?.position ?? "—"],
              ["Роль в профиле организации в ЕСИА", membership ? [membership.chief && "Руководитель", membership.admin && "Администратор"].filter(Boolean).join(", ") || "Сотрудник" : "не прикреплён к организации"],
              ["Группы доступа в ЕСИА", membership?.groups.map((g) => g.group.name).join(", ") || "—"],
              ["Электронная почта в ЕСИА", applicant.email ?? "—"],
              ["Телефон", applicant.mobile ?? "—"],
              ["Сведения ЕСИА обновлены", membership ? formatDateTime(membership.syncedAt) : "—"],
            ]}
          />
        </Section>
      </div>

      <Section title={`Параметры заявки (редакция № ${current.number})`}>
        <RevisionFacts revision={current} />
      </Section>

      {card.status === "PENDING" && (
        <Section title="Решение">
          <div className="grid gap-8 lg:grid-cols-2">
            <div>
              <h3 className="mb-2">Одобрить</h3>
              <ApproveForm
                requestId={card.id}
                version={card.version}
                summary={`Будет создан ${CABINET_KIND[card.kind].toLowerCase()} «${current.name}» с уникальным номером ЛКО${current.editorialCabinet ? `, привязанный к кабинету редакции «${current.editorialCabinet.name}»` : ""}; заявитель станет его администратором. Письмо придёт на ${current.email}.`}
              />
            </div>
            <div>
              <h3 className="mb-2">Отклонить</h3>
              <RejectForm requestId={card.id} version={card.version} templates={card.templates.map((t) => ({ id: t.id, text: t.text, own: t.organizationId !== null }))} />
            </div>
          </div>
        </Section>
      )}

      <Section title="История редакций">
        <ol className="space-y-4">
          {[...card.revisions].reverse().map((r) => (
            <li key={r.number} className="rounded-xl border border-line p-4">
              <h3>Редакция № {r.number}</h3>
              <p className="text-sm text-muted">Подана {formatDateTime(r.submittedAt)}, {fio(r.author)}</p>
              {r.number > 1 &&
                (r.changes.length === 0 ? (
                  <p className="mt-2 text-sm">По сравнению с редакцией № {r.number - 1} ничего не изменено.</p>
                ) : (
                  <table className="mt-2 w-full text-left text-sm">
                    <caption className="text-left font-medium">Изменено по сравнению с редакцией № {r.number - 1}</caption>
                    <thead className="text-muted">
                      <tr>
                        <th scope="col" className="py-1 pr-4">Поле</th>
                        <th scope="col" className="py-1 pr-4">Было</th>
                        <th scope="col" className="py-1">Стало</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.changes.map((c) => (
                        <tr key={c.field} className="border-t border-line">
                          <th scope="row" className="py-1 pr-4 font-medium">{c.label}</th>
                          <td className="py-1 pr-4"><del>{c.before}</del></td>
                          <td className="py-1"><ins className="no-underline font-medium">{c.after}</ins></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ))}
              <p className="mt-2 text-sm">
                {r.decision === "REJECTED" ? (
                  <>Отклонена {r.decidedAt ? formatDateTime(r.decidedAt) : ""} ({fio(r.reviewer)}): {r.reason}</>
                ) : r.decision === "APPROVED" ? (
                  <>Одобрена {r.decidedAt ? formatDateTime(r.decidedAt) : ""} ({fio(r.reviewer)})</>
                ) : (
                  <>На рассмотрении</>
                )}
              </p>
              {r.number !== current.number && (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm text-brand">Параметры редакции № {r.number}</summary>
                  <RevisionFacts revision={r} />
                </details>
              )}
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}

function RevisionFacts({ revision: r }: { revision: TRequestCard["revisions"][number] }) {
  return (
    <Facts
      rows={[
        [REQUEST_FIELD_LABEL.name, r.name],
        [REQUEST_FIELD_LABEL.regionId, r.region.name],
        [REQUEST_FIELD_LABEL.type, CABINET_TYPE[r.type]],
        [REQUEST_FIELD_LABEL.editorialCabinetId, r.editorialCabinet ? `${r.editorialCabinet.name} (ЛКО № ${r.editorialCabinet.lkoId}${r.editorialCabinet.organization.shortName !== r.editorialCabinet.name ? `, ${r.editorialCabinet.organization.shortName}` : ""})` : "—"],
        [REQUEST_FIELD_LABEL.sphereIds, r.sphereNames.join(", ") || "—"],
        [REQUEST_FIELD_LABEL.email, r.email],
      ]}
    />
  );
}
