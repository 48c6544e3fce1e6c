// Tokens as ЕСИА issues them: JWT access and id tokens with its claims, signed GOST3410_2012_256
// with the emulator's ГОСТ key as ЕСИА does (RS256 only in the fallback without ГОСТ).
import { randomUUID, type KeyObject } from "node:crypto";
import { parseCertificate, type ParsedCertificate } from "../esia/certificates";
import { privateKeyFromPem, type KeyKind } from "../esia/gost";
import { signJws, verifyJws, type JwtClaims } from "../esia/jws";
import { grantedOrgScope, isOrganizationScope } from "../esia/protocol";

export interface TokenKeys {
  privateKey: KeyObject;
  certificate: ParsedCertificate;
  kind: KeyKind;
}

export function tokenKeys(privateKeyPem: string, certPem: string): TokenKeys {
  const certificate = parseCertificate(certPem);
  if (!certificate.kind) throw new Error("Сертификат эмулятора ЕСИА: ключ не ГОСТ и не RSA");
  return { privateKey: privateKeyFromPem(privateKeyPem), certificate, kind: certificate.kind };
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
  const times = { iss: issuer, iat: nowSeconds, nbf: nowSeconds, exp: nowSeconds + lifetimeSeconds };
  const access = signJws({ ver: 1, sbt: "access", typ: "JWT" }, {
    ...times,
    client_id: clientId,
    scope: input.scope.join(" "),
    "urn:esia:sid": sid,
    "urn:esia:sbj_id": Number(personOid),
    jti: randomUUID(),
  }, keys.privateKey, keys.kind);
  const id = signJws({ ver: 0, typ: "JWT" }, {
    ...times,
    sub: personOid,
    aud: clientId,
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
  }, keys.privateKey, keys.kind);
  return { access, id, expiresIn: lifetimeSeconds };
}

export interface AccessClaims extends JwtClaims {
  client_id: string;
  scope: string;
  "urn:esia:sid": string;
  "urn:esia:sbj_id": number;
}

export async function verifyAccessToken(keys: TokenKeys, token: string, issuer: string): Promise<AccessClaims | null> {
  try {
    const { header, claims } = verifyJws(token, keys.certificate, Date.now() / 1000, 0);
    if (header.sbt !== "access" || claims.iss !== issuer) return null;
    return claims as AccessClaims;
  } catch {
    return null;
  }
}
