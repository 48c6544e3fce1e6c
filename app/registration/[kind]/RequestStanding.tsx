// Where the organization's request stands (cabinet created, on review, rejected), and where the
// instruction sends it instead of this form.
import Link from "next/link";
import { StatusPanel } from "@/components/ui/Status";
import type { TFilingDetour, TRegistration } from "@/lib/requests/filing";
import { KIND_SLUG } from "@/lib/requests/labels";
import { formatLongDate, sentence } from "@/lib/ui/format";

export function RequestStanding({ cabinet, request }: Pick<TRegistration, "cabinet" | "request">) {
  return cabinet ? (
    <StatusPanel tone="success" icon="check" title={`Кабинет создан. Уникальный номер ЛКО: ${cabinet.lkoId}`}>
      <p className="text-sm">
        Работа с кабинетом — в разделе <Link href="/admin">«Администрирование ЛКО»</Link>.
      </p>
    </StatusPanel>
  ) : request?.status === "PENDING" ? (
    <StatusPanel tone="warning" icon="clock" title="Ваша заявка на подключение кабинета находится на рассмотрении">
      <p className="text-sm">
        {sentence(`Заявка подана ${formatLongDate(request.revision.submittedAt)}${request.revision.number > 1 ? ` (редакция ${request.revision.number})` : ""}`)}{" "}
        Результат рассмотрения придёт на {request.revision.email}.
      </p>
    </StatusPanel>
  ) : request?.status === "REJECTED" ? (
    <StatusPanel tone="danger" icon="cross" role="alert" title="Ваша заявка на подключение кабинета отклонена по причине:">
      <p className="whitespace-pre-line italic" data-testid="rejection-reason">{request.rejectionReason}</p>
      <p className="font-medium">Исправьте параметры заявки и снова верните на рассмотрение</p>
    </StatusPanel>
  ) : null;
}

export function FilingDetour({ detour }: { detour: TFilingDetour }) {
  return detour === "editorialFirst" ? (
    <>
      <p>
        Создание рабочего кабинета РОИВ или ОМСУ возможно только после создания кабинета редакции. Сначала подайте заявку на
        кабинет редакции вашей организации.
      </p>
      <Link href={`/registration/${KIND_SLUG.EDITORIAL}`} className="btn-primary">Заявка на кабинет редакции</Link>
    </>
  ) : (
    <>
      <p>
        Кабинет редакции создают РОИВ, ОМСУ и территориальные органы РОИВ. Вашей организации нужен рабочий кабинет: он будет
        привязан к кабинету редакции органа, в ведении которого она находится.
      </p>
      <Link href={`/registration/${KIND_SLUG.WORK}`} className="btn-primary">Заявка на рабочий кабинет</Link>
    </>
  );
}
