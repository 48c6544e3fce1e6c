// CMS (PKCS#7) detached SignedData with ГОСТ Р 34.10-2012-256 over Стрибог-256: the shape of
// `openssl smime -sign -binary -outform DER -noattr -md md_gost12_256`. ЕСИА's older endpoints and
// КриптоПро-style signers use it for client_secret (docs/decisions/013-gost-crypto.md).
import { timingSafeEqual, type KeyObject } from "node:crypto";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import {
  CertificateChoices, CertificateSet, CMSVersion, ContentInfo, DigestAlgorithmIdentifiers, EncapsulatedContentInfo, IssuerAndSerialNumber,
  SignedData, SignerIdentifier, SignerInfo, SignerInfos,
} from "@peculiar/asn1-cms";
import { AlgorithmIdentifier, Certificate } from "@peculiar/asn1-x509";
import { OIDS, signGost, streebog256, verifyGost } from "./gost";
import type { ParsedCertificate } from "./certificates";

const ASN1_NULL = new Uint8Array([5, 0]).buffer;
const algorithm = (oid: string) => new AlgorithmIdentifier({ algorithm: oid, parameters: ASN1_NULL });

/**
 * Makes detached SignedData of messages, without signed attributes, carrying the signer's
 * certificate. The structure is the same for every message but the signature, its last 64 bytes
 * (a ГОСТ-256 signature has that fixed length): it is encoded once, and each message's signature
 * is written into a copy — ASN.1 encoding costs far more than the signature itself.
 */
export function detachedSigner(certificateDer: Uint8Array, privateKey: KeyObject): (message: Uint8Array) => Buffer {
  const certificate = AsnConvert.parse(certificateDer, Certificate);
  const signerInfo = new SignerInfo({
    version: CMSVersion.v1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({ issuer: certificate.tbsCertificate.issuer, serialNumber: certificate.tbsCertificate.serialNumber }),
    }),
    digestAlgorithm: algorithm(OIDS.streebog256),
    signatureAlgorithm: algorithm(OIDS.gost2012_256),
    signature: new OctetString(64),
  });
  const signedData = new SignedData({
    version: CMSVersion.v1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([algorithm(OIDS.streebog256)]),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: OIDS.data }),
    certificates: new CertificateSet([new CertificateChoices({ certificate })]),
    signerInfos: new SignerInfos([signerInfo]),
  });
  const template = Buffer.from(AsnConvert.serialize(new ContentInfo({ contentType: OIDS.signedData, content: AsnConvert.serialize(signedData) })));
  return (message) => {
    const signature = signGost(message, privateKey);
    const der = Buffer.from(template);
    signature.copy(der, der.length - signature.length);
    return der;
  };
}

/** DER of the OBJECT IDENTIFIER id-data: the contentType attribute of a signature over plain data. */
const ID_DATA_DER = Buffer.from("06092a864886f70d010701", "hex");

function derSet(items: Buffer[]): Buffer {
  const body = Buffer.concat(items);
  const length = [];
  for (let n = body.length; n > 0; n >>= 8) length.unshift(n & 0xff);
  const header = body.length < 0x80 ? [0x31, body.length] : [0x31, 0x80 | length.length, ...length];
  return Buffer.concat([Buffer.from(header), body]);
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && timingSafeEqual(a, b);

/**
 * Whether `der` is a detached ГОСТ signature of the message by this very certificate: one signer,
 * named by issuer and serial number, the certificate it carries (if any) byte for byte the
 * registered one, Стрибог-256 digest; with signed attributes, their messageDigest must match.
 */
export function verifyDetached(message: Uint8Array, der: Uint8Array, registered: ParsedCertificate): boolean {
  if (registered.kind !== "gost2012_256") return false;
  let signedData: SignedData;
  try {
    const info = AsnConvert.parse(der, ContentInfo);
    if (info.contentType !== OIDS.signedData) return false;
    signedData = AsnConvert.parse(info.content, SignedData);
  } catch {
    return false;
  }
  if (signedData.encapContentInfo.eContent || signedData.signerInfos.length !== 1) return false;
  const signer = signedData.signerInfos[0];
  const sid = signer.sid.issuerAndSerialNumber;
  if (!sid || !same(Buffer.from(AsnConvert.serialize(sid.issuer)), registered.issuerDer) || !same(Buffer.from(sid.serialNumber), registered.serialNumber)) return false;
  for (const choice of signedData.certificates ?? []) {
    if (choice.certificate && !same(Buffer.from(AsnConvert.serialize(choice.certificate)), registered.der)) return false;
  }
  if (signer.digestAlgorithm.algorithm !== OIDS.streebog256) return false;
  if (![OIDS.gost2012_256, OIDS.signWithStreebog256].includes(signer.signatureAlgorithm.algorithm as typeof OIDS.gost2012_256)) return false;
  let signedBytes: Uint8Array = message;
  if (signer.signedAttrs) {
    const attribute = (oid: string) => signer.signedAttrs!.find((a) => a.attrType === oid)?.attrValues[0];
    const digest = attribute(OIDS.messageDigest);
    const contentType = attribute(OIDS.contentType);
    if (!digest || !contentType || !same(new Uint8Array(contentType), ID_DATA_DER)) return false;
    if (!same(new Uint8Array(AsnConvert.parse(digest, OctetString).buffer), streebog256(message))) return false;
    // The signature covers the attributes' DER as a SET (in the order received, which DER sorted).
    signedBytes = derSet(signer.signedAttrs.map((a) => Buffer.from(AsnConvert.serialize(a))));
  }
  return verifyGost(signedBytes, new Uint8Array(signer.signature.buffer), registered.publicKey);
}
