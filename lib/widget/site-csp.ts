// A site's Content-Security-Policy read the way browsers apply it (CSP Level 3), for the widget:
// may this page load the loader, run the four-part code's inline blocks, send the loader's report and
// frame the form? Pure, so that the placement check and the generator's hints agree.
import { cspHash, type TCspHashAlgorithm } from "@/lib/security/csp-hash";

/** One policy: directive name (lower case) → its sources as written. */
export type TCspPolicy = Map<string, string[]>;

/**
 * Policies from header values and <meta http-equiv> contents. A comma separates policies sent in one
 * header (several headers arrive joined by commas); every policy must allow a thing for it to run.
 */
export function parseCsp(values: readonly string[]): TCspPolicy[] {
  const policies: TCspPolicy[] = [];
  for (const value of values) {
    for (const text of value.split(",")) {
      const policy: TCspPolicy = new Map();
      for (const part of text.split(";")) {
        const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
        // A repeated directive is ignored by browsers: the first one counts.
        if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
      }
      if (policy.size > 0) policies.push(policy);
    }
  }
  return policies;
}

/** What the widget does on a site's page, and the directives that govern each (with their fallbacks). */
export const WIDGET_NEEDS = {
  loader: ["script-src-elem", "script-src", "default-src"],
  inlineScript: ["script-src-elem", "script-src", "default-src"],
  inlineStyle: ["style-src-elem", "style-src", "default-src"],
  report: ["connect-src", "default-src"],
  form: ["frame-src", "child-src", "default-src"],
} as const;
export type TWidgetNeed = keyof typeof WIDGET_NEEDS;

/** The directive a policy applies to a need, or null when none does (then nothing is restricted). */
export function governingDirective(policy: TCspPolicy, need: TWidgetNeed): { name: string; sources: string[] } | null {
  for (const name of WIDGET_NEEDS[need]) {
    const sources = policy.get(name);
    if (sources) return { name, sources };
  }
  return null;
}

const isScriptNeed = (need: TWidgetNeed) => need === "loader" || need === "inlineScript";
const keyword = (sources: string[], word: string) => sources.some((s) => s.toLowerCase() === word);
const nonceMatches = (sources: string[], nonce: string | null) => Boolean(nonce) && sources.some((s) => /^'nonce-/i.test(s) && s.slice(7, -1) === nonce);

function schemeMatches(sourceScheme: string, urlScheme: string): boolean {
  return (
    sourceScheme === urlScheme ||
    (sourceScheme === "http" && urlScheme === "https") ||
    (sourceScheme === "ws" && ["wss", "http", "https"].includes(urlScheme)) ||
    (sourceScheme === "wss" && urlScheme === "https")
  );
}

const DEFAULT_PORTS: Record<string, string> = { http: "80", https: "443", ws: "80", wss: "443" };
const HOST_SOURCE = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d+|\*))?(\/[^?#]*)?$/i;

/** Does one source expression allow fetching `url` from a page at `site`? */
export function sourceMatchesUrl(source: string, url: URL, site: URL): boolean {
  const s = source.toLowerCase();
  const urlScheme = url.protocol.slice(0, -1);
  const siteScheme = site.protocol.slice(0, -1);
  if (s === "*") return ["http", "https", "ws", "wss"].includes(urlScheme) || urlScheme === siteScheme;
  if (s === "'self'") {
    if (url.hostname !== site.hostname) return false;
    if (url.origin === site.origin) return true;
    // http → https of the same host is allowed when both use their default ports.
    return siteScheme === "http" && urlScheme === "https" && site.port === "" && url.port === "";
  }
  if (s.startsWith("'")) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):$/.exec(s);
  if (scheme) return schemeMatches(scheme[1], urlScheme);
  const m = HOST_SOURCE.exec(s);
  if (!m) return false;
  const [, sourceScheme, host, port, path] = m;
  if (!schemeMatches(sourceScheme ?? siteScheme, urlScheme)) return false;
  const urlHost = url.hostname.toLowerCase();
  if (host.startsWith("*.")) {
    if (!urlHost.endsWith(host.slice(1))) return false;
  } else if (host !== "*" && host !== urlHost) return false;
  // Without a port the source allows the default port of the URL's scheme only.
  if (port === undefined ? url.port !== "" : port !== "*" && port !== (url.port || DEFAULT_PORTS[urlScheme])) return false;
  if (path && path !== "/") {
    const wanted = decodeURIComponent(path);
    const actual = decodeURIComponent(url.pathname);
    if (wanted.endsWith("/") ? !actual.startsWith(wanted) : actual !== wanted) return false;
  }
  return true;
}

/** May the page load `url` for this need (a script tag with `nonce`, a fetch, a frame)? */
export function allowsUrl(sources: string[], need: TWidgetNeed, url: URL, site: URL, nonce: string | null = null): boolean {
  if (isScriptNeed(need)) {
    if (nonceMatches(sources, nonce)) return true;
    // 'strict-dynamic': lists of hosts no longer count; a tag in the page's HTML needs the nonce.
    if (keyword(sources, "'strict-dynamic'")) return false;
  }
  return sources.some((s) => sourceMatchesUrl(s, url, site));
}

/** May an inline <script> or <style> with this exact text (and nonce) run? */
export function allowsInline(sources: string[], need: "inlineScript" | "inlineStyle", text: string, nonce: string | null = null): boolean {
  if (nonceMatches(sources, nonce)) return true;
  for (const s of sources) {
    const hash = /^'(sha256|sha384|sha512)-/i.exec(s);
    if (hash && cspHash(text, hash[1].toLowerCase() as TCspHashAlgorithm) === `'${hash[1].toLowerCase()}-${s.slice(hash[0].length, -1)}'`) return true;
  }
  // 'unsafe-inline' stops counting as soon as a nonce or a hash is listed (and for scripts, 'strict-dynamic').
  const overridden = sources.some((s) => /^'(nonce-|sha256-|sha384-|sha512-)/i.test(s)) || (need === "inlineScript" && keyword(sources, "'strict-dynamic'"));
  return keyword(sources, "'unsafe-inline'") && !overridden;
}

/**
 * The lines a site's CSP needs for a code (the generator shows them): the portal for the loader, its
 * report and the form, and the hashes of the four-part code's inline script and style.
 */
export function widgetCspLines(portalOrigin: string, inline?: { script: string; style: string }): string[] {
  return [
    `script-src ${portalOrigin}${inline ? ` ${cspHash(inline.script)}` : ""}`,
    ...(inline ? [`style-src ${cspHash(inline.style)}`] : []),
    `connect-src ${portalOrigin}`,
    `frame-src ${portalOrigin}`,
  ];
}
