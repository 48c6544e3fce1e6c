// ГОСТ Р 34.10-2012 (256 бит) and ГОСТ Р 34.11-2012 (Стрибог-256) through OpenSSL's engine
// (gost-engine.ts). Signatures are OpenSSL's 64 bytes (s || r, big-endian): the form ЕСИА's
// методические рекомендации ask for after CryptoPro's output is mirrored (docs/decisions/013-gost-crypto.md).
import crypto, { type KeyObject } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import { SubjectPublicKeyInfo } from "@peculiar/asn1-x509";
import { gostEngine, requireGostEngine } from "./gost-engine";

export const OIDS = {
  gost2012_256: "1.2.643.7.1.1.1.1",
  gost2012_512: "1.2.643.7.1.1.1.2",
  streebog256: "1.2.643.7.1.1.2.2",
  signWithStreebog256: "1.2.643.7.1.1.3.2",
  cryptoProParamSetA: "1.2.643.2.2.35.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRsa: "1.2.840.113549.1.1.11",
  sha256: "2.16.840.1.101.3.4.2.1",
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
} as const;

export const GOST_DIGEST = "md_gost12_256";

export type KeyKind = "gost2012_256" | "rsa";

/** The kind of a public key (SubjectPublicKeyInfo DER); anything else is refused by the callers. */
export function keyKindOfSpki(spkiDer: Uint8Array): KeyKind | null {
  const algorithm = AsnConvert.parse(spkiDer, SubjectPublicKeyInfo).algorithm.algorithm;
  if (algorithm === OIDS.gost2012_256) return "gost2012_256";
  if (algorithm === OIDS.rsaEncryption) return "rsa";
  return null;
}

/** A private key from PEM; ГОСТ keys are known to OpenSSL only once the engine is loaded. */
export function privateKeyFromPem(pem: string): KeyObject {
  gostEngine();
  try {
    return crypto.createPrivateKey(pem);
  } catch {
    // Node 20: a ГОСТ digest leaves an error on OpenSSL's queue that fails the next key load
    // once ("unsupported"); the second attempt reads the same key cleanly. A bad key fails twice.
    return crypto.createPrivateKey(pem);
  }
}

export function streebog256(data: Uint8Array | string): Buffer {
  requireGostEngine();
  return crypto.createHash(GOST_DIGEST).update(data).digest();
}

export function signGost(data: Uint8Array, privateKey: KeyObject): Buffer {
  requireGostEngine();
  return crypto.sign(GOST_DIGEST, data, privateKey);
}

export function verifyGost(data: Uint8Array, signature: Uint8Array, publicKey: KeyObject): boolean {
  requireGostEngine();
  if (signature.length !== 64) return false;
  try {
    return crypto.verify(GOST_DIGEST, data, publicKey, signature);
  } catch {
    return false;
  }
}

// PKCS#8 of a ГОСТ Р 34.10-2012-256 key with the CryptoPro-A parameters and Стрибог-256, as
// `openssl genpkey -engine gost -algorithm gost2012_256 -pkeyopt paramset:A` writes it; the
// private scalar (32 bytes, little-endian) follows.
const PKCS8_PREFIX = Buffer.from("304602010030" + "1f06082a85030701010101" + "301306072a8503020223010608" + "2a85030701010202" + "0420", "hex");
const CRYPTOPRO_A_ORDER = 0xffffffffffffffffffffffffffffffff6c611070995ad10045841b09b761b893n;

/** A fresh key pair: a random scalar 0 < d < q; the engine derives the public key. PEM, as Node's DER path does not consult the engine. */
export function generateGostKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  requireGostEngine();
  for (;;) {
    const d = crypto.randomBytes(32);
    const value = BigInt(`0x${Buffer.from(d).reverse().toString("hex")}`);
    if (value === 0n || value >= CRYPTOPRO_A_ORDER) continue;
    const privateKey = privateKeyFromPem(`-----BEGIN PRIVATE KEY-----\n${Buffer.concat([PKCS8_PREFIX, d]).toString("base64")}\n-----END PRIVATE KEY-----\n`);
    return { privateKey, publicKey: crypto.createPublicKey(privateKey) };
  }
}
