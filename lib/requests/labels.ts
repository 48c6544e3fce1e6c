// Words the registration and review screens use (issue 4). Pure module: pages, forms and emails read it.
import type { CabinetKind, CabinetType, RequestStatus } from "@/lib/db/generated/enums";

/** «Тип кабинета» in the order of the instruction's list. */
export const CABINET_TYPES: readonly CabinetType[] = ["TERRITORIAL_ROIV", "SUBORDINATE_ROIV", "ROIV", "OMSU", "SUBORDINATE_OMSU"];

export const CABINET_TYPE_LABEL: Record<CabinetType, string> = {
  TERRITORIAL_ROIV: "Территориальный орган РОИВ",
  SUBORDINATE_ROIV: "Подведомственная РОИВ организация",
  ROIV: "РОИВ",
  OMSU: "ОМСУ",
  SUBORDINATE_OMSU: "Подведомственная ОМСУ организация",
};

export const CABINET_KIND_LABEL: Record<CabinetKind, string> = {
  EDITORIAL: "Кабинет редакции",
  WORK: "Рабочий кабинет",
};

/** «Форма заявки на создание …» */
export const CABINET_KIND_GENITIVE: Record<CabinetKind, string> = {
  EDITORIAL: "кабинета редакции",
  WORK: "рабочего кабинета",
};

export const REQUEST_STATUS_LABEL: Record<RequestStatus, string> = {
  PENDING: "На рассмотрении",
  APPROVED: "Одобрена",
  REJECTED: "Отклонена",
};

/** The cabinet kind as it appears in addresses: /registration/work, /registration/editorial. */
export const KIND_SLUG: Record<CabinetKind, string> = { EDITORIAL: "editorial", WORK: "work" };

export function kindOfSlug(slug: string | undefined): CabinetKind | null {
  return slug === "work" ? "WORK" : slug === "editorial" ? "EDITORIAL" : null;
}

/** The fields of a request as the form and the revision history name them. */
export const REQUEST_FIELD_LABEL = {
  name: "Название кабинета",
  regionId: "Регион",
  type: "Тип кабинета",
  editorialCabinetId: "Редакция",
  sphereIds: "Сферы",
  email: "Электронная почта",
} as const;
export type RequestField = keyof typeof REQUEST_FIELD_LABEL;
