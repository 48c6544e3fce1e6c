import { describe, expect, it } from "vitest";
import { formatTimestamp, parseTimestamp, secretMessage } from "@/lib/esia/protocol";
import { normalizePhone } from "@/lib/esia-emulator/world";

describe("протокол ЕСИА", () => {
  it("пишет timestamp как yyyy.MM.dd HH:mm:ss Z и читает его обратно", () => {
    const at = new Date("2025-09-02T10:00:29Z");
    expect(formatTimestamp(at)).toBe("2025.09.02 13:00:29 +0300");
    expect(formatTimestamp(at, 300)).toBe("2025.09.02 15:00:29 +0500");
    expect(formatTimestamp(at, -90)).toBe("2025.09.02 08:30:29 -0130");
    expect(parseTimestamp("2025.09.02 13:00:29 +0300")?.toISOString()).toBe(at.toISOString());
    expect(parseTimestamp("2025-09-02 13:00:29 +0300")).toBeNull();
    expect(parseTimestamp("2025.09.02 13:00:29")).toBeNull();
  });

  it("подписывает поля в порядке client_id, scope, scope_org, timestamp, state, redirect_uri, code", () => {
    const base = { client_id: "MNSV36", scope: "openid fullname", timestamp: "2025.09.02 13:00:29 +0300", state: "8f6d2c4e-0a51-4d7e-9f36-1c2b3a4d5e6f", redirect_uri: "https://pos.example/cb" };
    expect(secretMessage(base)).toBe("MNSV36openid fullname2025.09.02 13:00:29 +03008f6d2c4e-0a51-4d7e-9f36-1c2b3a4d5e6fhttps://pos.example/cb");
    expect(secretMessage({ ...base, scope_org: "1000", code: "abc" })).toBe(
      "MNSV36openid fullname10002025.09.02 13:00:29 +03008f6d2c4e-0a51-4d7e-9f36-1c2b3a4d5e6fhttps://pos.example/cbabc",
    );
  });

  it("узнаёт телефон в любой записи", () => {
    expect(normalizePhone("+7 (900) 000-00-06")).toBe("79000000006");
    expect(normalizePhone("89000000006")).toBe("79000000006");
    expect(normalizePhone("9000000006")).toBe("79000000006");
    expect(normalizePhone("12345")).toBeNull();
  });
});
