// A demo certificate's serial must be DER that OpenSSL reads: a random first byte of 0x00 made about
// one certificate in 256 unreadable («illegal padding»), and a test or a first start failed with it.
import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { certificateSerial, selfSignedCertificate } from "@/lib/esia/certificates";

describe("серийный номер демо-сертификата", () => {
  it("положителен и записан без лишнего нулевого байта при любых случайных байтах", () => {
    for (const first of [0x00, 0x01, 0x3f, 0x40, 0x7f, 0x80, 0xff]) {
      const random = Buffer.alloc(16, 0x00);
      random[0] = first;
      const serial = certificateSerial(random);
      expect(serial).toHaveLength(16);
      expect(serial[0]).toBeGreaterThanOrEqual(0x40);
      expect(serial[0]).toBeLessThan(0x80);
      expect(serial.subarray(1)).toEqual(random.subarray(1));
    }
  });

  it("сертификат с таким номером читает OpenSSL", () => {
    const { certPem } = selfSignedCertificate("Проверка", "Demo", "rsa", 1);
    const x509 = new X509Certificate(certPem);
    expect(x509.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
  });
});
