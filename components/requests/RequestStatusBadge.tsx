import type { RequestStatus } from "@/lib/db/generated/enums";
import { REQUEST_STATUS_LABEL } from "@/lib/requests/labels";

const LOOK: Record<RequestStatus, { icon: string; className: string }> = {
  PENDING: { icon: "⏳", className: "bg-warning-light text-warning" },
  APPROVED: { icon: "✓", className: "bg-success-light text-success" },
  REJECTED: { icon: "✕", className: "bg-danger-light text-danger" },
};

/** A request's status in words, with an icon; colour only adds to them. */
export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const look = LOOK[status];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-3 py-0.5 text-sm font-medium ${look.className}`}>
      <span aria-hidden="true">{look.icon}</span>
      {REQUEST_STATUS_LABEL[status]}
    </span>
  );
}
