// The number of SQL statements a page of the connection status costs does not grow with the
// number of institutions: the same pages are rendered for a synthetic city of 300 institutions
// and again after it has grown to 3 000, and the statements are counted at the driver adapter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyTemplateDatabase } from "../../helpers/db";
import { queryCounter } from "../../helpers/query-counter";

// The database of this file sends its statements through the counter; set before any module
// that holds `@/lib/db` is imported (hence the dynamic imports below).
const counter = queryCounter();
const database = await copyTemplateDatabase("demo", counter.wrap);
(globalThis as { __posDb?: unknown }).__posDb = database.db;
afterAll(() => database.close());

const { seedSynthetic, SYN_MONITOR_PERSON, SYN_MUNICIPALITY } = await import("../../../prisma/seed/synthetic");
const { requestContext } = await import("../../helpers/request-context");
const { sessionCookieFor } = await import("../../helpers/session");
const { default: MonitoringPage } = await import("@/app/monitoring/page");
const { default: ProgressPage } = await import("@/app/monitoring/progress/page");
const { default: MunicipalityStatusPage } = await import("@/app/status/[oktmo]/page");
const { navigationFor } = await import("@/lib/access/navigation");
const { getPortalSession } = await import("@/lib/auth/session");
const { db } = await import("@/lib/db");

const DEPARTMENTS = 5;
let oktmo = "";

async function signInAsSyntheticMonitor() {
  const session = await db.authSession.create({ data: { personId: SYN_MONITOR_PERSON, expiresAt: new Date(Date.now() + 3_600_000) } });
  requestContext.clear();
  requestContext.setCookie("next-auth.session-token", await sessionCookieFor(session.id, SYN_MONITOR_PERSON));
}

/** Statements of one request of the page: the layout's session and navigation, then the page. */
async function statements(render: () => Promise<unknown>, signedIn = true): Promise<number> {
  await render(); // warm: once-per-process checks, caches of the process
  counter.reset();
  if (signedIn) {
    const session = await getPortalSession();
    if (session) await navigationFor(session);
  }
  await render();
  if (process.env.SHOW_STATEMENTS) console.log(counter.statements.join("\n"));
  return counter.count;
}

let search = 0;
const pages = {
  first: () => MonitoringPage({ searchParams: Promise.resolve({}) }),
  filtered: () => MonitoringPage({ searchParams: Promise.resolve({ organ: "syn-org-dep-2", status: "IN_PROGRESS", sort: "status", dir: "desc" }) }),
  lastPage: () => MonitoringPage({ searchParams: Promise.resolve({ page: "100000", sort: "widget" }) }),
  progress: () => ProgressPage(),
  // A search no one made before: what a miss of the public page's cache costs.
  public: () => MunicipalityStatusPage({ params: Promise.resolve({ oktmo }), searchParams: Promise.resolve({ q: `Учреждение № ${++search}` }) }),
};

async function countAll() {
  await signInAsSyntheticMonitor();
  const counts: Record<string, number> = {};
  for (const [name, render] of Object.entries(pages)) counts[name] = await statements(render, name !== "public");
  return counts;
}

describe("SQL-запросов на страницу не больше при большем числе учреждений", () => {
  let small: Record<string, number>;
  let large: Record<string, number>;

  beforeAll(async () => {
    await seedSynthetic(database.db, { institutions: 300, departments: DEPARTMENTS });
    oktmo = (await db.municipality.findUniqueOrThrow({ where: { id: SYN_MUNICIPALITY } })).oktmo;
    small = await countAll();
    await seedSynthetic(database.db, { institutions: 3_000, departments: DEPARTMENTS });
    large = await countAll();
  }, 300_000);

  it("синтетический город вырос в 10 раз", async () => {
    expect(await db.connectionStatus.count({ where: { municipalityId: SYN_MUNICIPALITY } })).toBe(3_000);
  });

  it.each(Object.keys(pages))("%s: столько же запросов, и их немного", (name) => {
    expect(large[name]).toBe(small[name]);
    expect(small[name]).toBeGreaterThan(0);
    // Most are the session and the person's rights (layout and page each read them); the page's own data is about five.
    expect(small[name]).toBeLessThanOrEqual(30);
  });
});
