// An ЕСИА emulator in the test process on a free port, with fresh demo keys, and a minimal
// browser (cookie jar, manual redirects) to walk its screens.
import type { AddressInfo } from "node:net";
import type http from "node:http";
import { EsiaClient } from "@/lib/esia/client";
import type { EsiaConfig } from "@/lib/esia/config";
import { describeKeyKind, esiaSigner, esiaTokenVerifier, type ClientSecretFormat, type EsiaCrypto } from "@/lib/esia/crypto";
import { generateDemoKeys } from "@/lib/esia/demo-keys";
import type { KeyKind } from "@/lib/esia/gost";
import { ORGANIZATION_SCOPES, PORTAL_SCOPES } from "@/lib/esia/protocol";
import { createEsiaEmulator } from "@/lib/esia-emulator/server";
import { tokenKeys } from "@/lib/esia-emulator/tokens";
import { createEmulatorWorld } from "@/lib/esia-emulator/world";
import { DEMO_PASSWORD } from "@/lib/demo-world/esia-world";

export const PORTAL = "http://portal.test";
export const REDIRECT_URI = `${PORTAL}/api/esia/callback`;
export const ORG_REDIRECT_URI = `${PORTAL}/api/esia/organization/callback`;

export interface TestEsia {
  baseUrl: string;
  /** The demo keys and certificates both sides use. */
  keys: ReturnType<typeof generateDemoKeys>;
  config: EsiaConfig;
  crypto: EsiaCrypto;
  client: EsiaClient;
  emulator: ReturnType<typeof createEsiaEmulator>;
  clock: { offsetMs: number };
  close(): Promise<void>;
}

/** The emulator with demo keys of this machine's kind (ГОСТ with the engine), the client signing as told. */
export async function startTestEsia(opts: { secretFormat?: ClientSecretFormat; kind?: KeyKind; grantsFile?: string } = {}): Promise<TestEsia> {
  const keys = generateDemoKeys(opts.kind);
  const clock = { offsetMs: 0 };
  const now = () => Date.now() + clock.offsetMs;
  let baseUrl = "http://127.0.0.1:0";
  const emulator = createEsiaEmulator({
    get publicUrl() {
      return baseUrl;
    },
    clients: [{ id: "POS_TEST", name: "Платформа обратной связи", redirectUris: [REDIRECT_URI, ORG_REDIRECT_URI], logoutRedirectPrefixes: [`${PORTAL}/`], certificatePem: keys.client.certPem }],
    tokenKeys: tokenKeys(keys.esia.keyPem, keys.esia.certPem),
    world: createEmulatorWorld(),
    grantsFile: opts.grantsFile,
    now,
  });
  const server: http.Server = await emulator.listen(0, "127.0.0.1");
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config: EsiaConfig = {
    baseUrl,
    issuer: `${baseUrl}/`,
    clientId: "POS_TEST",
    portalUrl: PORTAL,
    redirectUri: REDIRECT_URI,
    organizationRedirectUri: ORG_REDIRECT_URI,
    logoutReturnUrl: `${PORTAL}/signed-out`,
    scope: PORTAL_SCOPES.join(" "),
    organizationScope: ORGANIZATION_SCOPES.join(" "),
    keys: { clientKeyPath: "", clientCertPath: "", esiaCertPath: "" },
  };
  const crypto: EsiaCrypto = {
    signer: esiaSigner(keys.client.keyPem, keys.client.certPem, opts.secretFormat),
    verifier: esiaTokenVerifier(keys.esia.certPem, now),
    description: describeKeyKind(emulator.tokenKind),
  };
  return {
    baseUrl,
    keys,
    config,
    crypto,
    client: new EsiaClient(config, crypto, fetch, () => new Date(now())),
    emulator,
    clock,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A browser for the emulator's screens: follows nothing by itself, keeps cookies. */
export class TestBrowser {
  private jar = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set("cookie", [...this.jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (attrs.some((a) => a.trim().toLowerCase() === "max-age=0") || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  get(url: string) {
    return this.request(url);
  }

  post(url: string, form: Record<string, string>) {
    return this.request(url, { method: "POST", body: new URLSearchParams(form), headers: { "content-type": "application/x-www-form-urlencoded" } });
  }

  hasCookie(name: string) {
    return this.jar.has(name);
  }
}

export const txOf = (html: string) => /name="tx" value="([^"]+)"/.exec(html)?.[1] ?? "";

/**
 * Walks login and consent; returns where ЕСИА finally sends the browser (the redirect_uri). ЕСИА
 * asks for consent only until the person has granted these rights: `consent` says which of the
 * two this walk must meet (by default either).
 */
export async function walkSignIn(
  esia: TestEsia, browser: TestBrowser, authorizeUrl: string, login: string,
  opts: { password?: string; decision?: "grant" | "deny"; consent?: "asked" | "remembered" } = {},
): Promise<URL> {
  let res = await browser.get(authorizeUrl);
  let html = res.status === 302 ? "" : await res.text();
  if (html.includes('action="/aas/oauth2/login"') && !html.includes("Предоставление прав доступа")) {
    res = await browser.post(`${esia.baseUrl}/aas/oauth2/login`, { tx: txOf(html), login, password: opts.password ?? DEMO_PASSWORD });
    if (res.status !== 302) throw new Error(`Вход не удался: ${res.status} ${(await res.text()).slice(0, 200)}`);
    res = await browser.get(new URL(res.headers.get("location")!, esia.baseUrl).toString());
    html = res.status === 302 ? "" : await res.text();
  }
  const asked = html.includes("Предоставление прав доступа");
  if (opts.consent === "asked" || opts.decision === "deny") {
    if (!asked) throw new Error(`Ожидался экран согласия: ${res.status} ${res.headers.get("location") ?? html.slice(0, 300)}`);
  }
  if (opts.consent === "remembered" && asked) throw new Error("Согласие уже выдано, а ЕСИА спрашивает снова");
  if (!asked) {
    if (res.status !== 302) throw new Error(`Ожидался экран согласия или возврат в систему: ${res.status} ${html.slice(0, 300)}`);
    return new URL(res.headers.get("location")!);
  }
  res = await browser.post(`${esia.baseUrl}/aas/oauth2/consent`, { tx: txOf(html), decision: opts.decision ?? "grant" });
  return new URL(res.headers.get("location")!);
}
