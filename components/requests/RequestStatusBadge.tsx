import { StatusBadge, type TStatusIcon, type TStatusTone } from "@/components/ui/Status";
import type { RequestStatus } from "@/lib/db/generated/enums";
import { REQUEST_STATUS } from "@/lib/ui/strings";
import type { SafeHtml } from "@/lib/ui/html";
import { statusBadgeHtml } from "@/lib/ui/status-html";

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

/** The same badge as HTML text, for the queue's rows (app/admin/requests/queue-rows.ts, decision 081). */
export function requestStatusBadgeHtml(status: RequestStatus): SafeHtml {
  return statusBadgeHtml(REQUEST_STATUS_LOOK[status], REQUEST_STATUS[status]);
}
