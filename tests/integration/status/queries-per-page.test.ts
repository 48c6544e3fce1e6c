// The number of SQL statements a signed-in page costs is small and does not grow with the data:
// the same pages (the connection status, the request queue and a request's card) are rendered for
// a synthetic city of 300 institutions and again after it has grown to 3 000, and the statements of
// one request (the layout's session and navigation, then the page, sharing React's per-request
// cache as in Next) are counted at the driver adapter.
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
const { publicStatusResponse } = await import("@/lib/status/public-responses");
const { default: RequestsPage } = await import("@/app/admin/requests/page");
const { default: RequestCardPage } = await import("@/app/admin/requests/[id]/page");
const { navigationFor } = await import("@/lib/access/navigation");
const { getSignedIn } = await import("@/lib/auth/session");
const { db } = await import("@/lib/db");

const DEPARTMENTS = 5;
let oktmo = "";

/** The most a signed-in page may cost: the session with the rights (and a reviewer's navigation count, decision 082), and the page's own few. */
const SIGNED_IN_PAGE_STATEMENTS = 6;

async function signInAs(personId: string) {
  const session = await db.authSession.create({ data: { personId, expiresAt: new Date(Date.now() + 3_600_000) } });
  requestContext.clear();
  requestContext.setCookie("next-auth.session-token", await sessionCookieFor(session.id, personId));
}

/** A confirmed, trained ЛКО administrator of the first управление: it reviews the requests addressed there. */
const SYN_REVIEWER = "syn-person-test-reviewer";
async function syntheticReviewer(): Promise<string> {
  await db.person.upsert({ where: { id: SYN_REVIEWER }, update: {}, create: { id: SYN_REVIEWER, esiaOid: "6899999990", lastName: "Синтетический", firstName: "Проверяющий" } });
  await db.account.upsert({
    where: { id: "syn-acc-test-reviewer" },
    update: {},
    create: {
      id: "syn-acc-test-reviewer", cabinetId: "syn-cab-ed-syn-org-dep-1", email: "reviewer@synthetic.demo.test", lastName: "Синтетический", firstName: "Проверяющий",
      position: "Начальник отдела", status: "CONFIRMED", personId: SYN_REVIEWER, confirmedAt: new Date(), trainingConfirmedAt: new Date(),
      roles: { create: { role: "LKO_ADMIN" } },
    },
  });
  return (await db.cabinetRequest.findFirstOrThrow({ where: { reviewerOrganizationId: "syn-org-dep-1", status: "PENDING" }, orderBy: { createdAt: "asc" }, select: { id: true } })).id;
}

/** Statements of one request of the page: the layout's session and navigation, then the page. */
async function statements(render: () => Promise<unknown>, signedIn = true): Promise<number> {
  await render(); // warm: once-per-process checks, caches of the process
  counter.reset();
  await requestContext.asOneRequest(async () => {
    if (signedIn) {
      const ctx = await getSignedIn();
      if (ctx) await navigationFor(ctx);
    }
    await render();
  });
  if (process.env.SHOW_STATEMENTS) console.log(counter.statements.join("\n"));
  return counter.count;
}

let search = 0;
let card = "";
const pages = {
  first: { who: SYN_MONITOR_PERSON, render: () => MonitoringPage({ searchParams: Promise.resolve({}) }) },
  filtered: { who: SYN_MONITOR_PERSON, render: () => MonitoringPage({ searchParams: Promise.resolve({ organ: "syn-org-dep-2", status: "IN_PROGRESS", sort: "status", dir: "desc" }) }) },
  lastPage: { who: SYN_MONITOR_PERSON, render: () => MonitoringPage({ searchParams: Promise.resolve({ page: "100000", sort: "widget" }) }) },
  progress: { who: SYN_MONITOR_PERSON, render: () => ProgressPage() },
  // The region's operator both reviews and monitors: its navigation counts requests too.
  operatorMonitoring: { who: "person-operator", render: () => MonitoringPage({ searchParams: Promise.resolve({ q: "Учреждение № 1" }) }) },
  queue: { who: SYN_REVIEWER, render: () => RequestsPage({ searchParams: Promise.resolve({}) }) },
  queueAll: { who: SYN_REVIEWER, render: () => RequestsPage({ searchParams: Promise.resolve({ status: "ALL", page: "3" }) }) },
  card: { who: SYN_REVIEWER, render: () => RequestCardPage({ params: Promise.resolve({ id: card }) }) },
  // A search no one made before: what a miss of the public page's cache costs.
  public: { who: null, render: () => publicStatusResponse("normal", "cached", oktmo, 1, `Учреждение № ${++search}`).then((r) => r.text()) },
};

async function countAll() {
  card = await syntheticReviewer();
  const counts: Record<string, number> = {};
  for (const [name, page] of Object.entries(pages)) {
    if (page.who) await signInAs(page.who);
    else requestContext.clear();
    counts[name] = await statements(page.render, page.who !== null);
  }
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
    // The session with the rights is one statement for the whole request, a reviewer's navigation one more.
    expect(small[name]).toBeLessThanOrEqual(SIGNED_IN_PAGE_STATEMENTS);
  });
});
