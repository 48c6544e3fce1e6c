// The dashboard: whose institutions a person sees, and how filters, sorting and paging work.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadDashboard } from "@/lib/status/dashboard";
import { parseDashboardQuery, dashboardSearch } from "@/lib/status/query";
import { loadActor } from "@/lib/access/actor";
import { monitoringRoots } from "@/lib/access/policies";
import { ORG } from "@/lib/demo-world/esia-world";
import { loadFunctioning } from "@/lib/functioning/queries";

const monitoringScopeOf = async (personId: string) => monitoringRoots(await loadActor(personId));

const view = (params: Record<string, string> = {}) => parseDashboardQuery(new URLSearchParams(params));
const allRows = async (personId: string, params: Record<string, string> = {}) =>
  (await loadDashboard(await monitoringScopeOf(personId), view({ size: "100", ...params }))).rows;

beforeAll(async () => {
  // An organ's IT specialist: Агаповский район's Управление образования administrator also monitors.
  await db.accountRole.create({ data: { accountId: "acc-omsu-agapovo-uo-1", role: "CONNECTION_MONITOR" } });
});

describe("кого видит ИТ-специалист", () => {
  it("ИТ-специалист города видит все учреждения управлений города, и только их", async () => {
    const rows = await allRows("person-city-it");
    const magnitogorsk = await db.organization.count({ where: { parentId: { in: [ORG.eduDepartment, ORG.cultureDepartment, ORG.socialDepartment, ORG.sportDepartment, ORG.housingDepartment] } } });
    expect(rows).toHaveLength(magnitogorsk);
    expect(rows.every((r) => r.organizationId.startsWith("org-mag-"))).toBe(true);
  });

  it("ИТ-специалист органа видит только своё дерево", async () => {
    const rows = await allRows("person-agapovo-admin");
    expect(rows.map((r) => r.organizationId).sort()).toEqual(["org-agapovo-school-1", "org-agapovo-school-2", "org-agapovo-school-3"]);
    const dashboard = await loadDashboard(await monitoringScopeOf("person-agapovo-admin"), view({ q: "СОШ № 5" }));
    expect(dashboard.total).toBe(0);
    expect(dashboard.organs.map((o) => o.id)).toEqual([ORG.agapovoEduDepartment]);
  });

  it("региональный оператор видит все учреждения региона", async () => {
    const rows = await allRows("person-operator", { size: "100" });
    const dashboard = await loadDashboard(await monitoringScopeOf("person-operator"), view());
    expect(dashboard.total).toBe(await db.connectionStatus.count({ where: { regionId: "region-74" } }));
    expect(rows.some((r) => r.organizationId.startsWith("org-agapovo"))).toBe(true);
  });

  it("без роли мониторинга — ничего", async () => {
    const scope = await monitoringScopeOf("person-organ-admin");
    expect(scope).toEqual({ organizationIds: [], regionIds: [] });
    expect((await loadDashboard(scope, view())).total).toBe(0);
  });
});

describe("отбор, сортировка и страницы", () => {
  it("фильтр по управлению и статусу, счётчики по статусам", async () => {
    const scope = await monitoringScopeOf("person-city-it");
    const dashboard = await loadDashboard(scope, view({ organ: ORG.cultureDepartment }));
    expect(dashboard.rows.length).toBe(10);
    expect(dashboard.rows.every((r) => r.organName === "Управление культуры")).toBe(true);
    expect(Object.values(dashboard.counts).reduce((a, b) => a + b, 0)).toBe(10);
    const pending = await loadDashboard(scope, view({ organ: ORG.cultureDepartment, status: "PENDING" }));
    expect(pending.total).toBe(dashboard.counts.PENDING);
    expect(pending.rows.every((r) => r.overall === "PENDING")).toBe(true);
    // The chips ignore the status filter, so the other statuses stay reachable.
    expect(pending.counts).toEqual(dashboard.counts);
  });

  it("сортировка по статусу в обе стороны и поиск", async () => {
    const scope = await monitoringScopeOf("person-city-it");
    const order = ["NOT_STARTED", "REJECTED", "PENDING", "IN_PROGRESS", "CONNECTED"];
    const asc = (await loadDashboard(scope, view({ sort: "status", size: "100" }))).rows.map((r) => order.indexOf(r.overall));
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = (await loadDashboard(scope, view({ sort: "status", dir: "desc", size: "100" }))).rows.map((r) => order.indexOf(r.overall));
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const found = await loadDashboard(scope, view({ q: "Краеведческий" }));
    expect(found.rows.map((r) => r.organizationId)).toEqual(["org-mag-culture-2"]);
    const byLko = await loadDashboard(scope, view({ q: String(found.rows[0].lkoId ?? "0") }));
    expect(byLko.total).toBe(found.rows[0].lkoId ? 1 : 0);
    // Characters of LIKE are searched for literally.
    expect((await loadDashboard(scope, view({ q: "%" }))).total).toBe(0);
  });

  it("страницы не теряют и не повторяют строк", async () => {
    const scope = await monitoringScopeOf("person-city-it");
    const all = (await loadDashboard(scope, view({ size: "100", sort: "widget" }))).rows.map((r) => r.organizationId);
    const pages = [];
    for (let page = 1; page <= Math.ceil(all.length / 25); page++) {
      pages.push(...(await loadDashboard(scope, view({ size: "25", page: String(page), sort: "widget" }))).rows.map((r) => r.organizationId));
    }
    expect(pages).toEqual(all);
  });

  it("опоздавшие: не подключены, а срок муниципального образования прошёл", async () => {
    const scope = await monitoringScopeOf("person-city-it");
    const late = await loadDashboard(scope, view({ late: "1", size: "100" }));
    expect(late.total).toBeGreaterThan(0);
    expect(late.rows.every((r) => r.late && r.overall !== "CONNECTED")).toBe(true);
    await db.municipality.update({ where: { oktmo: "75738000" }, data: { connectionDeadline: new Date("2099-12-31T00:00:00Z") } });
    expect((await loadDashboard(scope, view({ late: "1" }))).total).toBe(0);
    await db.municipality.update({ where: { oktmo: "75738000" }, data: { connectionDeadline: new Date("2022-06-30T00:00:00Z") } });
  });

  it("виджет: проверка, которая решает, подсказки и последняя проверка сайта — как во вкладке «Функционирование ЛКО»", async () => {
    const scope = await monitoringScopeOf("person-city-it");
    const cabinet = await db.cabinet.findFirstOrThrow({ where: { organizationId: "org-mag-school-27", kind: "WORK" }, select: { id: true } });
    const checkedAt = new Date(Date.now() - 61_000);
    await db.siteCheck.create({ data: { cabinetId: cabinet.id, url: "https://mag-school27.demo.test/", outcome: "UNREACHABLE", checkedAt } });
    const remindedAt = new Date("2026-11-30T07:15:00.250Z");
    await db.reminder.create({ data: { organizationId: "org-mag-school-27", sentAt: remindedAt, missing: [] } });
    const row = (await allRows("person-city-it", { widget: "NOT_WORKING" })).find((r) => r.organizationId === "org-mag-school-27")!;
    // The driver hands timestamps and dates over as text: the row has them as the same instants.
    expect(row.siteCheck?.checkedAt).toEqual(checkedAt);
    expect(row.remindedAt).toEqual(remindedAt);
    const deadline = (await db.municipality.findFirstOrThrow({ where: { organizations: { some: { id: "org-mag-school-27" } } }, select: { connectionDeadline: true } })).connectionDeadline;
    expect(row.deadline).toEqual(deadline);
    const functioning = await loadFunctioning(cabinet.id);
    expect(row.widgetDetail).toEqual(functioning.widgetStatus);
    // «Сайт недоступен» is the latest check, but the one that reached the site decides.
    expect(row.widgetDetail).toMatchObject({ state: "notWorking", check: { outcome: "WRONG_ID" } });
    expect(row.siteCheck).toMatchObject({ outcome: "UNREACHABLE" });
    const placed = await loadDashboard(scope, view({ widget: "PLACED" }));
    expect(placed.total).toBeGreaterThan(0);
    expect(placed.rows.every((r) => r.widgetDetail?.state === "placed")).toBe(true);
  });

  it("неверные параметры ссылки не ломают страницу, а ссылка хранит вид", () => {
    const q = view({ sort: "nonsense", page: "-3", size: "7", status: "DROP TABLE", organ: "org-omsu-mag-uk" });
    expect(q).toMatchObject({ sort: "name", page: 1, size: 50, status: undefined, organ: "org-omsu-mag-uk" });
    expect(dashboardSearch(q, { sort: "status", dir: "desc" })).toBe("?organ=org-omsu-mag-uk&sort=status&dir=desc");
  });
});
