import "server-only";
// The applicant's side of a cabinet request (issue 4): what the form shows, and the instruction's
// rules checked against the database before a request or a new revision is stored.
import { db, type CabinetKind, type CabinetType, type DbTx, type OrganizationKind } from "@/lib/db";
import { ActionError } from "@/lib/actions/errors";
import { CABINET_TYPE } from "@/lib/ui/strings";
import { editorialFits, isOrganType, typesForKind, type EditorialOption } from "./rules";
import type { TCabinetRequestForm } from "./schemas";

const editorialSelect = {
  id: true, lkoId: true, name: true, type: true, regionId: true, organizationId: true,
  organization: { select: { shortName: true } },
  spheres: { select: { sphereId: true } },
} as const;

type EditorialRow = {
  id: string; lkoId: number; name: string; type: CabinetType; regionId: string; organizationId: string;
  organization: { shortName: string }; spheres: Array<{ sphereId: string }>;
};

const toOption = (c: EditorialRow): EditorialOption => ({
  id: c.id, lkoId: c.lkoId, name: c.name, type: c.type, regionId: c.regionId, organizationId: c.organizationId,
  organizationName: c.organization.shortName, sphereIds: c.spheres.map((s) => s.sphereId),
});

/** Active editorial cabinets of a region: the «Редакция» choices (the form filters them by type). */
export async function editorialOptions(regionId: string, client: DbTx = db): Promise<EditorialOption[]> {
  const rows = await client.cabinet.findMany({
    where: { kind: "EDITORIAL", status: "ACTIVE", regionId },
    orderBy: [{ nameSortKey: "asc" }, { lkoId: "asc" }],
    select: editorialSelect,
  });
  return rows.map(toOption);
}

/** The organization's own active editorial cabinet: it fixes Регион, Тип, Редакция and Сферы of its work cabinet. */
export async function ownEditorialCabinet(organizationId: string, client: DbTx = db): Promise<EditorialOption | null> {
  const row = await client.cabinet.findFirst({ where: { organizationId, kind: "EDITORIAL", status: "ACTIVE" }, select: editorialSelect });
  return row ? toOption(row) : null;
}

/** The organization whose ЛКО holds the region's operator role: it reviews organs' editorial cabinets. */
export async function regionOperatorOrganizationId(regionId: string, client: DbTx = db): Promise<string | null> {
  const account = await client.account.findFirst({
    where: { status: "CONFIRMED", roles: { some: { role: "REGION_OPERATOR" } }, cabinet: { regionId, status: "ACTIVE" } },
    orderBy: { createdAt: "asc" },
    select: { cabinet: { select: { organizationId: true } } },
  });
  return account?.cabinet.organizationId ?? null;
}

const requestSelect = {
  id: true, kind: true, status: true, version: true, currentRevision: true, rejectionReason: true, decidedAt: true, createdAt: true,
  cabinet: { select: { lkoId: true, name: true } },
  revisions: {
    orderBy: { number: "desc" },
    take: 1,
    select: { number: true, name: true, regionId: true, type: true, editorialCabinetId: true, sphereIds: true, email: true, submittedAt: true },
  },
} as const;

/** Everything the request form page needs for the organization and cabinet kind. */
export async function loadRegistration(organizationId: string, kind: CabinetKind) {
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      id: true, shortName: true, fullName: true, ogrn: true, kind: true, regionId: true,
      parent: { select: { id: true, shortName: true, cabinets: { where: { kind: "EDITORIAL", status: "ACTIVE" }, select: { id: true } } } },
    },
  });
  const [cabinet, request, ownEditorial, regions, spheres] = await Promise.all([
    db.cabinet.findUnique({ where: { organizationId_kind: { organizationId, kind } }, select: { lkoId: true, name: true, status: true } }),
    // The open request if there is one, otherwise the latest.
    db.cabinetRequest.findFirst({ where: { organizationId, kind }, orderBy: [{ createdAt: "desc" }], select: requestSelect }).then(async (latest) =>
      latest && latest.status === "APPROVED"
        ? ((await db.cabinetRequest.findFirst({ where: { organizationId, kind, status: { in: ["PENDING", "REJECTED"] } }, select: requestSelect })) ?? latest)
        : latest,
    ),
    ownEditorialCabinet(organizationId),
    db.region.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    db.sphere.findMany({ orderBy: { nameSortKey: "asc" }, select: { id: true, name: true } }),
  ]);
  const revision = request?.revisions[0] ?? null;
  const regionId = revision?.regionId ?? ownEditorial?.regionId ?? organization.regionId;
  return {
    organization,
    cabinet,
    request: request && revision ? { ...request, revision } : null,
    ownEditorial: kind === "WORK" ? ownEditorial : null,
    hasOwnEditorial: ownEditorial !== null,
    regions,
    spheres,
    editorialOptions: kind === "WORK" ? await editorialOptions(regionId) : [],
    parentEditorialId: organization.parent?.cabinets[0]?.id ?? null,
  };
}
export type TRegistration = Awaited<ReturnType<typeof loadRegistration>>;

/** new: a first request; resubmit: fix a rejected one; readonly: on review, approved, or the cabinet exists. */
export type TFilingMode = "new" | "resubmit" | "readonly";

export interface TRequestFormValues {
  name: string;
  regionId: string;
  type: CabinetType | "";
  editorialCabinetId: string;
  sphereIds: string[];
  email: string;
}

/** Choices the organization's own editorial cabinet already made for its work cabinet, in words. */
export interface TLockedFields {
  regionName: string;
  typeLabel: string;
  editorialName: string;
  sphereNames: string[];
}

/** Why the form is not offered: an organ files its editorial cabinet first; an institution files a work cabinet. */
export type TFilingDetour = "editorialFirst" | "workInstead";

/**
 * What the request form page shows for the organization and cabinet kind, by the instruction's
 * rules: the form's mode, or the detour to the other kind of cabinet; the values the form starts
 * with (the latest revision, or what the organization's data suggests); the choices its own
 * editorial cabinet fixes.
 */
export async function requestFormPage(organizationId: string, kind: CabinetKind) {
  const reg = await loadRegistration(organizationId, kind);
  const { organization, request, cabinet, ownEditorial } = reg;
  const mode: TFilingMode = cabinet || request?.status === "PENDING" || request?.status === "APPROVED" ? "readonly" : request?.status === "REJECTED" ? "resubmit" : "new";
  // The instruction's order: an organ's work cabinet after its editorial cabinet; an editorial cabinet is an organ's.
  const detour: TFilingDetour | null =
    mode === "new" && kind === "WORK" && !ownEditorial && isOrganType(organization.kind) ? "editorialFirst"
    : mode === "new" && kind === "EDITORIAL" && organization.kind && !isOrganType(organization.kind) ? "workInstead"
    : null;

  const types = typesForKind(kind);
  const revision = request?.revision;
  const defaultType = organization.kind && types.includes(organization.kind) ? organization.kind : "";
  const regionId = revision?.regionId ?? ownEditorial?.regionId ?? organization.regionId;
  const parentEditorial = reg.editorialOptions.find((o) => o.id === reg.parentEditorialId);
  const defaults: TRequestFormValues = revision
    ? { name: revision.name, regionId, type: revision.type, editorialCabinetId: revision.editorialCabinetId ?? "", sphereIds: revision.sphereIds, email: revision.email }
    : {
        name: "", regionId, type: defaultType, email: "", sphereIds: [],
        editorialCabinetId: defaultType && parentEditorial && editorialFits({ type: defaultType, regionId, organizationId: organization.id }, parentEditorial) ? parentEditorial.id : "",
      };
  let locked: TLockedFields | null = null;
  if (ownEditorial) {
    Object.assign(defaults, { regionId: ownEditorial.regionId, type: ownEditorial.type, editorialCabinetId: ownEditorial.id, sphereIds: ownEditorial.sphereIds });
    locked = {
      regionName: reg.regions.find((r) => r.id === ownEditorial.regionId)?.name ?? "",
      typeLabel: CABINET_TYPE[ownEditorial.type],
      editorialName: `${ownEditorial.name} (ЛКО № ${ownEditorial.lkoId})`,
      sphereNames: reg.spheres.filter((s) => ownEditorial.sphereIds.includes(s.id)).map((s) => s.name),
    };
  }
  return { ...reg, mode, detour, types, defaults, locked };
}

export interface OrganizationForFiling {
  id: string;
  kind: OrganizationKind | null;
}

/** Where the request goes, and the editorial cabinet it binds to. */
export interface Routing {
  reviewerOrganizationId: string;
  editorialCabinetId: string | null;
}

const fieldError = (field: keyof TCabinetRequestForm, message: string) => new ActionError(message, { [field]: [message] });

/**
 * The instruction's rules that need the database. Throws ActionError naming the field:
 * - an editorial cabinet is an organ's and is reviewed by the region's operator;
 * - an organ's work cabinet comes after its own editorial cabinet, takes Регион, Тип, Редакция and
 *   Сферы from it, and is reviewed by the region's operator;
 * - a subordinate organization's work cabinet is bound to an editorial cabinet of a fitting organ in
 *   the chosen region, whose organ reviews it.
 */
export async function routeRequest(tx: DbTx, organization: OrganizationForFiling, input: TCabinetRequestForm): Promise<Routing> {
  const [region, knownSpheres] = await Promise.all([
    tx.region.findUnique({ where: { id: input.regionId }, select: { id: true } }),
    tx.sphere.count({ where: { id: { in: input.sphereIds } } }),
  ]);
  if (!region) throw fieldError("regionId", "Выберите регион из списка.");
  if (knownSpheres !== input.sphereIds.length) throw fieldError("sphereIds", "Выберите сферы из списка.");

  const operatorOf = async (regionId: string) => {
    const operator = await regionOperatorOrganizationId(regionId, tx);
    if (!operator || operator === organization.id) {
      throw fieldError("regionId", "В выбранном регионе нет регионального оператора ПОС, который рассмотрит заявку. Обратитесь в службу поддержки.");
    }
    return operator;
  };

  if (input.kind === "EDITORIAL") {
    if (organization.kind && !isOrganType(organization.kind)) {
      throw fieldError("type", "Ваша организация — подведомственное учреждение: ей нужен рабочий кабинет. Кабинет редакции создаёт орган, в ведении которого она находится.");
    }
    return { reviewerOrganizationId: await operatorOf(input.regionId), editorialCabinetId: null };
  }

  const own = await ownEditorialCabinet(organization.id, tx);
  if (own) {
    const sameSpheres = own.sphereIds.length === input.sphereIds.length && input.sphereIds.every((s) => own.sphereIds.includes(s));
    if (input.regionId !== own.regionId || input.type !== own.type || input.editorialCabinetId !== own.id || !sameSpheres) {
      throw fieldError("editorialCabinetId", "Регион, тип кабинета, редакция и сферы заполняются по кабинету редакции вашей организации и не меняются.");
    }
    return { reviewerOrganizationId: await operatorOf(own.regionId), editorialCabinetId: own.id };
  }
  if (isOrganType(input.type)) {
    throw fieldError("editorialCabinetId", "Рабочий кабинет РОИВ или ОМСУ создаётся после кабинета редакции: сначала подайте заявку на кабинет редакции.");
  }
  const editorial = input.editorialCabinetId
    ? await tx.cabinet.findFirst({ where: { id: input.editorialCabinetId, kind: "EDITORIAL", status: "ACTIVE" }, select: { id: true, type: true, regionId: true, organizationId: true } })
    : null;
  if (!editorial || !editorialFits({ type: input.type, regionId: input.regionId, organizationId: organization.id }, editorial)) {
    throw fieldError("editorialCabinetId", "Выберите из списка кабинет редакции органа, в ведении которого находится ваша организация, в выбранном регионе.");
  }
  return { reviewerOrganizationId: editorial.organizationId, editorialCabinetId: editorial.id };
}

/** A cabinet of this kind the organization already has (active or archived). */
export function existingCabinet(tx: DbTx, organizationId: string, kind: CabinetKind) {
  return tx.cabinet.findUnique({ where: { organizationId_kind: { organizationId, kind } }, select: { lkoId: true } });
}

/** Where the organization stands for each cabinet kind, in words for the «Выберите кабинет» step. */
export async function registrationOverview(organizationId: string): Promise<Record<CabinetKind, string | null>> {
  const [cabinets, open] = await Promise.all([
    db.cabinet.findMany({ where: { organizationId }, select: { kind: true, lkoId: true, status: true } }),
    db.cabinetRequest.findMany({ where: { organizationId, status: { in: ["PENDING", "REJECTED"] } }, select: { kind: true, status: true } }),
  ]);
  const say = (kind: CabinetKind): string | null => {
    const cabinet = cabinets.find((c) => c.kind === kind);
    if (cabinet) return `Кабинет создан, уникальный номер ЛКО: ${cabinet.lkoId}${cabinet.status === "ARCHIVED" ? " (в архиве)" : ""}`;
    const request = open.find((r) => r.kind === kind);
    if (request?.status === "PENDING") return "Заявка на рассмотрении";
    if (request?.status === "REJECTED") return "Заявка отклонена: исправьте её и верните на рассмотрение";
    return null;
  };
  return { EDITORIAL: say("EDITORIAL"), WORK: say("WORK") };
}
