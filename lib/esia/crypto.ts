// Cryptography of the ЕСИА exchange behind two small interfaces. With a ГОСТ key and certificate
// (the real ЕСИА, and the emulator by default) client_secret is a ГОСТ Р 34.10-2012 signature
// over Стрибог-256 and ЕСИА's tokens are checked as GOST3410_2012_256; an RSA key pair is the
// fallback for machines without a ГОСТ implementation (docs/decisions/013-gost-crypto.md).
import crypto from "node:crypto";
import fs from "node:fs";
import { detachedSigner, verifyDetached } from "./cms";
import { certificateHash, parseCertificate, type ParsedCertificate } from "./certificates";
import { gostEngine } from "./gost-engine";
import { privateKeyFromPem, signGost, verifyGost, type KeyKind } from "./gost";
import { verifyJws, type JwtClaims } from "./jws";

/** Signs the client_secret of the portal's requests with the system's certificate. */
export interface EsiaSigner {
  /** client_certificate_hash: ЕСИА's hash of the system's certificate. */
  readonly certificateHash: string;
  /** The signature of the message, base64url. */
  sign(message: string): Promise<string>;
}

/** Verifies the tokens ЕСИА issues (access and id tokens). */
export interface EsiaTokenVerifier {
  verify(jwt: string): Promise<JwtClaims>;
}

export interface EsiaCrypto {
  signer: EsiaSigner;
  verifier: EsiaTokenVerifier;
  /** What is in use, in words, for the start-up line and the health answer. */
  description: string;
}

export interface EsiaKeyFiles {
  clientKeyPath: string;
  clientCertPath: string;
  esiaCertPath: string;
}

/**
 * `raw`: the 64-byte ГОСТ signature, base64url — what ЕСИА's методические рекомендации ask for on
 * /aas/oauth2/v2/ac and /v3/te. `cms`: a detached PKCS#7 SignedData carrying the certificate —
 * the older endpoints' form, kept for signers and ЕСИА set-ups that want it.
 */
export type ClientSecretFormat = "raw" | "cms";

export function clientSecretFormat(value: string | undefined): ClientSecretFormat {
  if (!value || value === "raw") return "raw";
  if (value === "cms") return "cms";
  throw new Error(`ESIA_CLIENT_SECRET_FORMAT: ожидается raw или cms, получено «${value}»`);
}

/** The words for a kind of key, with the ГОСТ implementation or the reason for RSA. */
export function describeKeyKind(kind: KeyKind | null): string {
  if (kind === "gost2012_256") {
    const engine = gostEngine();
    return `ГОСТ Р 34.10-2012 (256 бит) и ГОСТ Р 34.11-2012 (Стрибог-256), OpenSSL с движком gost${engine.available ? ` (${engine.path})` : " — недоступен"}`;
  }
  if (kind === "rsa") return "RSA-SHA256 (запасной вариант без ГОСТ: настоящая ЕСИА ждёт ГОСТ)";
  return "неизвестный алгоритм";
}

function requireKind(certificate: ParsedCertificate, what: string): KeyKind {
  if (!certificate.kind) throw new Error(`${what}: ключ не ГОСТ Р 34.10-2012 (256 бит) и не RSA`);
  if (certificate.kind === "gost2012_256") {
    const engine = gostEngine();
    if (!engine.available) throw new Error(`${what} — ГОСТ. ${engine.reason}`);
  }
  return certificate.kind;
}

export function esiaSigner(keyPem: string, certPem: string, format: ClientSecretFormat = "raw"): EsiaSigner {
  const certificate = parseCertificate(certPem);
  const kind = requireKind(certificate, "Сертификат системы");
  const key = privateKeyFromPem(keyPem);
  if (kind === "rsa" && format === "cms") throw new Error("client_secret в формате CMS поддерживается только для ключей ГОСТ");
  // A key that does not belong to the certificate would fail at ЕСИА with 007053: say so at start.
  const probe = Buffer.from("esia-key-check");
  const matches = kind === "gost2012_256"
    ? verifyGost(probe, signGost(probe, key), certificate.publicKey)
    : crypto.verify("sha256", probe, certificate.publicKey, crypto.sign("sha256", probe, key));
  if (!matches) throw new Error("Закрытый ключ системы не соответствует её сертификату (ESIA_CLIENT_KEY, ESIA_CLIENT_CERT)");
  const cms = kind === "gost2012_256" && format === "cms" ? detachedSigner(certificate.der, key) : null;
  return {
    certificateHash: certificateHash(certPem),
    async sign(message) {
      const data = Buffer.from(message, "utf8");
      if (kind === "rsa") return crypto.sign("sha256", data, key).toString("base64url");
      return (cms ? cms(data) : signGost(data, key)).toString("base64url");
    },
  };
}

/**
 * ЕСИА's side of client_secret: a signature of the message by this certificate, either raw (64
 * bytes for ГОСТ) or a detached CMS SignedData by the same certificate.
 */
export function verifyClientSecret(message: string, secret: string, certificate: ParsedCertificate): boolean {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(secret)) return false;
  const data = Buffer.from(message, "utf8");
  const signature = Buffer.from(secret, "base64url");
  if (certificate.kind === "gost2012_256") {
    if (!gostEngine().available) return false;
    return signature.length === 64 ? verifyGost(data, signature, certificate.publicKey) : verifyDetached(data, signature, certificate);
  }
  if (certificate.kind === "rsa") {
    try {
      return crypto.verify("sha256", data, certificate.publicKey, signature);
    } catch {
      return false;
    }
  }
  return false;
}

export function esiaTokenVerifier(esiaCertPem: string, now: () => number = Date.now): EsiaTokenVerifier {
  const certificate = parseCertificate(esiaCertPem);
  requireKind(certificate, "Сертификат ЕСИА");
  return {
    async verify(jwt) {
      return verifyJws(jwt, certificate, now() / 1000).claims;
    },
  };
}

export function esiaCrypto(files: EsiaKeyFiles, env: Record<string, string | undefined> = process.env): EsiaCrypto {
  const certPem = fs.readFileSync(files.clientCertPath, "utf8");
  return {
    signer: esiaSigner(fs.readFileSync(files.clientKeyPath, "utf8"), certPem, clientSecretFormat(env.ESIA_CLIENT_SECRET_FORMAT)),
    verifier: esiaTokenVerifier(fs.readFileSync(files.esiaCertPath, "utf8")),
    description: describeKeyKind(parseCertificate(certPem).kind),
  };
}

/**
 * The key files decide the algorithm. ESIA_CRYPTO_MODULE overrides it all with an ES module that
 * exports `createEsiaCrypto(files): Promise<EsiaCrypto>` (a КриптоПро or HSM signer, say).
 */
export async function loadEsiaCrypto(files: EsiaKeyFiles, env: Record<string, string | undefined> = process.env): Promise<EsiaCrypto> {
  if (!env.ESIA_CRYPTO_MODULE) return esiaCrypto(files, env);
  const mod = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ env.ESIA_CRYPTO_MODULE)) as {
    createEsiaCrypto(files: EsiaKeyFiles): Promise<Omit<EsiaCrypto, "description"> & { description?: string }>;
  };
  const crypto = await mod.createEsiaCrypto(files);
  return { ...crypto, description: crypto.description ?? `модуль ESIA_CRYPTO_MODULE (${env.ESIA_CRYPTO_MODULE})` };
}
