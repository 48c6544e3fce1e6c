// The ЕСИА cryptography's configuration: what the key files and the variables select, and the
// mistakes an operator can make, each said at start instead of failing at ЕСИА with 007053.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clientSecretFormat, esiaSigner, loadEsiaCrypto, verifyClientSecret } from "@/lib/esia/crypto";
import { parseCertificate } from "@/lib/esia/certificates";
import { generateDemoKeys } from "@/lib/esia/demo-keys";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pos-esia-crypto-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("настройка криптографии ЕСИА", () => {
  it("ESIA_CLIENT_SECRET_FORMAT: по умолчанию сырая подпись, cms по выбору, прочее — ошибка с подсказкой", () => {
    expect(clientSecretFormat(undefined)).toBe("raw");
    expect(clientSecretFormat("cms")).toBe("cms");
    expect(() => clientSecretFormat("pkcs7")).toThrow("ESIA_CLIENT_SECRET_FORMAT: ожидается raw или cms, получено «pkcs7»");
  });

  it("ключ не от этого сертификата — отказ при старте, а не ESIA-007053 у ЕСИА", () => {
    const [a, b] = [generateDemoKeys(), generateDemoKeys()];
    expect(() => esiaSigner(a.client.keyPem, b.client.certPem)).toThrow(/не соответствует её сертификату/);
    expect(() => esiaSigner(a.client.keyPem, a.client.certPem, "cms")).not.toThrow();
  });

  it("подписи ГОСТ: сырая — 64 байта, CMS — той же проверкой; у RSA-сертификата CMS нет", async () => {
    const keys = generateDemoKeys();
    const certificate = parseCertificate(keys.client.certPem);
    for (const format of ["raw", "cms"] as const) {
      const secret = await esiaSigner(keys.client.keyPem, keys.client.certPem, format).sign("сообщение");
      expect(Buffer.from(secret, "base64url").length === 64).toBe(format === "raw");
      expect(verifyClientSecret("сообщение", secret, certificate)).toBe(true);
      expect(verifyClientSecret("сообщениЕ", secret, certificate)).toBe(false);
    }
    const rsa = generateDemoKeys("rsa");
    expect(() => esiaSigner(rsa.client.keyPem, rsa.client.certPem, "cms")).toThrow("client_secret в формате CMS поддерживается только для ключей ГОСТ");
  });

  it("ESIA_CRYPTO_MODULE заменяет встроенную криптографию (подписант КриптоПро, HSM)", async () => {
    const modulePath = path.join(dir, "signer.mjs");
    fs.writeFileSync(modulePath, `export async function createEsiaCrypto(files) {
      return { signer: { certificateHash: "AB", sign: async (m) => "signed:" + m + ":" + files.clientKeyPath }, verifier: { verify: async () => ({}) } };
    }`);
    const crypto = await loadEsiaCrypto({ clientKeyPath: "/keys/k", clientCertPath: "/keys/c", esiaCertPath: "/keys/e" }, { ESIA_CRYPTO_MODULE: modulePath });
    expect(await crypto.signer.sign("x")).toBe("signed:x:/keys/k");
    expect(crypto.description).toBe(`модуль ESIA_CRYPTO_MODULE (${modulePath})`);
  });
});
