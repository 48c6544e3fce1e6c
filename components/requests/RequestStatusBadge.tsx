import { StatusBadge, type TStatusIcon, type TStatusTone } from "@/components/ui/Status";
import type { RequestStatus } from "@/lib/db/generated/enums";
import { REQUEST_STATUS } from "@/lib/ui/strings";

export const REQUEST_STATUS_LOOK: Record<RequestStatus, { tone: TStatusTone; icon: TStatusIcon }> = {
  PENDING: { tone: "warning", icon: "clock" },
  APPROVED: { tone: "success", icon: "check" },
  REJECTED: { tone: "danger", icon: "cross" },
};

/** A request's status in words, with an icon; colour only adds to them. */
export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return (
    <StatusBadge {...REQUEST_STATUS_LOOK[status]}>{REQUEST_STATUS[status]}</StatusBadge>
  );
}
