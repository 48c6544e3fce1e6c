// Words for cabinet fields, shared by the tree, the card and the history (kept in lib/ui/strings.ts).
export { CABINET_KIND as CABINET_KIND_LABELS, CABINET_STATUS as CABINET_STATUS_LABELS, CABINET_TYPE as CABINET_TYPE_LABELS } from "@/lib/ui/strings";
