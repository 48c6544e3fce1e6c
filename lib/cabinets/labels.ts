// Words for cabinet fields, shared by the tree, the card and the history.
import type { CabinetKind, CabinetStatus, CabinetType } from "@/lib/db/generated/enums";

export const CABINET_KIND_LABELS: Record<CabinetKind, string> = {
  EDITORIAL: "Кабинет редакции",
  WORK: "Рабочий кабинет",
};

export const CABINET_TYPE_LABELS: Record<CabinetType, string> = {
  ROIV: "РОИВ",
  OMSU: "ОМСУ",
  TERRITORIAL_ROIV: "Территориальный орган РОИВ",
  SUBORDINATE_ROIV: "Подведомственная организация РОИВ",
  SUBORDINATE_OMSU: "Подведомственная организация ОМСУ",
};

export const CABINET_STATUS_LABELS: Record<CabinetStatus, string> = {
  ACTIVE: "Действует",
  ARCHIVED: "В архиве",
};
