// The instruction's rules on which cabinet may be bound to which editorial cabinet (issue 4).
// Pure: the form filters «Редакция» with it, the server actions enforce it.
import type { CabinetKind, CabinetType, OrganizationKind } from "@/lib/db/generated/enums";

/** Organs: they have editorial cabinets; their own work cabinet is bound to their own editorial one. */
export const ORGAN_TYPES: readonly CabinetType[] = ["ROIV", "OMSU", "TERRITORIAL_ROIV"];

export const isOrganType = (type: CabinetType | OrganizationKind | null | undefined): boolean =>
  type != null && (ORGAN_TYPES as readonly string[]).includes(type);

/** «Тип кабинета» choices for a kind: an editorial cabinet belongs to an organ. */
export function typesForKind(kind: CabinetKind): readonly CabinetType[] {
  return kind === "EDITORIAL" ? ORGAN_TYPES : ["TERRITORIAL_ROIV", "SUBORDINATE_ROIV", "ROIV", "OMSU", "SUBORDINATE_OMSU"];
}

export interface EditorialOption {
  id: string;
  lkoId: number;
  name: string;
  type: CabinetType;
  regionId: string;
  organizationId: string;
  organizationName: string;
  sphereIds: string[];
}

/**
 * Whether a work cabinet of this type, filed by this organization, may be bound to the editorial
 * cabinet: a subordinate organization to an editorial cabinet of a РОИВ (or its territorial organ)
 * or of an ОМСУ in the chosen region; an organ only to its own editorial cabinet.
 */
export function editorialFits(
  work: { type: CabinetType; regionId: string; organizationId: string },
  editorial: Pick<EditorialOption, "type" | "regionId" | "organizationId">,
): boolean {
  if (editorial.regionId !== work.regionId) return false;
  switch (work.type) {
    case "SUBORDINATE_ROIV":
      return editorial.type === "ROIV" || editorial.type === "TERRITORIAL_ROIV";
    case "SUBORDINATE_OMSU":
      return editorial.type === "OMSU";
    default:
      return editorial.organizationId === work.organizationId;
  }
}
