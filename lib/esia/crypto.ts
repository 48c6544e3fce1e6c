// Cryptography of the ЕСИА exchange behind two small interfaces. Production ЕСИА wants GOST R
// 34.10-2012 signatures (a CMS detached signature of the client_secret) and signs its tokens with
// GOST too: plug a GOST module in with ESIA_CRYPTO_MODULE (docs/decisions/003-esia.md). The demo
// implementation uses RSA-SHA256 with self-signed demo certificates, on both sides.
import { createHash, createPrivateKey, createPublicKey, sign, verify, X509Certificate } from "node:crypto";
import fs from "node:fs";
import { importSPKI, jwtVerify, type JWTPayload } from "jose";

/** Signs the client_secret of the portal's requests with the system's certificate. */
export interface EsiaSigner {
  /** client_certificate_hash: hex digest of the system's certificate. */
  readonly certificateHash: string;
  /** Detached signature of the message, base64url. */
  sign(message: string): Promise<string>;
}

/** Verifies the tokens ЕСИА issues (access and id tokens). */
export interface EsiaTokenVerifier {
  verify(jwt: string): Promise<JWTPayload>;
}

export interface EsiaCrypto {
  signer: EsiaSigner;
  verifier: EsiaTokenVerifier;
}

export interface EsiaKeyFiles {
  clientKeyPath: string;
  clientCertPath: string;
  esiaCertPath: string;
}

/** Hex SHA-256 of the certificate's DER: the demo's client_certificate_hash. */
export function certificateHash(certPem: string): string {
  return createHash("sha256").update(new X509Certificate(certPem).raw).digest("hex");
}

export function demoRsaSigner(clientKeyPem: string, clientCertPem: string): EsiaSigner {
  const key = createPrivateKey(clientKeyPem);
  return {
    certificateHash: certificateHash(clientCertPem),
    async sign(message) {
      return sign("sha256", Buffer.from(message, "utf8"), key).toString("base64url");
    },
  };
}

export function verifyDemoRsaSignature(message: string, signature: string, certPem: string): boolean {
  try {
    const key = createPublicKey(new X509Certificate(certPem).publicKey.export({ type: "spki", format: "pem" }));
    return verify("sha256", Buffer.from(message, "utf8"), key, Buffer.from(signature, "base64url"));
  } catch {
    return false;
  }
}

export function demoRsaVerifier(esiaCertPem: string): EsiaTokenVerifier {
  const spki = new X509Certificate(esiaCertPem).publicKey.export({ type: "spki", format: "pem" }).toString();
  const key = importSPKI(spki, "RS256");
  return {
    async verify(jwt) {
      const { payload } = await jwtVerify(jwt, await key, { algorithms: ["RS256"], clockTolerance: 30 });
      return payload;
    },
  };
}

export function demoRsaCrypto(files: EsiaKeyFiles): EsiaCrypto {
  return {
    signer: demoRsaSigner(fs.readFileSync(files.clientKeyPath, "utf8"), fs.readFileSync(files.clientCertPath, "utf8")),
    verifier: demoRsaVerifier(fs.readFileSync(files.esiaCertPath, "utf8")),
  };
}

/**
 * ESIA_CRYPTO_MODULE names an ES module exporting `createEsiaCrypto(files): Promise<EsiaCrypto>`
 * (for example one that calls CryptoPro or OpenSSL with the GOST engine); without it, demo RSA.
 */
export async function loadEsiaCrypto(files: EsiaKeyFiles, modulePath = process.env.ESIA_CRYPTO_MODULE): Promise<EsiaCrypto> {
  if (!modulePath) return demoRsaCrypto(files);
  const mod = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ modulePath)) as {
    createEsiaCrypto(files: EsiaKeyFiles): Promise<EsiaCrypto>;
  };
  return mod.createEsiaCrypto(files);
}
