import type { ReactNode } from "react";

/** An empty list says why it is empty and what to do next, instead of showing nothing. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="card space-y-3 text-center" role="status">
      <svg viewBox="0 0 48 48" className="mx-auto h-12 w-12 text-muted" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2">
        <rect x="8" y="10" width="32" height="28" rx="4" />
        <path d="M8 20h32M16 28h16" />
      </svg>
      <p className="text-lg font-semibold">{title}</p>
      {children ? <div className="mx-auto max-w-prose text-muted">{children}</div> : null}
      {action ? <div className="flex flex-wrap justify-center gap-3">{action}</div> : null}
    </div>
  );
}
