import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { filingGaps } from "@/lib/access/filing";
import { requireOrganization } from "@/lib/access/guards";
import { requestFormPage } from "@/lib/requests/filing";
import { CABINET_KIND_GENITIVE, kindOfSlug } from "@/lib/requests/labels";
import { BackLink } from "@/components/ui/BackLink";
import { FilingRefusal } from "../FilingRefusal";
import { CabinetRequestForm } from "./CabinetRequestForm";
import { FilingDetour, RequestStanding } from "./RequestStanding";

type Params = { params: Promise<{ kind: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const kind = kindOfSlug((await params).kind);
  return { title: kind ? `Заявка на создание ${CABINET_KIND_GENITIVE[kind]}` : "Подключение кабинета" };
}

const BACK = "/select-organization?change=1";

export default async function CabinetRequestPage({ params }: Params) {
  const kind = kindOfSlug((await params).kind);
  if (!kind) notFound();
  const { actor, organization: chosen } = await requireOrganization();
  const title = `Форма заявки на создание ${CABINET_KIND_GENITIVE[kind]}`;
  const heading = (
    <div className="space-y-2">
      <BackLink href="/registration">Назад к выбору кабинета</BackLink>
      <h1>{title}</h1>
      <p className="text-muted">{chosen.shortName} · ОГРН: {chosen.ogrn}</p>
    </div>
  );

  const gaps = filingGaps(actor, chosen.id);
  if (gaps.length > 0) {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        {heading}
        <FilingRefusal organizationName={chosen.shortName} gaps={gaps} />
      </div>
    );
  }

  const page = await requestFormPage(chosen.id, kind);
  const { organization, request, cabinet, mode, detour } = page;
  if (detour) {
    return (
      <Notice heading={heading}>
        <FilingDetour detour={detour} />
      </Notice>
    );
  }

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      {heading}
      <RequestStanding cabinet={cabinet} request={request} />

      {(mode !== "readonly" || request) && (
        <div className="card">
          <CabinetRequestForm
            kind={kind}
            mode={mode}
            request={request ? { id: request.id, version: request.version } : undefined}
            defaults={page.defaults}
            locked={page.locked}
            organizationId={organization.id}
            types={page.types}
            regions={page.regions.map((r) => ({ id: r.id, name: r.name }))}
            spheres={page.spheres}
            editorialOptions={page.editorialOptions}
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
