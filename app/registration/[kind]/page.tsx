import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadActor } from "@/lib/access/actor";
import { filingGaps } from "@/lib/access/policies";
import { requireOrganizationSession } from "@/lib/auth/session";
import { loadRegistration } from "@/lib/requests/filing";
import { CABINET_KIND_GENITIVE, CABINET_TYPE_LABEL, KIND_SLUG, kindOfSlug } from "@/lib/requests/labels";
import { editorialFits, isOrganType, typesForKind } from "@/lib/requests/rules";
import { BackLink } from "@/components/ui/BackLink";
import { StatusPanel } from "@/components/ui/Status";
import { formatLongDate, sentence } from "@/lib/ui/format";
import { FilingRefusal } from "../FilingRefusal";
import { CabinetRequestForm, type LockedFields, type RequestFormValues } from "./CabinetRequestForm";

type Params = { params: Promise<{ kind: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const kind = kindOfSlug((await params).kind);
  return { title: kind ? `Заявка на создание ${CABINET_KIND_GENITIVE[kind]}` : "Подключение кабинета" };
}

const BACK = "/select-organization?change=1";

export default async function CabinetRequestPage({ params }: Params) {
  const kind = kindOfSlug((await params).kind);
  if (!kind) notFound();
  const session = await requireOrganizationSession();
  const title = `Форма заявки на создание ${CABINET_KIND_GENITIVE[kind]}`;
  const heading = (
    <div className="space-y-2">
      <BackLink href="/registration">Назад к выбору кабинета</BackLink>
      <h1>{title}</h1>
      <p className="text-muted">{session.organization.shortName} · ОГРН: {session.organization.ogrn}</p>
    </div>
  );

  const gaps = filingGaps(await loadActor(session.person.id), session.organization.id);
  if (gaps.length > 0) {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        {heading}
        <FilingRefusal organizationName={session.organization.shortName} gaps={gaps} />
      </div>
    );
  }

  const reg = await loadRegistration(session.organization.id, kind);
  const { organization, request, cabinet, ownEditorial } = reg;
  const mode = cabinet || request?.status === "PENDING" || request?.status === "APPROVED" ? "readonly" : request?.status === "REJECTED" ? "resubmit" : "new";

  // The instruction's order: an organ's work cabinet after its editorial cabinet; an editorial cabinet is an organ's.
  if (mode === "new" && kind === "WORK" && !ownEditorial && isOrganType(organization.kind)) {
    return (
      <Notice heading={heading}>
        <p>
          Создание рабочего кабинета РОИВ или ОМСУ возможно только после создания кабинета редакции. Сначала подайте заявку на
          кабинет редакции вашей организации.
        </p>
        <Link href={`/registration/${KIND_SLUG.EDITORIAL}`} className="btn-primary">Заявка на кабинет редакции</Link>
      </Notice>
    );
  }
  if (mode === "new" && kind === "EDITORIAL" && organization.kind && !isOrganType(organization.kind)) {
    return (
      <Notice heading={heading}>
        <p>
          Кабинет редакции создают РОИВ, ОМСУ и территориальные органы РОИВ. Вашей организации нужен рабочий кабинет: он будет
          привязан к кабинету редакции органа, в ведении которого она находится.
        </p>
        <Link href={`/registration/${KIND_SLUG.WORK}`} className="btn-primary">Заявка на рабочий кабинет</Link>
      </Notice>
    );
  }

  const types = typesForKind(kind);
  const revision = request?.revision;
  const defaultType = organization.kind && types.includes(organization.kind) ? organization.kind : "";
  const regionId = revision?.regionId ?? ownEditorial?.regionId ?? organization.regionId;
  const parentEditorial = reg.editorialOptions.find((o) => o.id === reg.parentEditorialId);
  const defaults: RequestFormValues = revision
    ? { name: revision.name, regionId, type: revision.type, editorialCabinetId: revision.editorialCabinetId ?? "", sphereIds: revision.sphereIds, email: revision.email }
    : {
        name: "", regionId, type: defaultType, email: "", sphereIds: [],
        editorialCabinetId: defaultType && parentEditorial && editorialFits({ type: defaultType, regionId, organizationId: organization.id }, parentEditorial) ? parentEditorial.id : "",
      };
  let locked: LockedFields | null = null;
  if (ownEditorial) {
    Object.assign(defaults, { regionId: ownEditorial.regionId, type: ownEditorial.type, editorialCabinetId: ownEditorial.id, sphereIds: ownEditorial.sphereIds });
    locked = {
      regionName: reg.regions.find((r) => r.id === ownEditorial.regionId)?.name ?? "",
      typeLabel: CABINET_TYPE_LABEL[ownEditorial.type],
      editorialName: `${ownEditorial.name} (ЛКО № ${ownEditorial.lkoId})`,
      sphereNames: reg.spheres.filter((s) => ownEditorial.sphereIds.includes(s.id)).map((s) => s.name),
    };
  }

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      {heading}
      {cabinet ? (
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
      ) : null}

      {(mode !== "readonly" || revision) && (
        <div className="card">
          <CabinetRequestForm
            kind={kind}
            mode={mode}
            request={request ? { id: request.id, version: request.version } : undefined}
            defaults={defaults}
            locked={locked}
            organizationId={organization.id}
            types={types}
            regions={reg.regions.map((r) => ({ id: r.id, name: r.name }))}
            spheres={reg.spheres}
            editorialOptions={reg.editorialOptions}
            backHref={BACK}
          />
        </div>
      )}
      {mode !== "readonly" && (
        <p className="text-sm text-muted">
          {kind === "WORK"
            ? "Заявка на регистрацию кабинета будет направлена на рассмотрение в орган, в ведении которого находится ваша организация (для рабочих кабинетов РОИВ и ОМСУ — региональному оператору ПОС)."
            : "Заявка на кабинет редакции будет направлена на рассмотрение региональному оператору ПОС."}{" "}
          Результат рассмотрения будет направлен на указанную электронную почту.
        </p>
      )}
    </div>
  );
}

function Notice({ heading, children }: { heading: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      {heading}
      <div className="card space-y-4" role="status">{children}</div>
    </div>
  );
}
