// The rewrites of next.config.ts send each public address that proxy.ts names a cached render for to
// exactly that render, and nothing else (lib/ui/cached-renders.ts). Resolved with Next's own matchers.
import { describe, expect, it } from "vitest";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { matchHas, prepareDestination } from "next/dist/shared/lib/router/utils/prepare-destination";
import { CACHED_RENDER_HEADER, cachedRenderRewrites } from "@/lib/ui/cached-renders";
import { cachedPublicPath } from "@/lib/status/public-routes";
import { cachedGuestHomePath } from "@/lib/home/guest-route";

/** Where Next's router sends a request for a public URL carrying the header (null: not rewritten). */
function resolved(url: string, render: string | null): string | null {
  const { pathname, searchParams } = new URL(url, "http://portal.test");
  const query = Object.fromEntries(searchParams);
  const req = { headers: render === null ? {} : { [CACHED_RENDER_HEADER]: render } };
  for (const rule of cachedRenderRewrites()) {
    const params = getPathMatch(rule.source, { removeUnnamedParams: true, strict: true })(pathname);
    if (!params) continue;
    const hasParams = matchHas(req as never, query, rule.has);
    if (!hasParams) continue;
    return prepareDestination({ appendParamsToQuery: true, destination: rule.destination, params: { ...params, ...hasParams }, query }).parsedDestination.pathname;
  }
  return null;
}

describe("адреса отрисовок из кэша: proxy.ts называет, next.config.ts переписывает", () => {
  it("каждый публичный адрес — ровно на ту отрисовку, которую назвал proxy.ts", () => {
    const urls = ["/status", "/status/75738000", "/status/75738000?page=3", "/status/75738000/embed?page=2", "/api/status", "/api/status?oktmo=75738000&page=2"];
    for (const low of [false, true]) {
      for (const url of urls) {
        const { pathname, searchParams } = new URL(url, "http://portal.test");
        const render = cachedPublicPath(pathname, searchParams, low, 12);
        expect(render, url).not.toBeNull();
        expect(resolved(url, render), url).toBe(render);
      }
      const home = cachedGuestHomePath({ method: "GET", pathname: "/", cookieNames: [], flash: false, lowVision: low });
      expect(resolved("/", home)).toBe(home);
    }
  });

  it("без заголовка, с чем-то, кроме отрисовки, в нём или на другом пути — не переписывается", () => {
    expect(resolved("/status/75738000", null)).toBeNull();
    expect(resolved("/", "/admin")).toBeNull();
    expect(resolved("/status/75738000", "/home/cached/normal")).toBeNull();
    expect(resolved("/", "/status/cached/1/list/normal")).toBeNull();
    expect(resolved("/status/75738000", "/status/cached/1/75738000/1/normal/../../x")).toBeNull();
    expect(resolved("/status/75738000", "/status/cached/1/75738000/1/other")).toBeNull();
    expect(resolved("/api/status", "/api/status/cached/1/x")).toBeNull();
    expect(resolved("/status/75738000/other", "/status/cached/1/75738000/1/normal")).toBeNull();
    // Only the public addresses: a path the proxy does not see (built files) is never rewritten.
    expect(resolved("/_next/static/x.js", "/home/cached/normal")).toBeNull();
    expect(resolved("/monitoring", "/status/cached/1/list/normal")).toBeNull();
  });
});
