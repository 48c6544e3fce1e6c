import Link from "next/link";
import { ACTIONS, MESSAGES } from "@/lib/ui/strings";

/** The pages worth a link around the current one: the first, the last and two either side. */
function pagesAround(page: number, pages: number): number[] {
  return [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
}

/**
 * «← Предыдущая · Страница 2 из 5 · Следующая →», the same under every list. `numbered` puts links
 * to the nearby pages (1 … 4 5 6 … 40) in the middle, for lists long enough to jump in.
 */
export function Pagination({ page, pages, hrefFor, label = MESSAGES.pagesLabel, total, numbered = false }: { page: number; pages: number; hrefFor: (page: number) => string; label?: string; total?: string; numbered?: boolean }) {
  if (pages <= 1) return null;
  const current = Math.min(Math.max(page, 1), pages);
  const around = pagesAround(current, pages);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-x-4 gap-y-2">
      {current > 1 ? (
        <Link href={hrefFor(current - 1)} rel="prev" className="btn-secondary px-4 py-2">
          <span aria-hidden="true">←</span> {ACTIONS.previousPage}
        </Link>
      ) : null}
      {numbered ? (
        <span className="flex flex-wrap items-center gap-2">
          {around.map((p, i) => (
            <span key={p} className="flex items-center gap-2">
              {i > 0 && around[i - 1] !== p - 1 ? <span aria-hidden="true">…</span> : null}
              {p === current ? (
                <span aria-current="page" className="rounded-lg bg-brand px-3 py-1 text-white">{p}</span>
              ) : (
                <Link className="rounded-lg px-3 py-1" href={hrefFor(p)} aria-label={`Страница ${p}`}>{p}</Link>
              )}
            </span>
          ))}
          {total ? <span className="text-muted">({total})</span> : null}
        </span>
      ) : (
        <span aria-current="page">
          {MESSAGES.pageOf(current, pages)}
          {total ? <span className="text-muted"> ({total})</span> : null}
        </span>
      )}
      {current < pages ? (
        <Link href={hrefFor(current + 1)} rel="next" className="btn-secondary px-4 py-2">
          {ACTIONS.nextPage} <span aria-hidden="true">→</span>
        </Link>
      ) : null}
    </nav>
  );
}
