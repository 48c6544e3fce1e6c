// What changed between two revisions of a request: the reviewer sees it next to the new revision.
import { REQUEST_FIELD_LABEL, type RequestField } from "./labels";
import { compareNatural } from "@/lib/db/natural-order";

export interface RevisionFields {
  name: string;
  regionId: string;
  type: string;
  editorialCabinetId: string | null;
  sphereIds: string[];
  email: string;
}

export interface FieldChange {
  field: RequestField;
  label: string;
  before: string;
  after: string;
}

/** Names to show for ids (regions, editorial cabinets, spheres, types); unknown ids show as they are. */
export type Namer = (field: RequestField, value: string) => string;

const FIELDS = Object.keys(REQUEST_FIELD_LABEL) as RequestField[];

export function revisionChanges(before: RevisionFields, after: RevisionFields, name: Namer = (_f, v) => v): FieldChange[] {
  const show = (field: RequestField, r: RevisionFields): string => {
    const value = r[field];
    if (Array.isArray(value)) return value.map((v) => name(field, v)).sort(compareNatural).join(", ") || "—";
    return value ? name(field, value) : "—";
  };
  const same = (field: RequestField) => {
    const a = before[field];
    const b = after[field];
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && new Set([...a, ...b]).size === a.length;
    return (a ?? null) === (b ?? null);
  };
  return FIELDS.filter((f) => !same(f)).map((field) => ({ field, label: REQUEST_FIELD_LABEL[field], before: show(field, before), after: show(field, after) }));
}
