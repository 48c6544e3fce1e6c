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
    expect(pathKind("/status/cached/3/75738000/2/embed")).toBe("status-embed");
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

  it("публичные страницы статуса (из кэша Next): ни одного скрипта, без 'unsafe-inline' и без nonce; портал — прежняя политика", () => {
    for (const path of ["/status", "/status/", "/status/75738000", "/status/cached/0/list/low", "/status/cached/0/75738000/1/normal", "/home/cached/normal"]) expect(pathKind(path), path).toBe("public-page");
    for (const path of ["/", "/home", "/monitoring", "/statusx", "/api/status", "/status/75738000/other"]) expect(pathKind(path), path).not.toBe("public-page");
    const page = securityHeaders("/status/75738000", base);
    const policy = page["Content-Security-Policy"];
    expect(policy).toContain("script-src 'none'");
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("nonce-");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(page["X-Frame-Options"]).toBe("DENY");
    expect(securityHeaders("/admin", base)["Content-Security-Policy"]).toBe(contentSecurityPolicy(base));
    expect(contentSecurityPolicy(base)).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  });

  it("nonce каждый раз новый, 128 бит", () => {
    const a = newNonce();
    expect(a).not.toBe(newNonce());
    expect(Buffer.from(a, "base64")).toHaveLength(16);
  });
});
