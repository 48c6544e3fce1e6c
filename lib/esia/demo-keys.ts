// Demo key pairs and self-signed certificates: the portal's (signs client_secret) and the
// emulator's (signs tokens). ГОСТ Р 34.10-2012 where the ГОСТ engine is installed, RSA otherwise
// (said at start). Made on first start in a git-ignored folder; never for production, where the
// system's certificate is registered with ЕСИА.
import fs from "node:fs";
import path from "node:path";
import type { EsiaKeyFiles } from "./crypto";
import { demoKeyKind, parseCertificate, selfSignedCertificate, type KeyAndCertificate } from "./certificates";
import type { KeyKind } from "./gost";

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

export function generateDemoKeys(kind: KeyKind = demoKeyKind()): { client: KeyAndCertificate; esia: KeyAndCertificate } {
  return {
    client: selfSignedCertificate("Платформа обратной связи (демо-система)", "Demo", kind),
    esia: selfSignedCertificate("Эмулятор ЕСИА (демо)", "Demo", kind),
  };
}

/**
 * Creates the demo keys once; later starts reuse them so the portal and emulator agree. Keys of
 * another kind than this machine can make now (RSA from before the ГОСТ engine was installed) are
 * replaced: they are demo keys only.
 */
export async function ensureDemoKeys(dir = DEFAULT_DEMO_KEYS_DIR): Promise<DemoKeyFiles> {
  const files = demoKeyFiles(dir);
  const kind = demoKeyKind();
  const present = Object.values(files).every((f) => fs.existsSync(f));
  if (present && [files.clientCertPath, files.esiaCertPath].every((f) => parseCertificate(fs.readFileSync(f, "utf8")).kind === kind)) return files;
  fs.mkdirSync(dir, { recursive: true });
  const { client, esia } = generateDemoKeys(kind);
  fs.writeFileSync(files.clientKeyPath, client.keyPem, { mode: 0o600 });
  fs.writeFileSync(files.clientCertPath, client.certPem);
  fs.writeFileSync(files.esiaKeyPath, esia.keyPem, { mode: 0o600 });
  fs.writeFileSync(files.esiaCertPath, esia.certPem);
  return files;
}
