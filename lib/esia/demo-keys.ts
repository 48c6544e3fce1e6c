// Demo key pairs and self-signed certificates: the portal's (signs client_secret) and the
// emulator's (signs tokens). Generated on first start into a git-ignored folder; never for
// production, where the system's certificate is registered with ЕСИА.
import fs from "node:fs";
import path from "node:path";
// @peculiar/x509 uses decorators metadata (tsyringe): load the polyfill first.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import type { EsiaKeyFiles } from "./crypto";

export const DEFAULT_DEMO_KEYS_DIR = path.join(process.cwd(), ".data", "esia-demo-keys");

export interface DemoKeyFiles extends EsiaKeyFiles {
  esiaKeyPath: string;
}

export function demoKeyFiles(dir = DEFAULT_DEMO_KEYS_DIR): DemoKeyFiles {
  return {
    clientKeyPath: path.join(dir, "client.key.pem"),
    clientCertPath: path.join(dir, "client.crt.pem"),
    esiaKeyPath: path.join(dir, "esia.key.pem"),
    esiaCertPath: path.join(dir, "esia.crt.pem"),
  };
}

const ALG = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };

async function selfSigned(name: string): Promise<{ keyPem: string; certPem: string }> {
  const keys = (await crypto.subtle.generateKey(ALG, true, ["sign", "verify"])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Date.now().toString(16),
    name,
    notBefore: new Date(Date.now() - 24 * 3600_000),
    notAfter: new Date(Date.now() + 5 * 365 * 24 * 3600_000),
    keys,
    signingAlgorithm: ALG,
  });
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", keys.privateKey);
  const keyPem = x509.PemConverter.encode(pkcs8, "PRIVATE KEY");
  return { keyPem, certPem: cert.toString("pem") };
}

export async function generateDemoKeys(): Promise<{ client: { keyPem: string; certPem: string }; esia: { keyPem: string; certPem: string } }> {
  return {
    client: await selfSigned("CN=Платформа обратной связи (демо-система),O=Demo"),
    esia: await selfSigned("CN=Эмулятор ЕСИА (демо),O=Demo"),
  };
}

/** Creates the demo keys once; later starts reuse them so the portal and emulator agree. */
export async function ensureDemoKeys(dir = DEFAULT_DEMO_KEYS_DIR): Promise<DemoKeyFiles> {
  const files = demoKeyFiles(dir);
  if (Object.values(files).every((f) => fs.existsSync(f))) return files;
  fs.mkdirSync(dir, { recursive: true });
  const { client, esia } = await generateDemoKeys();
  fs.writeFileSync(files.clientKeyPath, client.keyPem, { mode: 0o600 });
  fs.writeFileSync(files.clientCertPath, client.certPem);
  fs.writeFileSync(files.esiaKeyPath, esia.keyPem, { mode: 0o600 });
  fs.writeFileSync(files.esiaCertPath, esia.certPem);
  return files;
}
