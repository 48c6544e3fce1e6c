// A browser without a browser, for load and crash tests: cookies per host, redirects followed by
// hand, forms read from the HTML. Enough for the portal, its ЕСИА emulator and Next's server
// actions submitted as plain HTML forms (as without JavaScript).
import { encode } from "next-auth/jwt";

export class CookieJar {
  private byHost = new Map<string, Map<string, string>>();

  header(url: string): string {
    const jar = this.byHost.get(new URL(url).hostname);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join("; ") : "";
  }

  store(url: string, response: Response): void {
    const host = new URL(url).hostname;
    const jar = this.byHost.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    this.byHost.set(host, jar);
  }

  set(url: string, name: string, value: string): void {
    const host = new URL(url).hostname;
    const jar = this.byHost.get(host) ?? new Map<string, string>();
    jar.set(name, value);
    this.byHost.set(host, jar);
  }
}

export interface Hop {
  url: string;
  status: number;
}

/** One request with the jar's cookies; redirects are not followed. */
export async function request(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set("cookie", cookie);
  const response = await fetch(url, { ...init, headers, redirect: "manual" });
  jar.store(url, response);
  return response;
}

/** GETs url and follows redirects (at most 10); returns the final response and every hop. */
export async function follow(jar: CookieJar, url: string, init: RequestInit = {}): Promise<{ response: Response; hops: Hop[] }> {
  const hops: Hop[] = [];
  let current = url;
  let response = await request(jar, current, init);
  for (let i = 0; i < 10 && response.status >= 300 && response.status < 400; i++) {
    hops.push({ url: current, status: response.status });
    await response.arrayBuffer();
    current = new URL(response.headers.get("location")!, current).toString();
    response = await request(jar, current);
  }
  hops.push({ url: current, status: response.status });
  return { response, hops };
}

export const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

/** The value of a hidden or text input by name in some HTML. */
export function inputValue(html: string, name: string): string | null {
  const tag = new RegExp(`<input[^>]*name="${name.replace(/[$]/g, "\\$")}"[^>]*>`).exec(html)?.[0];
  const value = tag && /value="([^"]*)"/.exec(tag)?.[1];
  return value == null ? null : decodeEntities(value);
}

/** Every hidden input whose name starts with $ACTION: what Next needs to run a server action posted as a plain form. */
export function actionFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of html.match(/<input[^>]*name="\$ACTION[^"]*"[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(tag)![1];
    out[name] = decodeEntities(/value="([^"]*)"/.exec(tag)?.[1] ?? "");
  }
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * The whole sign-in as a browser does it: the portal's sign-in → next-auth → the portal's ЕСИА
 * redirect → the emulator's login → its consent screen (when it asks) → the portal's callback →
 * the organization's choice (when there are several) → ЕСИА again for the organization's rights
 * (scope_org; consent when it asks) → the portal's organization callback → the page after sign-in.
 * Returns the hops and leaves the session in the jar; throws where the flow does not finish.
 */
export async function signInThroughEsia(jar: CookieJar, portal: string, login: string, password: string): Promise<Hop[]> {
  const hops: Hop[] = [];
  const csrf = await request(jar, `${portal}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const start = await request(jar, `${portal}/api/auth/signin/esia`, form({ csrfToken, callbackUrl: `${portal}/select-organization`, json: "true" }));
  const { url } = (await start.json()) as { url: string };
  const toLogin = await follow(jar, url);
  hops.push(...toLogin.hops);
  const tx = inputValue(await toLogin.response.text(), "tx");
  if (!tx) throw new Error("Эмулятор ЕСИА не показал форму входа");
  const esia = new URL(toLogin.hops.at(-1)!.url).origin;
  const loggedIn = await request(jar, `${esia}/aas/oauth2/login`, form({ tx, login, password }));
  if (loggedIn.status !== 302) throw new Error(`Вход в эмулятор: ${loggedIn.status}`);
  let current = await follow(jar, new URL(loggedIn.headers.get("location")!, esia).toString());
  hops.push(...current.hops);
  // At most: the person's consent, the organization's choice, the organization's consent.
  for (let step = 0; step < 3; step++) {
    const here = new URL(hops.at(-1)!.url);
    if (hops.at(-1)!.status !== 200) break;
    let next: Response;
    if (here.origin === esia) {
      const consentTx = inputValue(await current.response.text(), "tx");
      if (!consentTx) throw new Error(`Эмулятор ЕСИА не показал согласие: ${here}`);
      next = await request(jar, `${esia}/aas/oauth2/consent`, form({ tx: consentTx, decision: "grant" }));
    } else if (here.pathname === "/select-organization") {
      const html = await current.response.text();
      const organizationId = /name="organizationId" value="([^"]+)"/.exec(html)?.[1];
      if (!organizationId) throw new Error("Портал не предложил выбрать организацию");
      // As a browser without JavaScript posts a React form action: multipart.
      const body = new FormData();
      for (const [k, v] of Object.entries({ ...actionFields(html), organizationId })) body.append(k, v);
      next = await request(jar, here.toString(), { method: "POST", body });
    } else break;
    const location = next.headers.get("location");
    if (!location) throw new Error(`Вход остановился: ${next.status} после ${here}`);
    await next.arrayBuffer();
    current = await follow(jar, new URL(location, here).toString());
    hops.push(...current.hops);
  }
  await current.response.arrayBuffer();
  const last = hops.at(-1)!;
  const lastUrl = new URL(last.url);
  if (last.status !== 200 || lastUrl.origin !== new URL(portal).origin || lastUrl.pathname.startsWith("/signin") || lastUrl.pathname === "/select-organization") {
    throw new Error(`Вход не завершён: ${hops.map((h) => `${h.status} ${h.url}`).join(" → ")}`);
  }
  return hops;
}

/** next-auth's session cookie for a portal session row (what the browser holds after signing in). */
export async function sessionCookie(secret: string, personId: string, sessionId: string): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { sub: personId, sid: sessionId }, secret })}`;
}
