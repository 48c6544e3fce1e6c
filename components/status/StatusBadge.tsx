// The overall connection status in the portal's one status language
// (components/ui/Status.tsx): a drawn icon and a word, colour only adds to them.
import type { ConnectionOverall } from "@/lib/db/generated/enums";
import { OVERALL, OVERALL_LOOK as LOOK } from "@/lib/status/model";
import { StatusBadge as Badge } from "@/components/ui/Status";

export function StatusBadge({ status }: { status: ConnectionOverall }) {
  return (
    <Badge tone={LOOK[status].tone} icon={LOOK[status].icon}>
      {OVERALL[status].label}
    </Badge>
  );
}
