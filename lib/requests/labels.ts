// Words only the registration and review screens use (issue 4); the kinds, types and statuses
// themselves are named once, in lib/ui/strings.ts. Pure module: pages, forms and emails read it.
import type { CabinetKind, CabinetType } from "@/lib/db/generated/enums";

/** «Тип кабинета» in the order of the instruction's list. */
export const CABINET_TYPES: readonly CabinetType[] = ["TERRITORIAL_ROIV", "SUBORDINATE_ROIV", "ROIV", "OMSU", "SUBORDINATE_OMSU"];

/** «Форма заявки на создание …» */
export const CABINET_KIND_GENITIVE: Record<CabinetKind, string> = {
  EDITORIAL: "кабинета редакции",
  WORK: "рабочего кабинета",
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
