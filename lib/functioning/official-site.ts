// The official site's address as institutions type it, reduced to the origin the browser sends
// (Origin header, CSP frame-ancestors): the widget lives on the site's main page. Pure: the form
// and the server share it.

export type TOfficialSiteResult = { ok: true; origin: string } | { ok: false; message: string };

export function parseOfficialSite(raw: string): TOfficialSiteResult {
  const value = raw.trim();
  if (!value) return { ok: false, message: "Укажите адрес официального сайта, например https://school18.ru." };
  // «school18.ru» is what people type; the scheme is then assumed to be https.
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: "Адрес сайта указан неверно. Пример: https://school18.ru." };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, message: "Адрес сайта должен начинаться с https:// или http://." };
  if (url.username || url.password) return { ok: false, message: "Адрес сайта не должен содержать имя пользователя или пароль." };
  const host = url.hostname;
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith("[");
  if (!isIp && host !== "localhost" && !/^([a-z0-9-]+\.)+[a-z0-9-]{2,}$/i.test(host)) {
    return { ok: false, message: "В адресе сайта нет доменного имени. Пример: https://school18.ru." };
  }
  return { ok: true, origin: url.origin };
}

const DNS_NAME = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/**
 * An Origin header as a browser writes it — `scheme://host[:port]`, http(s), a host name (IDN in
 * punycode) or an IP address, lowercase, no default port — or null for anything else. Only such a
 * value is stored (issue 17: `http://=1+2` reached a spreadsheet as a formula).
 */
export function parseReportedOrigin(raw: string | null): string | null {
  const m = raw ? /^(https?):\/\/([^/:?#@\s]+|\[[^\]/?#@\s]+\])(?::(\d{1,5}))?$/.exec(raw) : null;
  if (!m || !(DNS_NAME.test(m[2]) || IPV6.test(m[2]))) return null;
  try {
    return new URL(raw!).origin === raw ? raw : null;
  } catch {
    return null;
  }
}

/** The cabinet's official site as the widget knows it: none when the institution said «нет сайта». */
export function officialOrigin(cabinet: { officialSite: string | null; noSite: boolean }): string | null {
  return cabinet.officialSite && !cabinet.noSite ? cabinet.officialSite : null;
}

/**
 * The official site's origin and its www twin: `https://school18.ru` and `https://www.school18.ru`
 * (either way round). Many sites answer under both and people type either, so the widget is shown,
 * framed and accepted on both; nothing wider (no other subdomains, schemes or ports). IP addresses,
 * localhost and a bare `www.<tld>` have no twin.
 */
export function siteOrigins(origin: string | null): string[] {
  if (!origin) return [];
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return [origin];
  }
  const host = url.hostname;
  const port = url.port ? `:${url.port}` : "";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith("[") || !host.includes(".")) return [url.origin];
  const bare = host.startsWith("www.") ? host.slice(4) : null;
  const twin = bare !== null ? (bare.includes(".") ? bare : null) : `www.${host}`;
  return twin ? [url.origin, `${url.protocol}//${twin}${port}`] : [url.origin];
}

/** Whether `origin` is the official site under either of its two forms. */
export function isOfficialOrigin(official: string | null, origin: string | null): boolean {
  return Boolean(official && origin) && siteOrigins(official).includes(origin!);
}

/** The host (with a non-default port) people recognise: «school18.ru», «127.0.0.1:3404». */
export function siteDomain(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}
