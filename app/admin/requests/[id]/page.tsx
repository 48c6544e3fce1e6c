import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RequestStatusBadge } from "@/components/requests/RequestStatusBadge";
import { BackLink } from "@/components/ui/BackLink";
import { EsiaOrganizationFacts } from "@/components/organizations/EsiaOrganizationFacts";
import { Facts } from "@/components/ui/Facts";
import { Section } from "@/components/ui/Section";
import { StatusPanel } from "@/components/ui/Status";
import { requireReviewer } from "@/lib/access/guards";
import { loadRequestCard, type TRequestCard } from "@/lib/requests/review";
import { formatDateTime, fullName } from "@/lib/ui/format";
import { RevisionFacts, RevisionHistory } from "./RevisionHistory";
import { ApproveForm, RejectForm } from "./DecisionForms";
import { CABINET_KIND, CABINET_TYPE } from "@/lib/ui/strings";

export const metadata: Metadata = { title: "Заявка на подключение" };

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
          <ApplicantFacts applicant={applicant} membership={membership} />
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

      <RevisionHistory revisions={card.revisions} current={current.number} />
    </div>
  );
}

/** The applicant as ЕСИА knows them in the organization: name, position, role, groups. */
function ApplicantFacts({ applicant, membership }: Pick<TRequestCard, "applicant" | "membership">) {
  return (
    <Facts
      rows={[
        ["ФИО", fullName(applicant)],
        ["Должность", membership?.position ?? "—"],
        ["Роль в профиле организации в ЕСИА", membership ? [membership.chief && "Руководитель", membership.admin && "Администратор"].filter(Boolean).join(", ") || "Сотрудник" : "не прикреплён к организации"],
        ["Группы доступа в ЕСИА", membership?.groups.map((g) => g.group.name).join(", ") || "—"],
        ["Электронная почта в ЕСИА", applicant.email ?? "—"],
        ["Телефон", applicant.mobile ?? "—"],
        ["Сведения ЕСИА обновлены", membership ? formatDateTime(membership.syncedAt) : "—"],
      ]}
    />
  );
}
