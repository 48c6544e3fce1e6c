// Which security headers each kind of path gets (lib/security/headers.ts). The running app is
// checked in tests/e2e/security.spec.ts.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, pathKind, securityHeaders, type HeaderOptions } from "@/lib/security/headers";

const base: HeaderOptions = { nonce: "bm9uY2U=", esiaOrigin: "https://esia.gosuslugi.ru", portalUrl: "https://pos.example.ru", development: false, production: true };

describe("заголовки безопасности", () => {
  it("страницы портала: CSP с nonce, без встраивания, без утечки адреса, с HSTS в продуктиве на https", () => {
    const h = securityHeaders("/admin/cabinets/220801", base);
    const csp = h["Content-Security-Policy"];
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self' https://esia.gosuslugi.ru");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(h).toMatchObject({
      "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "Cross-Origin-Opener-Policy": "same-origin",
      "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    });
    expect(h["Permissions-Policy"]).toContain("camera=()");
  });

  it("HSTS — только в продуктиве и только на https; eval — только в next dev", () => {
    expect(securityHeaders("/", { ...base, production: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders("/", { ...base, portalUrl: "http://127.0.0.1:3100" })).not.toHaveProperty("Strict-Transport-Security");
    expect(contentSecurityPolicy({ ...base, portalUrl: "http://127.0.0.1:3100" })).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ ...base, development: true, production: false })).toContain("'unsafe-eval'");
  });

  it("форму гражданина, загрузчик виджета и встраиваемый статус разрешено встраивать: глобальный запрет к ним не применяется", () => {
    expect(pathKind("/form")).toBe("citizen-form");
    expect(pathKind("/form/")).toBe("citizen-form");
    expect(pathKind("/widget/script.min.js")).toBe("widget");
    expect(pathKind("/widget/seen")).toBe("widget");
    expect(pathKind("/status/75738000/embed")).toBe("status-embed");
    expect(pathKind("/status/75738000")).toBe("app");
    expect(pathKind("/formula")).toBe("app");
    // The form sets its own CSP (frame-ancestors of the official site): nothing here may contradict it.
    const form = securityHeaders("/form", base);
    expect(form).not.toHaveProperty("Content-Security-Policy");
    expect(form).not.toHaveProperty("X-Frame-Options");
    const widget = securityHeaders("/widget/script.min.js", base);
    expect(Object.keys(widget)).toEqual(["Strict-Transport-Security"]);
    const embed = securityHeaders("/status/75738000/embed", base);
    expect(embed["Content-Security-Policy"]).toContain("frame-ancestors *");
    expect(embed["Content-Security-Policy"]).toContain("default-src 'none'");
    expect(embed).not.toHaveProperty("X-Frame-Options");
  });

  it("nonce каждый раз новый, 128 бит", () => {
    const a = newNonce();
    expect(a).not.toBe(newNonce());
    expect(Buffer.from(a, "base64")).toHaveLength(16);
  });
});
