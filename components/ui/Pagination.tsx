import Link from "next/link";
import { ACTIONS, MESSAGES } from "@/lib/ui/strings";

/** «← Предыдущая · Страница 2 из 5 · Следующая →», the same under every list. */
export function Pagination({ page, pages, hrefFor, label = MESSAGES.pagesLabel, total }: { page: number; pages: number; hrefFor: (page: number) => string; label?: string; total?: string }) {
  if (pages <= 1) return null;
  const current = Math.min(Math.max(page, 1), pages);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-x-4 gap-y-2">
      {current > 1 ? (
        <Link href={hrefFor(current - 1)} rel="prev" className="btn-secondary px-4 py-2">
          <span aria-hidden="true">←</span> {ACTIONS.previousPage}
        </Link>
      ) : null}
      <span aria-current="page">
        {MESSAGES.pageOf(current, pages)}
        {total ? <span className="text-muted"> ({total})</span> : null}
      </span>
      {current < pages ? (
        <Link href={hrefFor(current + 1)} rel="next" className="btn-secondary px-4 py-2">
          {ACTIONS.nextPage} <span aria-hidden="true">→</span>
        </Link>
      ) : null}
    </nav>
  );
}
