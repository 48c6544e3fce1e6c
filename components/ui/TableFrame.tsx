import type { ReactNode } from "react";

/**
 * The frame every data table sits in: it scrolls on its own (so a wide table does not widen the
 * page on a narrow screen or at 200% zoom) and keeps the header row in view (sticky). Focusable,
 * so that keyboard users can scroll it too.
 */
export function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-frame" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
