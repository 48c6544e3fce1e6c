// X.509 certificates of the ЕСИА exchange: reading the system's and ЕСИА's, their hash as ЕСИА
// wants it (client_certificate_hash), and self-signed demo certificates (ГОСТ, or RSA where no
// ГОСТ implementation can be had).
import crypto, { X509Certificate, type KeyObject } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import {
  AlgorithmIdentifier, AttributeTypeAndValue, AttributeValue, Certificate, Name, RelativeDistinguishedName, SubjectPublicKeyInfo,
  TBSCertificate, Validity, Version,
} from "@peculiar/asn1-x509";
import { gostEngine } from "./gost-engine";
import { OIDS, generateGostKeyPair, keyKindOfSpki, signGost, streebog256, type KeyKind } from "./gost";

export interface KeyAndCertificate {
  keyPem: string;
  certPem: string;
}

export interface ParsedCertificate {
  der: Buffer;
  kind: KeyKind | null;
  publicKey: KeyObject;
  /** DER of the issuer Name and the serial number: how a CMS signer names its certificate. */
  issuerDer: Buffer;
  serialNumber: Buffer;
}

export function parseCertificate(certPem: string): ParsedCertificate {
  gostEngine(); // a ГОСТ public key is known to OpenSSL only once the engine is loaded
  const x509 = new X509Certificate(certPem);
  const asn = AsnConvert.parse(x509.raw, Certificate);
  return {
    der: x509.raw,
    kind: keyKindOfSpki(new Uint8Array(AsnConvert.serialize(asn.tbsCertificate.subjectPublicKeyInfo))),
    publicKey: x509.publicKey,
    issuerDer: Buffer.from(AsnConvert.serialize(asn.tbsCertificate.issuer)),
    serialNumber: Buffer.from(asn.tbsCertificate.serialNumber),
  };
}

/**
 * client_certificate_hash: Стрибог-256 of the certificate's DER, hex in capitals, as ЕСИА's
 * методические рекомендации compute it (`cpverify -mk -alg GR3411_2012_256` over the DER).
 * Without a ГОСТ implementation (the RSA fallback) SHA-256 stands in, on both sides alike.
 */
export function certificateHash(certPem: string): string {
  const der = new X509Certificate(certPem).raw;
  const digest = gostEngine().available ? streebog256(der) : crypto.createHash("sha256").update(der).digest();
  return digest.toString("hex").toUpperCase();
}

/** The kind of key this machine gives new demo certificates: ГОСТ when the engine is here. */
export function demoKeyKind(): KeyKind {
  return gostEngine().available ? "gost2012_256" : "rsa";
}

function name(commonName: string, organization: string): Name {
  const rdn = (type: string, value: string) => new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value: new AttributeValue({ utf8String: value }) })]);
  return new Name([rdn("2.5.4.3", commonName), rdn("2.5.4.10", organization)]);
}

const ASN1_NULL = new Uint8Array([5, 0]).buffer;

/** A key pair and a self-signed certificate for it (demo and tests only). */
/**
 * A random serial number as DER wants it: positive and minimally encoded. A first byte of 0x00
 * before one below 0x80 is «illegal padding» to OpenSSL (about one certificate in 256), so the top
 * byte is kept within 0x40–0x7f.
 */
export function certificateSerial(random: Buffer = crypto.randomBytes(16)): Buffer {
  const serial = Buffer.from(random);
  serial[0] = (serial[0] & 0x3f) | 0x40;
  return serial;
}

export function selfSignedCertificate(commonName: string, organization: string, kind: KeyKind, validDays = 5 * 365): KeyAndCertificate {
  const { privateKey, publicKey } = kind === "gost2012_256" ? generateGostKeyPair() : crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signatureAlgorithm = kind === "gost2012_256"
    ? new AlgorithmIdentifier({ algorithm: OIDS.signWithStreebog256 })
    : new AlgorithmIdentifier({ algorithm: OIDS.sha256WithRsa, parameters: ASN1_NULL });
  const serial = certificateSerial();
  const subject = name(commonName, organization);
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: new Uint8Array(serial).buffer,
    signature: signatureAlgorithm,
    issuer: subject,
    validity: new Validity({ notBefore: new Date(Date.now() - 24 * 3600_000), notAfter: new Date(Date.now() + validDays * 24 * 3600_000) }),
    subject,
    subjectPublicKeyInfo: AsnConvert.parse(publicKey.export({ type: "spki", format: "der" }), SubjectPublicKeyInfo),
  });
  const tbsDer = Buffer.from(AsnConvert.serialize(tbs));
  const signature = kind === "gost2012_256" ? signGost(tbsDer, privateKey) : crypto.sign("sha256", tbsDer, privateKey);
  const certificate = new Certificate({ tbsCertificate: tbs, signatureAlgorithm, signatureValue: new Uint8Array(signature).buffer });
  const der = Buffer.from(AsnConvert.serialize(certificate));
  return {
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    certPem: `-----BEGIN CERTIFICATE-----\n${der.toString("base64").replace(/(.{64})/g, "$1\n").replace(/\n$/, "")}\n-----END CERTIFICATE-----\n`,
  };
}
