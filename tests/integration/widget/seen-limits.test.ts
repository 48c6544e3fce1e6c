// Placement reports are hints anyone can send (curl sets any Origin): /widget/seen throttles them per
// address and per ЛКО, and keeps at most OTHER_SITES_KEPT other sites per cabinet. The limits stop
// the recording only: the banner's answer stays the same.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST as seen } from "@/app/widget/seen/route";
import { OTHER_SITES_KEPT, SEEN_PER_ADDRESS, SEEN_PER_CABINET } from "@/lib/widget/placement-record";
import { loadFunctioning } from "@/lib/functioning/queries";
import { widgetStatusText } from "@/lib/widget/placement";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/client-address";

const CABINET = "cab-work-mag-school-18";
const SITE = "https://school18.demo.test";
let lko = 0;

beforeAll(async () => {
  lko = (await db.cabinet.update({ where: { id: CABINET }, data: { officialSite: SITE, noSite: false }, select: { lkoId: true } })).lkoId;
});
beforeEach(async () => {
  await db.loginThrottle.deleteMany({ where: { key: { startsWith: "widget-seen:" } } });
  await db.widgetPlacement.deleteMany({ where: { cabinetId: CABINET } });
  await db.auditEvent.deleteMany({ where: { cabinetId: CABINET, action: "widget.first_seen" } });
});

/** A report from `address` as the server stamps it (lib/security/client-address.ts); `forwardedFor` is what the client claims. */
async function report(origin: string, address: string, forwardedFor?: string) {
  const headers: Record<string, string> = { origin, [CLIENT_ADDRESS_HEADER]: address };
  if (forwardedFor) headers["x-forwarded-for"] = forwardedFor;
  const res = await seen(new Request(`http://portal.test/widget/seen?opaId=${lko}`, { method: "POST", headers }));
  expect(res.status).toBe(200);
  return (await res.json()) as { show: boolean };
}
const hits = async (origin: string) => (await db.widgetPlacement.findUnique({ where: { cabinetId_origin: { cabinetId: CABINET, origin } } }))?.hits ?? 0;
const firstSeenEvents = () => db.auditEvent.count({ where: { cabinetId: CABINET, action: "widget.first_seen" } });

describe("частота отчетов о показе", () => {
  it(`с одного адреса записываются ${SEEN_PER_ADDRESS.limit} в минуту, дальше — нет; баннер на официальном сайте все равно показывается`, async () => {
    for (let i = 0; i < SEEN_PER_ADDRESS.limit; i++) expect(await report(SITE, "203.0.113.7")).toMatchObject({ show: true });
    expect(await hits(SITE)).toBe(SEEN_PER_ADDRESS.limit);

    expect(await report(SITE, "203.0.113.7")).toMatchObject({ show: true });
    expect(await report("https://forged.demo.test", "203.0.113.7")).toEqual({ show: false });
    expect(await hits(SITE)).toBe(SEEN_PER_ADDRESS.limit);
    expect(await db.widgetPlacement.count({ where: { cabinetId: CABINET, origin: "https://forged.demo.test" } })).toBe(0);
    expect(await firstSeenEvents()).toBe(1);

    // Another visitor is counted on its own.
    expect(await report(SITE, "198.51.100.20")).toMatchObject({ show: true });
    expect(await hits(SITE)).toBe(SEEN_PER_ADDRESS.limit + 1);
    // The address the server saw counts, not an X-Forwarded-For the client made up.
    expect(await report(SITE, "203.0.113.7", "10.9.9.9")).toMatchObject({ show: true });
    expect(await hits(SITE)).toBe(SEEN_PER_ADDRESS.limit + 1);
  });

  it(`на один ЛКО записываются ${SEEN_PER_CABINET.limit} в минуту со всех адресов, дальше — нет`, async () => {
    expect(await report(SITE, "192.0.2.1")).toMatchObject({ show: true });
    // The cabinet's budget for this minute is used up (as if by many addresses at once).
    await db.loginThrottle.update({ where: { key: `widget-seen:lko:${lko}` }, data: { failures: SEEN_PER_CABINET.limit } });
    expect(await report(SITE, "192.0.2.2")).toMatchObject({ show: true });
    expect(await report("https://flood.demo.test", "192.0.2.3")).toEqual({ show: false });
    expect(await hits(SITE)).toBe(1);
    expect(await db.widgetPlacement.count({ where: { cabinetId: CABINET } })).toBe(1);
    expect(await firstSeenEvents()).toBe(1);
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: `widget-seen:lko:${lko}` } })).lockedUntil!.getTime()).toBeGreaterThan(Date.now());

    // Once the pause has passed, reports are recorded again.
    await db.loginThrottle.update({ where: { key: `widget-seen:lko:${lko}` }, data: { lockedUntil: new Date(Date.now() - 1000), windowStart: new Date(Date.now() - 120_000) } });
    expect(await report(SITE, "192.0.2.4")).toMatchObject({ show: true });
    expect(await hits(SITE)).toBe(2);
  });
});

describe("сколько чужих сайтов хранится", () => {
  it(`не больше ${OTHER_SITES_KEPT} других доменов на кабинет: дальше новые не записываются и не попадают в журнал`, async () => {
    const other = (i: number) => `https://copy-${String(i).padStart(2, "0")}.demo.test`;
    // Several addresses, so that the address limit is not what stops them.
    for (let i = 0; i < OTHER_SITES_KEPT + 5; i++) expect(await report(other(i), `198.51.100.${i % 4}`)).toEqual({ show: false });
    expect(await db.widgetPlacement.count({ where: { cabinetId: CABINET } })).toBe(OTHER_SITES_KEPT);
    expect(await firstSeenEvents()).toBe(OTHER_SITES_KEPT);
    expect(await db.widgetPlacement.count({ where: { cabinetId: CABINET, origin: other(OTHER_SITES_KEPT) } })).toBe(0);

    // Sites already kept are still updated; the official site and its www twin are never capped.
    await report(other(0), "198.51.100.9");
    expect(await hits(other(0))).toBe(2);
    expect(await report(SITE, "198.51.100.9")).toMatchObject({ show: true });
    expect(await report("https://www.school18.demo.test", "198.51.100.9")).toMatchObject({ show: true });
    expect(await hits(SITE)).toBe(1);
    expect(await hits("https://www.school18.demo.test")).toBe(1);
    expect(await firstSeenEvents()).toBe(OTHER_SITES_KEPT + 2);

    // The cabinet's hints name the official site and the others, three of them and how many more
    // (the status itself is the site check's: hints never make it «размещен»).
    const { widgetStatus: status } = await loadFunctioning(CABINET);
    expect(status.seenOn?.domain).toMatch(/^(www\.)?school18\.demo\.test$/);
    expect(status.alsoOn).toHaveLength(OTHER_SITES_KEPT);
    expect(widgetStatusText(status)).toMatch(new RegExp(`; также на: [^,]+, [^,]+, [^,]+ и ещё ${OTHER_SITES_KEPT - 3}$`));
  });
});
