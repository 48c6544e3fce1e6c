// How a request reaches a render kept in Next's cache (decision 079 and its addendum of issue 19):
// proxy.ts decides which cached render answers (lib/status/public-routes.ts, lib/home/guest-route.ts)
// and names it in a request header; the rewrites of next.config.ts (below) send the request there.
// Not NextResponse.rewrite: Next turns a proxy's rewrite into an HTTP request to the server itself
// when it listens on a loopback address (`next start -H 127.0.0.1`, the usual setup behind nginx):
// NextURL writes 127.0.0.1 as «localhost», the router compares it with the literal address and
// sees another origin (vercel/next.js#94745). That doubled every request's work and, behind a
// TLS-terminating proxy (X-Forwarded-Proto: https), failed every cached page with 500 (EPROTO).
// A rewrite of the configuration stays inside the server whatever address it listens on.
// Pure module without imports: next.config.ts loads it.

/** Set by proxy.ts alone (it drops one a client sends): the internal address of the render. */
export const CACHED_RENDER_HEADER = "x-pos-cached-render";

// The public addresses a render may answer and the shapes of the renders (lib/home/guest-route.ts,
// lib/status/public-routes.ts): the home, and the status list, a municipality's page, its embed and
// the JSON. Two rules, not one per shape: Next matches every rule anew in each route's request (the
// path pattern is compiled per call), so six rules cost every page of the portal ~30 µs, two ~9 µs.
const VIEW = "(?:normal|low)";
const HOME_RENDER = `/(?<render>home/cached/${VIEW})`;
const STATUS_ADDRESS = "/(status|status/\\d{8,11}|status/\\d{8,11}/embed|api/status)";
const STATUS_RENDER =
  `/(?<render>status/cached/\\d+/(?:list/${VIEW}|\\d{8,11}/\\d+/(?:${VIEW}|embed))` +
  `|api/status/cached/\\d+/(?:all|\\d{8,11}/\\d+))`;

/** next.config.ts's `rewrites().beforeFiles`: they run after proxy.ts, before the routes. */
export function cachedRenderRewrites(): Array<{ source: string; has: Array<{ type: "header"; key: string; value: string }>; destination: string }> {
  return [
    ["/", HOME_RENDER],
    [STATUS_ADDRESS, STATUS_RENDER],
  ].map(([source, render]) => ({ source, has: [{ type: "header", key: CACHED_RENDER_HEADER, value: render }], destination: "/:render*" }));
}
