// ЕСИА's tokens are compact JWS signed `GOST3410_2012_256` (or RS256, if the system chose RSA on
// ЕСИА's technology portal). No JOSE library knows the ГОСТ algorithm, so both are signed and
// checked here with node:crypto; the algorithm a token may use follows from ЕСИА's certificate.
import crypto, { type KeyObject } from "node:crypto";
import type { ParsedCertificate } from "./certificates";
import { signGost, verifyGost, type KeyKind } from "./gost";

export type JwsAlgorithm = "GOST3410_2012_256" | "RS256";

export const JWS_ALGORITHM: Record<KeyKind, JwsAlgorithm> = { gost2012_256: "GOST3410_2012_256", rsa: "RS256" };

export interface JwtClaims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
  nbf?: number;
  iat?: number;
  [claim: string]: unknown;
}

export class JwsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JwsError";
  }
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function signJws(header: Record<string, unknown>, claims: JwtClaims, privateKey: KeyObject, kind: KeyKind): string {
  const input = `${encode({ ...header, alg: JWS_ALGORITHM[kind] })}.${encode(claims)}`;
  const data = Buffer.from(input, "ascii");
  const signature = kind === "gost2012_256" ? signGost(data, privateKey) : crypto.sign("sha256", data, privateKey);
  return `${input}.${signature.toString("base64url")}`;
}

/**
 * Checks the signature with the certificate (only the certificate's algorithm is accepted) and the
 * token's time window; returns header and claims. Issuer and audience are the caller's to check.
 */
export function verifyJws(jwt: string, certificate: ParsedCertificate, nowSeconds = Date.now() / 1000, toleranceSeconds = 30) {
  const parts = jwt.split(".");
  if (parts.length !== 3) throw new JwsError("маркер не в формате JWS");
  let header: Record<string, unknown>;
  let claims: JwtClaims;
  try {
    header = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
  } catch {
    throw new JwsError("маркер не читается");
  }
  if (!certificate.kind || header.alg !== JWS_ALGORITHM[certificate.kind]) {
    throw new JwsError(`алгоритм ${String(header.alg)} не соответствует сертификату ЕСИА`);
  }
  const data = Buffer.from(`${parts[0]}.${parts[1]}`, "ascii");
  const signature = Buffer.from(parts[2], "base64url");
  const valid = certificate.kind === "gost2012_256"
    ? verifyGost(data, signature, certificate.publicKey)
    : crypto.verify("sha256", data, certificate.publicKey, signature);
  if (!valid) throw new JwsError("подпись не подтверждена");
  if (typeof claims.exp !== "number" || claims.exp + toleranceSeconds < nowSeconds) throw new JwsError("срок действия маркера истёк");
  if (typeof claims.nbf === "number" && claims.nbf - toleranceSeconds > nowSeconds) throw new JwsError("маркер ещё не действует");
  return { header, claims };
}
