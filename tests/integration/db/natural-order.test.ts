// Natural order of names («СОШ № 5» before «СОШ № 10»), on PGlite and on PostgreSQL alike: the
// database's key (natural_sort_key, generated columns) equals lib/db/natural-order.ts's, every
// list sorted by name follows it, and the monitoring's keyset paging stays an index scan.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db";
import { compareNatural, naturalSortKey, sortByName } from "@/lib/db/natural-order";
import { loadActor } from "@/lib/access/actor";
import { monitoringRoots } from "@/lib/access/policies";
import { listAccounts, ZAccountListQuery } from "@/lib/accounts/list";
import { listPersonOrganizations } from "@/lib/auth/organizations";
import { cabinetCard } from "@/lib/cabinets/card";
import { cabinetTree } from "@/lib/cabinets/tree";
import { editorialOptions } from "@/lib/requests/filing";
import { dashboardPageSql, loadDashboard } from "@/lib/status/dashboard";
import { progressByOrgan } from "@/lib/status/deadline";
import { viewBatches } from "@/lib/status/export";
import { publicStatus } from "@/lib/status/public";
import { parseDashboardQuery } from "@/lib/status/query";

const codePointOrder = (names: string[]) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const view = (params: Record<string, string> = {}) => parseDashboardQuery(new URLSearchParams(params));

/** The names are in natural order, and that order is not the plain text order (so the check can fail). */
function expectNatural(names: string[]) {
  expect(names).toEqual(sortByName(names, (n) => n));
  expect(names).not.toEqual(codePointOrder(names));
}

describe("ключ естественного порядка", () => {
  it("числа сравниваются как числа, регистр, «ё» и знаки препинания не мешают", () => {
    const names = ["МДОУ «Д/с № 125»", "МДОУ «Д/с № 19»", "мдоу д/с №7", "МОУ «СОШ № 10»", "МОУ «СОШ № 5»", "Ёлочка", "Елена", "Жаворонок"];
    expect([...names].sort(compareNatural)).toEqual(["Елена", "Ёлочка", "Жаворонок", "мдоу д/с №7", "МДОУ «Д/с № 19»", "МДОУ «Д/с № 125»", "МОУ «СОШ № 5»", "МОУ «СОШ № 10»"]);
    expect(naturalSortKey("МОУ «СОШ №005»")).toBe(naturalSortKey("моу сош 5"));
  });

  it("в базе тот же, что в JavaScript (natural_sort_key), и ORDER BY по нему — тот же порядок", async () => {
    const letters = [..."АаБбВвЕеЁёЖжЗзИиЙйОоСсШшЯяAaBbZz0123456789      «»\"'№/.,-–—()\u00a0"];
    const names = fc.sample(fc.array(fc.constantFrom(...letters), { maxLength: 24 }).map((chars) => chars.join("")), { numRuns: 400, seed: 14 });
    names.push("12345678901 и 9999999999", "0000000000000", "007 и 7", "  пробелы  по краям  ");
    const rows = await db.$queryRaw<Array<{ key: string }>>`SELECT natural_sort_key(x) AS key FROM unnest(${names}::text[]) WITH ORDINALITY AS u(x, n) ORDER BY n`;
    expect(rows.map((r) => r.key)).toEqual(names.map(naturalSortKey));
    const ordered = await db.$queryRaw<Array<{ x: string }>>`SELECT x FROM unnest(${names}::text[]) AS u(x) ORDER BY natural_sort_key(x) COLLATE "C", x COLLATE "C"`;
    expect(ordered.map((r) => r.x)).toEqual(sortByName(names, (n) => n));
  });

  it("столбцы-ключи порождает база из названий, записать их нельзя", async () => {
    const org = await db.organization.update({ where: { id: "org-mag-school-5" }, data: { shortName: "МОУ «СОШ № 7»" }, select: { shortNameSortKey: true } });
    expect(org.shortNameSortKey).toBe(naturalSortKey("МОУ «СОШ № 7»"));
    const account = await db.account.findFirstOrThrow({ select: { lastName: true, firstName: true, middleName: true, nameSortKey: true } });
    expect(account.nameSortKey).toBe(naturalSortKey(`${account.lastName} ${account.firstName} ${account.middleName ?? ""}`));
    // The database refuses to take a key from the application (the same write without it passes).
    await expect(db.cabinet.update({ where: { lkoId: 210004 }, data: { name: "Управление образования", nameSortKey: "а" } })).rejects.toThrow();
    const cabinet = await db.cabinet.update({ where: { lkoId: 210004 }, data: { name: "Управление образования" }, select: { nameSortKey: true } });
    expect(cabinet.nameSortKey).toBe("управление образования");
  });
});

describe("списки по названию — в естественном порядке", () => {
  it("«Администрирование ЛКО»: Д/с № 7, 19, 125 — по номерам", async () => {
    const tree = await cabinetTree(await loadActor("person-organ-admin"));
    const children = tree.roots.flatMap((root) => root.children.map((c) => c.name));
    expectNatural(children);
    const kindergartens = children.filter((n) => n.includes("Д/с"));
    const at = (n: number) => kindergartens.findIndex((name) => name.includes(`№ ${n}»`));
    expect(at(7)).toBeGreaterThanOrEqual(0);
    expect(at(7)).toBeLessThan(at(19));
    expect(at(19)).toBeLessThan(at(125));
  });

  it("мониторинг: по названию в обе стороны, по учредителю; выгрузка по ключу страниц — в том же порядке", async () => {
    const scope = monitoringRoots(await loadActor("person-city-it"));
    const asc = (await loadDashboard(scope, view({ size: "100" }))).rows;
    expectNatural(asc.map((r) => r.name));
    const desc = (await loadDashboard(scope, view({ size: "100", dir: "desc" }))).rows;
    expect(desc.map((r) => r.organizationId)).toEqual(asc.map((r) => r.organizationId).reverse());
    const byOrgan = (await loadDashboard(scope, view({ size: "100", sort: "organ" }))).rows;
    for (let i = 1; i < byOrgan.length; i++) {
      const [a, b] = [byOrgan[i - 1], byOrgan[i]];
      const organs = compareNatural(a.organName ?? "", b.organName ?? "");
      expect(organs < 0 || (organs === 0 && compareNatural(a.name, b.name) <= 0), `${a.organName} / ${a.name} → ${b.organName} / ${b.name}`).toBe(true);
    }
    const exported: string[] = [];
    for await (const batch of viewBatches(scope, view(), 7)) exported.push(...batch.map((r) => r.organizationId));
    expect(exported).toEqual(asc.map((r) => r.organizationId));
  });

  it("публичная страница статуса, ход подключения по управлениям", async () => {
    const status = await publicStatus("75738000", 1, null);
    expectNatural(status!.institutions.map((i) => i.name));
    const organs = await progressByOrgan(monitoringRoots(await loadActor("person-city-it")));
    expect(organs.map((o) => o.organName)).toEqual(sortByName(organs, (o) => o.organName).map((o) => o.organName));
  });

  it("сферы кабинета — по названию", async () => {
    const { id } = await db.cabinet.findUniqueOrThrow({ where: { lkoId: 210004 }, select: { id: true } });
    const names = (await cabinetCard(id)).spheres.map((s) => s.sphere.name);
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual(sortByName(names, (n) => n));
  });

  it("выбор организации, «Редакция» в заявке, учётные записи по ФИО (Ё — как Е)", async () => {
    const memberships = await listPersonOrganizations("person-multi-org");
    const names = memberships.map((m) => m.organization.shortName);
    expect(names).toEqual(sortByName(names, (n) => n));
    const editorial = await editorialOptions("region-74");
    expect(editorial.map((e) => e.name)).toEqual(sortByName(editorial, (e) => e.name).map((e) => e.name));

    const cabinetId = "cab-work-mag-school-16";
    for (const [lastName, i] of [["Жуков", 1], ["Ёлкин", 2], ["Егоров", 3]] as const) {
      await db.account.create({ data: { cabinetId, email: `natural.${i}@school16.demo.test`, lastName, firstName: "Иван", position: "Учитель" } });
    }
    const list = await listAccounts(cabinetId, ZAccountListQuery.parse({ q: "Иван" }));
    const surnames = list.rows.map((r) => r.lastName).filter((n) => ["Жуков", "Ёлкин", "Егоров"].includes(n));
    expect(surnames).toEqual(["Егоров", "Ёлкин", "Жуков"]);
  });
});

describe("индексы", () => {
  it("первая страница мониторинга по названию читается по индексу ключа, без сортировки", async () => {
    const scope = monitoringRoots(await loadActor("person-city-it"));
    const plan = await db.$transaction(async (tx) => {
      // The demo is small enough for a sequential scan to win; the question is whether the index can give the order.
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
      const rows = await tx.$queryRaw<Array<{ "QUERY PLAN": unknown }>>(Prisma.sql`EXPLAIN (FORMAT JSON) ${dashboardPageSql(scope, view(), 1)}`);
      const json = rows[0]["QUERY PLAN"];
      return (typeof json === "string" ? JSON.parse(json) : json) as Array<{ Plan: TPlanNode }>;
    });
    const limit = find(plan[0].Plan, (n) => n["Node Type"] === "Limit");
    expect(limit, JSON.stringify(plan)).toBeDefined();
    expect(find(limit!, (n) => n["Node Type"] === "Sort" || n["Node Type"] === "Incremental Sort"), JSON.stringify(limit)).toBeUndefined();
    expect(find(limit!, (n) => /nameSortKey/.test(n["Index Name"] ?? "")), JSON.stringify(limit)).toBeDefined();
  });
});

interface TPlanNode {
  "Node Type": string;
  "Index Name"?: string;
  Plans?: TPlanNode[];
}

function find(node: TPlanNode, test: (n: TPlanNode) => boolean): TPlanNode | undefined {
  if (test(node)) return node;
  for (const child of node.Plans ?? []) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}
