// The overall connection status: an icon and a word on a tinted background (never colour alone).
import type { ConnectionOverall } from "@/lib/db/generated/enums";
import { OVERALL } from "@/lib/status/model";

const TONES = {
  danger: "bg-danger-light text-danger border-danger",
  warning: "bg-warning-light text-warning border-warning",
  progress: "bg-brand-light text-brand-dark border-brand",
  success: "bg-success-light text-success border-success",
} as const;

export function StatusBadge({ status }: { status: ConnectionOverall }) {
  const s = OVERALL[status];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-sm font-medium ${TONES[s.tone]}`} title={s.hint}>
      <span aria-hidden="true">{s.icon}</span>
      {s.label}
    </span>
  );
}

/** Yes / no with a word and a mark, for the public page. */
export function YesNo({ value, yes = "да", no = "нет", none }: { value: boolean | null; yes?: string; no?: string; none?: string }) {
  if (value === null) return <span className="text-muted">{none ?? "—"}</span>;
  return value ? (
    <span className="font-medium text-success"><span aria-hidden="true">✓ </span>{yes}</span>
  ) : (
    <span className="font-medium text-danger"><span aria-hidden="true">✕ </span>{no}</span>
  );
}
