// An official site reachable as both school18.ru and www.school18.ru is one site: the form may be
// framed by, and accept messages from, either form — exactly that pair, nothing wider.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET, POST } from "@/app/form/route";
import { formFields, fromAddress } from "../../helpers/citizen-form";
import { POST as seen } from "@/app/widget/seen/route";
import { isOfficialOrigin, siteOrigins } from "@/lib/functioning/official-site";
import { loadFunctioning } from "@/lib/functioning/queries";

const CABINET = "cab-work-mag-school-18";
const BARE = "https://school18.demo.test";
const WWW = "https://www.school18.demo.test";
let lko = 0;

const setSite = (officialSite: string) => db.cabinet.update({ where: { id: CABINET }, data: { officialSite, noSite: false }, select: { lkoId: true } });
beforeAll(async () => {
  lko = (await setSite(BARE)).lkoId;
});
afterAll(async () => {
  await setSite(BARE);
});

const frameAncestors = async () => /frame-ancestors ([^;]+)/.exec((await GET(new Request(`http://portal.test/form?opaId=${lko}`))).headers.get("content-security-policy")!)![1];
let key = 0;
function post(origin: string) {
  const body = new URLSearchParams({
    category: "safety", text: "Во дворе школы сломано ограждение у спортивной площадки.", authorName: "Петров Иван", contact: "petrov@mail.demo.test",
    consent: "on", ...formFields(lko, `www-twin-${String(++key).padStart(4, "0")}-000000000`),
  });
  return POST(new Request(`http://portal.test/form?opaId=${lko}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin, ...fromAddress() }, body: body.toString() }));
}

describe("адрес с www и без него", () => {
  it("пара — только сам адрес и его вариант с www или без него", () => {
    expect(siteOrigins(BARE)).toEqual([BARE, WWW]);
    expect(siteOrigins(WWW)).toEqual([WWW, BARE]);
    expect(siteOrigins("http://school18.demo.test:8080")).toEqual(["http://school18.demo.test:8080", "http://www.school18.demo.test:8080"]);
    expect(siteOrigins("https://xn--18-6kcaj.xn--p1ai")).toEqual(["https://xn--18-6kcaj.xn--p1ai", "https://www.xn--18-6kcaj.xn--p1ai"]);
    // No twin for addresses and names that have none.
    expect(siteOrigins("http://127.0.0.1:3404")).toEqual(["http://127.0.0.1:3404"]);
    expect(siteOrigins("http://localhost:3000")).toEqual(["http://localhost:3000"]);
    expect(siteOrigins("https://www.ru")).toEqual(["https://www.ru"]);
    expect(siteOrigins(null)).toEqual([]);
    expect(isOfficialOrigin(BARE, WWW)).toBe(true);
    for (const other of ["http://school18.demo.test", "https://www.www.school18.demo.test", "https://m.school18.demo.test", "https://demo.test", "https://www.school18.demo.test:8443", "https://school18.demo.test.evil.test"]) {
      expect(isOfficialOrigin(BARE, other), other).toBe(false);
    }
  });

  it("frame-ancestors — оба варианта адреса, в каком бы виде его ни сохранили", async () => {
    expect(await frameAncestors()).toBe(`${BARE} ${WWW}`);
    await setSite(WWW);
    try {
      expect(await frameAncestors()).toBe(`${WWW} ${BARE}`);
    } finally {
      await setSite(BARE);
    }
    await setSite("http://127.0.0.1:3404");
    try {
      expect(await frameAncestors()).toBe("http://127.0.0.1:3404");
    } finally {
      await setSite(BARE);
    }
  });

  it("сообщение принимается с обоих вариантов адреса и не принимается с соседних", async () => {
    const before = await db.citizenMessage.count({ where: { cabinetId: CABINET } });
    expect((await post(WWW)).status).toBe(303);
    expect((await post(BARE)).status).toBe(303);
    const stored = await db.citizenMessage.findMany({ where: { cabinetId: CABINET }, orderBy: { createdAt: "desc" }, take: 2, select: { origin: true } });
    expect(stored.map((m) => m.origin).sort()).toEqual([BARE, WWW]);
    for (const other of ["https://m.school18.demo.test", "http://www.school18.demo.test", "https://www.www.school18.demo.test"]) {
      const res = await post(other);
      expect(res.status, other).toBe(403);
      expect(await res.text()).toContain("Сообщение не принято");
    }
    expect(await db.citizenMessage.count({ where: { cabinetId: CABINET } })).toBe(before + 2);
  });

  it("виджет на www-варианте: баннер показывается, показ — на официальном сайте; проверка www-варианта доказывает размещение", async () => {
    await db.widgetPlacement.deleteMany({ where: { cabinetId: CABINET } });
    const res = await seen(new Request(`http://portal.test/widget/seen?opaId=${lko}`, { method: "POST", headers: { origin: WWW } }));
    expect(await res.json()).toMatchObject({ show: true });
    const bad = await seen(new Request(`http://portal.test/widget/seen?opaId=${lko}`, { method: "POST", headers: { origin: "https://m.school18.demo.test" } }));
    expect(await bad.json()).toEqual({ show: false });
    expect((await loadFunctioning(CABINET)).widgetStatus).toMatchObject({ seenOn: { domain: "www.school18.demo.test" }, alsoOn: ["m.school18.demo.test"] });
    await db.siteCheck.create({ data: { cabinetId: CABINET, url: `${WWW}/`, outcome: "CORRECT" } });
    expect((await loadFunctioning(CABINET)).widgetStatus).toMatchObject({ state: "placed", check: { domain: "www.school18.demo.test" } });
  });
});
