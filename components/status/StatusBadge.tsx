// The overall connection status and yes/no facts in the portal's one status language
// (components/ui/Status.tsx): a drawn icon and a word, colour only adds to them.
import type { ConnectionOverall } from "@/lib/db/generated/enums";
import { OVERALL, OVERALL_LOOK as LOOK } from "@/lib/status/model";
import { StatusBadge as Badge, StatusText } from "@/components/ui/Status";

export function StatusBadge({ status }: { status: ConnectionOverall }) {
  return (
    <Badge tone={LOOK[status].tone} icon={LOOK[status].icon}>
      {OVERALL[status].label}
    </Badge>
  );
}

/** Yes / no with a word and a mark, for the public page. */
export function YesNo({ value, yes = "да", no = "нет", none }: { value: boolean | null; yes?: string; no?: string; none?: string }) {
  if (value === null) return <span className="text-muted">{none ?? "—"}</span>;
  return value ? <StatusText tone="success" icon="check">{yes}</StatusText> : <StatusText tone="danger" icon="cross">{no}</StatusText>;
}
