// Issue 17, finding 6: `q=%00` answered 500 on the public status page, its embed, /api/status,
// /monitoring, /admin and the accounts list (PostgreSQL does not take the NUL character). Text the
// database cannot store — NUL, a lone UTF-16 surrogate — is refused by one guard
// (lib/validation/text.ts) before it reaches any page or handler: proxy.ts answers 400 in Russian
// for a URL or a form/JSON body of a route, server actions answer with a field message
// (defineAction), the citizen form with its own field message (it keeps the text).
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { unstorableRequestPart } from "@/lib/validation/text";

const ORIGIN = "http://portal.test";

async function through(path: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) {
  const response = await proxy(new NextRequest(new URL(path, ORIGIN), init));
  return { status: response.status, text: await response.text(), type: response.headers.get("content-type") ?? "" };
}

describe("текст, который база не примет, в адресе или теле запроса — 400 по-русски, а не 500", () => {
  it.each([
    "/status/75738000?q=%00",
    "/status/75738000/embed?q=%00",
    "/api/status?oktmo=75738000&q=%00",
    "/monitoring?q=%00",
    "/monitoring?organ=%00&status=IN_PROGRESS",
    "/admin?q=%00",
    "/admin/cabinets/220806/accounts?q=%00",
    "/admin/requests?q=%00",
    "/admin/cabinets/%00",
    "/status/%00",
    "/invite/abc%00/request",
    "/registration/editorial-options?regionId=region-74%00",
    "/api/status?oktmo=%00",
  ])("%s", async (path) => {
    const r = await through(path);
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/недопустимый невидимый символ/);
    if (path.startsWith("/api/")) expect(r.type).toMatch(/json/);
    else expect(r.type).toMatch(/text\/html/);
  });

  it("тело маршрута: JSON с одиноким суррогатом и форма с NUL — 400; действие сервера проверяет свой ввод само", async () => {
    const json = await through("/api/csp-report", { method: "POST", headers: { "content-type": "application/json" }, body: '{"csp-report":{"document-uri":"\\ud800"}}' });
    expect(json.status).toBe(400);
    const form = await through("/vision", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "mode=low&back=%2F%00" });
    expect(form.status).toBe(400);
    // Server actions (Next-Action) go on to defineAction, which names the field.
    const action = await through("/admin", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "next-action": "abc" }, body: "q=%00" });
    expect(action.status).toBe(200);
    // The citizen's form answers with its own page that keeps the text (app/form/route.ts).
    const citizen = await through("/form?opaId=220805", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "text=%00" });
    expect(citizen.status).toBe(200);
  });

  it("обычный ввод, эмодзи, RTL и пары суррогатов проходят", async () => {
    for (const path of ["/status/75738000?q=%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0", "/monitoring?q=%F0%9F%98%80", "/admin?q=%E2%80%AE%D1%8B", "/"]) {
      expect((await through(path)).status, path).toBe(200);
    }
    expect(unstorableRequestPart(new URL(`${ORIGIN}/status/1?q=%F0%9F%98%80`))).toBeNull();
    expect(unstorableRequestPart(new URL(`${ORIGIN}/status/1?q=%00`))).toBe("q");
  });
});
