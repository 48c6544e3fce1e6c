// Tokens as ЕСИА issues them: JWT access and id tokens with its claims. Signed RS256 with the
// emulator's demo key (real ЕСИА signs with GOST; the portal verifies through EsiaTokenVerifier).
import { createPrivateKey, createPublicKey, randomUUID, X509Certificate, type KeyObject } from "node:crypto";
import { SignJWT, jwtVerify, type JWTPayload } from "jose";
import { grantedOrgScope, isOrganizationScope } from "../esia/protocol";

export interface TokenKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function tokenKeys(privateKeyPem: string, certPem: string): TokenKeys {
  return {
    privateKey: createPrivateKey(privateKeyPem),
    publicKey: createPublicKey(new X509Certificate(certPem).publicKey.export({ type: "spki", format: "pem" })),
  };
}

/**
 * Scopes as ЕСИА grants them: person scopes bound to the oid; organization scopes only for the
 * organization named in scope_org (already checked to be the person's), none without it.
 */
export function grantedScopes(requested: string[], personOid: string, scopeOrg: string | undefined): string[] {
  const out: string[] = [];
  for (const scope of requested) {
    if (scope === "openid") out.push(scope);
    else if (isOrganizationScope(scope)) {
      if (scopeOrg) out.push(grantedOrgScope(scope, scopeOrg));
    } else out.push(`${scope}?oid=${personOid}`);
  }
  return out;
}

export interface IssueInput {
  issuer: string;
  clientId: string;
  personOid: string;
  sid: string;
  authTime: number;
  scope: string[];
  nowSeconds: number;
}

export async function issueTokens(keys: TokenKeys, input: IssueInput, lifetimeSeconds = 3600) {
  const { issuer, clientId, personOid, sid, nowSeconds } = input;
  const access = await new SignJWT({
    client_id: clientId,
    scope: input.scope.join(" "),
    "urn:esia:sid": sid,
    "urn:esia:sbj_id": Number(personOid),
  })
    .setProtectedHeader({ alg: "RS256", ver: 1, sbt: "access", typ: "JWT" })
    .setIssuer(issuer)
    .setIssuedAt(nowSeconds)
    .setNotBefore(nowSeconds)
    .setExpirationTime(nowSeconds + lifetimeSeconds)
    .setJti(randomUUID())
    .sign(keys.privateKey);
  const id = await new SignJWT({
    amr: "PWD",
    auth_time: Math.floor(input.authTime / 1000),
    "urn:esia:amd": "PWD",
    "urn:esia:sid": sid,
    "urn:esia:sbj": {
      "urn:esia:sbj:typ": "P",
      "urn:esia:sbj:nam": `OID.${personOid}`,
      "urn:esia:sbj:oid": Number(personOid),
      "urn:esia:sbj:is:tru": true,
    },
  })
    .setProtectedHeader({ alg: "RS256", ver: 0, typ: "JWT" })
    .setSubject(personOid)
    .setAudience(clientId)
    .setIssuer(issuer)
    .setIssuedAt(nowSeconds)
    .setNotBefore(nowSeconds)
    .setExpirationTime(nowSeconds + lifetimeSeconds)
    .sign(keys.privateKey);
  return { access, id, expiresIn: lifetimeSeconds };
}

export interface AccessClaims extends JWTPayload {
  client_id: string;
  scope: string;
  "urn:esia:sid": string;
  "urn:esia:sbj_id": number;
}

export async function verifyAccessToken(keys: TokenKeys, token: string, issuer: string): Promise<AccessClaims | null> {
  try {
    const { payload, protectedHeader } = await jwtVerify(token, keys.publicKey, { issuer, algorithms: ["RS256"] });
    if (protectedHeader.sbt !== "access") return null;
    return payload as AccessClaims;
  } catch {
    return null;
  }
}
