import "server-only";
// Emails about a decision on a cabinet request, sent to the address the applicant gave (issue 4).
import type { CabinetKind } from "@/lib/db";
import { portalUrl } from "@/lib/esia/config";
import type { EmailDraft } from "@/lib/mail/outbox";
import { renderEmail } from "@/lib/mail/layout";
import { CABINET_KIND_GENITIVE, KIND_SLUG } from "./labels";

interface Notice {
  requestId: string;
  revision: number;
  kind: CabinetKind;
  cabinetName: string;
  organizationName: string;
  to: string;
}

export const REJECTED_SUBJECT = "Заявка на подключение кабинета отклонена";
export const APPROVED_SUBJECT = "Заявка на подключение кабинета одобрена";

export function rejectionNotice(n: Notice & { reason: string }): EmailDraft {
  return {
    to: n.to,
    subject: REJECTED_SUBJECT,
    dedupeKey: `request-decided:${n.requestId}:${n.revision}`,
    ...renderEmail({
      title: REJECTED_SUBJECT,
      paragraphs: [
        `Заявка на создание ${CABINET_KIND_GENITIVE[n.kind]} «${n.cabinetName}» организации ${n.organizationName} отклонена по причине: ${n.reason}`,
        "Исправьте параметры заявки и снова верните на рассмотрение: войдите в портал через Госуслуги, выберите организацию и нажмите «Создать кабинет».",
      ],
      action: { label: "Исправить заявку", url: `${portalUrl()}/registration/${KIND_SLUG[n.kind]}` },
    }),
  };
}

export function approvalNotice(n: Notice & { lkoId: number }): EmailDraft {
  return {
    to: n.to,
    subject: APPROVED_SUBJECT,
    dedupeKey: `request-decided:${n.requestId}:${n.revision}`,
    ...renderEmail({
      title: APPROVED_SUBJECT,
      paragraphs: [
        `Заявка на создание ${CABINET_KIND_GENITIVE[n.kind]} «${n.cabinetName}» организации ${n.organizationName} одобрена, кабинет создан.`,
        `Уникальный номер ЛКО: ${n.lkoId}.`,
        "Подавший заявку сотрудник стал администратором ЛКО: войдите в портал через Госуслуги, чтобы пройти обучение, добавить пользователей и подготовить кабинет к работе.",
      ],
      action: { label: "Перейти в кабинет", url: `${portalUrl()}/admin` },
    }),
  };
}
