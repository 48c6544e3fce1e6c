// The portal's security headers, decided in one place (applied by proxy.ts to every response).
// Pure module: no server-only imports, so that the proxy and the tests load it as it is.
// Why each one: docs/decisions/010-security.md.

/** Where a path stands: the portal's own pages, or one of the few things other sites embed or load. */
export type PathKind = "app" | "citizen-form" | "status-embed" | "public-page" | "widget";

export function pathKind(pathname: string): PathKind {
  // The citizen form sets its own CSP: framed only by the cabinet's official site (app/form/route.ts).
  if (pathname === "/form" || pathname === "/form/") return "citizen-form";
  // The loader and its reports are used by every institution's site.
  if (pathname.startsWith("/widget/")) return "widget";
  // The public status of a municipality, for an iframe on the city's website (issue 7).
  if (/^\/status\/[^/]+\/embed\/?$/.test(pathname) || /^\/status\/cached\/.+\/embed$/.test(pathname)) return "status-embed";
  // The public status pages and the guest home (proxy.ts rewrites `/` there): HTML from Next's cache,
  // without a script (decision 079).
  if (/^\/status(\/[^/]+)?\/?$/.test(pathname) || /^\/(status|home)\/cached\//.test(pathname)) return "public-page";
  return "app";
}

export interface HeaderOptions {
  /** Fresh for every response: the only way an inline script runs (Next's own carry it). */
  nonce: string;
  /** Origin of ЕСИА: sign-out is a form post that ends there. */
  esiaOrigin: string;
  /** The portal's public address (PORTAL_URL): HSTS and upgrade-insecure-requests only on https. */
  portalUrl: string;
  /** `next dev` needs eval for React's debugging; production never does. */
  development: boolean;
  production: boolean;
}

export const CSP_REPORT_PATH = "/api/csp-report";

export function contentSecurityPolicy(o: HeaderOptions): string {
  const https = o.portalUrl.startsWith("https://");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.development ? " 'unsafe-eval'" : ""}`,
    // Inline styles: React's style attributes and the widget previews (iframe srcdoc inherits this
    // policy, and a nonce cannot reach into it). Styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${o.esiaOrigin}`,
    "frame-src 'self'",
    "frame-ancestors 'none'",
    `report-uri ${CSP_REPORT_PATH}`,
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * The public status pages (decision 079): kept in Next's cache, so no per-request nonce can reach
 * them; they carry no script, and this policy runs none. Styles only from the portal's own files.
 */
export function publicPagePolicy(o: HeaderOptions): string {
  return [
    "default-src 'self'",
    "script-src 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    `report-uri ${CSP_REPORT_PATH}`,
    ...(o.portalUrl.startsWith("https://") ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The embeddable status page: static HTML with inline styles, no scripts, framed by anyone. */
export const STATUS_EMBED_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors *";

// Only features browsers know: an unknown one (Chromium does not know «bluetooth») is a console
// warning on every page, and the citizen form's pages are on institutions' sites.
export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), browsing-topics=()";

export const HSTS = "max-age=31536000; includeSubDomains";

/** Response headers for a path. Routes that set their own (the citizen form, the widget) are left their say. */
export function securityHeaders(pathname: string, o: HeaderOptions): Record<string, string> {
  const hsts: Record<string, string> = o.production && o.portalUrl.startsWith("https://") ? { "Strict-Transport-Security": HSTS } : {};
  switch (pathKind(pathname)) {
    case "citizen-form":
      return { ...hsts, "Permissions-Policy": PERMISSIONS_POLICY };
    case "widget":
      return { ...hsts };
    case "status-embed":
      return {
        ...hsts, "Content-Security-Policy": STATUS_EMBED_CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": PERMISSIONS_POLICY,
      };
    case "public-page":
    case "app":
      return {
        ...hsts,
        "Content-Security-Policy": pathKind(pathname) === "public-page" ? publicPagePolicy(o) : contentSecurityPolicy(o),
        // For browsers without frame-ancestors.
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        // Invitation links carry their token in the path: nothing of the address leaves the portal.
        "Referrer-Policy": "same-origin",
        "Permissions-Policy": PERMISSIONS_POLICY,
        "Cross-Origin-Opener-Policy": "same-origin",
      };
  }
}

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
