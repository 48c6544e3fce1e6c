import type { RequestStatus } from "@/lib/db/generated/enums";
import { REQUEST_STATUS_LABEL } from "@/lib/requests/labels";

const TONE: Record<RequestStatus, string> = {
  PENDING: "bg-warning-light text-warning",
  APPROVED: "bg-success-light text-success",
  REJECTED: "bg-danger-light text-danger",
};

/** A small icon for a request's state (drawn, so it does not depend on emoji fonts); decorative. */
export function StatusIcon({ status, className = "h-4 w-4" }: { status: RequestStatus; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" className={`inline-block shrink-0 ${className}`} aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      {status === "PENDING" ? (
        <>
          <circle cx="8" cy="8" r="6.5" />
          <path d="M8 4.5V8l2.5 1.5" />
        </>
      ) : status === "APPROVED" ? (
        <path d="M3 8.5l3.2 3L13 4.5" />
      ) : (
        <path d="M4 4l8 8M12 4l-8 8" />
      )}
    </svg>
  );
}

/** A request's status in words, with an icon; colour only adds to them. */
export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return (
    <span className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-3 py-0.5 text-sm font-medium ${TONE[status]}`}>
      <StatusIcon status={status} />
      {REQUEST_STATUS_LABEL[status]}
    </span>
  );
}
