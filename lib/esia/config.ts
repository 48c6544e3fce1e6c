// Where ЕСИА is and who the portal is to it. Defaults point at the bundled emulator and the demo
// keys; for the real ЕСИА set the variables below (docs/decisions/003-esia.md).
import type { EsiaKeyFiles } from "./crypto";
import { demoKeyFiles } from "./demo-keys";
import { ORGANIZATION_SCOPES, PORTAL_SCOPES } from "./protocol";

export interface EsiaConfig {
  /** ESIA_BASE_URL: https://esia-portal1.test.gosuslugi.ru (test), https://esia.gosuslugi.ru (production). */
  baseUrl: string;
  /** ESIA_ISSUER: `iss` of ЕСИА's tokens. */
  issuer: string;
  /** ESIA_CLIENT_ID: the system's mnemonic registered in ЕСИА. */
  clientId: string;
  /** PORTAL_URL: the portal's public origin. */
  portalUrl: string;
  /** Registered redirect URI of the sign-in: the portal's callback route. */
  redirectUri: string;
  /** Registered redirect URI of the organization's authorization (scope_org). */
  organizationRedirectUri: string;
  /** Where ЕСИА's logout returns the browser. */
  logoutReturnUrl: string;
  /** ESIA_SCOPE: the sign-in's scopes (person only). */
  scope: string;
  /** ESIA_ORG_SCOPE: the scopes asked for the chosen organization, with scope_org. */
  organizationScope: string;
  /** ESIA_CLIENT_KEY, ESIA_CLIENT_CERT: the system's key and certificate; ESIA_CERT: ЕСИА's certificate. */
  keys: EsiaKeyFiles;
}

export function portalUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.PORTAL_URL || env.NEXTAUTH_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/$/, "");
}

export function esiaConfig(env: NodeJS.ProcessEnv = process.env): EsiaConfig {
  const baseUrl = (env.ESIA_BASE_URL || "http://localhost:3001").replace(/\/$/, "");
  const portal = portalUrl(env);
  const demo = demoKeyFiles(env.ESIA_DEMO_KEYS_DIR || undefined);
  return {
    baseUrl,
    issuer: env.ESIA_ISSUER || `${baseUrl}/`,
    clientId: env.ESIA_CLIENT_ID || "POS_DEMO",
    portalUrl: portal,
    redirectUri: `${portal}/api/esia/callback`,
    organizationRedirectUri: `${portal}/api/esia/organization/callback`,
    logoutReturnUrl: `${portal}/signed-out`,
    scope: env.ESIA_SCOPE || PORTAL_SCOPES.join(" "),
    organizationScope: env.ESIA_ORG_SCOPE || ORGANIZATION_SCOPES.join(" "),
    keys: {
      clientKeyPath: env.ESIA_CLIENT_KEY || demo.clientKeyPath,
      clientCertPath: env.ESIA_CLIENT_CERT || demo.clientCertPath,
      esiaCertPath: env.ESIA_CERT || demo.esiaCertPath,
    },
  };
}
