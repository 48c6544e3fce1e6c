// Which render of the public status a request gets (decision 079). The public addresses stay as they
// were (/status, /status/<ОКТМО>?page=, …/embed, /api/status?oktmo=); proxy.ts sends those that
// do not search to an internal address of a render kept in Next's cache, one per page and version
// (how: lib/ui/cached-renders.ts).
// A search (?q=) is left to the dynamic routes: free text would grow the cache without bound.
// Pure module: proxy.ts loads it as it is.

/** How long a render is served as it is, and the most a visitor sees (next.config.ts expireTime). */
export const PUBLIC_REVALIDATE_SECONDS = 30;
export const PUBLIC_EXPIRE_SECONDS = 60;

/** Beyond it the page number is not a page anyone reaches by the links: no render is kept for it. */
const MAX_CACHED_PAGE = 10_000;
const OKTMO = /^\d{8,11}$/;

export type TPublicView = "normal" | "low" | "embed";
export const PUBLIC_VIEWS: readonly TPublicView[] = ["normal", "low", "embed"];

// The renders' generation: part of every cached address, so a change of the status rows in this
// process (lib/status/public.ts) makes the next request render anew instead of waiting for the
// time. A flag on globalThis: proxy.ts and the routes are separate bundles of one process.
const holder = globalThis as typeof globalThis & { __posPublicGeneration?: number };

export const publicGeneration = (): number => holder.__posPublicGeneration ?? 0;

export function nextPublicGeneration(): void {
  holder.__posPublicGeneration = publicGeneration() + 1;
}

/** The page number of a query, 1 when absent or not a positive whole number. */
function pageOf(search: URLSearchParams): number {
  const page = Number.parseInt(search.get("page") ?? "1", 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

/**
 * The internal address of the cached render for a public request, or null when it is not one
 * (another path, a search, a page beyond reach): then the dynamic route answers as before.
 */
export function cachedPublicPath(pathname: string, search: URLSearchParams, lowVision: boolean, generation = publicGeneration()): string | null {
  const view: TPublicView = lowVision ? "low" : "normal";
  const searching = (search.get("q") ?? "").trim() !== "";
  const page = pageOf(search);
  if (searching || page > MAX_CACHED_PAGE) return null;
  const path = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
  if (path === "/status") return `/status/cached/${generation}/list/${view}`;
  if (path === "/api/status") {
    const oktmo = search.get("oktmo");
    if (oktmo === null) return `/api/status/cached/${generation}/all`;
    return OKTMO.test(oktmo) ? `/api/status/cached/${generation}/${oktmo}/${page}` : null;
  }
  const match = /^\/status\/(\d{8,11})(\/embed)?$/.exec(path);
  if (!match) return null;
  return `/status/cached/${generation}/${match[1]}/${page}/${match[2] ? "embed" : view}`;
}

/** Whether a path is one of the internal cached addresses (they carry the public pages' headers). */
export const isCachedPublicPath = (pathname: string) => /^\/(api\/)?status\/cached\//.test(pathname);
