// The search by part of an institution's name reads the trigram indexes (pg_trgm, loaded in
// PGlite where it is opened) rather than every row, and finds what it found before: part of a
// name in any case, the full name, ОГРН, ИНН, the ЛКО number.
import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db";
import { seedSynthetic, SYN_MUNICIPALITY } from "../../../prisma/seed/synthetic";
import { refreshConnectionStatus } from "@/lib/status/derive";
import { filterConditions, nameContains } from "@/lib/status/query";

/**
 * The plan of a search on the status rows with reading every row priced out: which index can serve
 * it. (Whether the planner prefers the index depends on the rows and the words searched: with
 * 3 000 names that share most trigrams, reading them all is still cheaper.)
 */
async function planOf(condition: Prisma.Sql): Promise<string> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    const rows = await tx.$queryRaw<Array<{ "QUERY PLAN": string }>>`EXPLAIN SELECT cs."organizationId" FROM "ConnectionStatus" cs WHERE ${condition}`;
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

async function found(q: string): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ name: string }>>`SELECT cs.name FROM "ConnectionStatus" cs WHERE ${Prisma.join(filterConditions({ q }), " AND ")} ORDER BY cs.name`;
  return rows.map((r) => r.name);
}

describe("поиск учреждения по названию — по индексу", () => {
  // A city of 3 000 institutions: enough rows that a whole other index costs more than this one.
  beforeAll(async () => {
    await seedSynthetic(db, { institutions: 3_000, departments: 5 });
    await refreshConnectionStatus(db);
    await db.$executeRaw`ANALYZE "ConnectionStatus"`;
  }, 300_000);

  it("часть краткого названия (публичная страница): триграммный индекс", async () => {
    const plan = await planOf(nameContains("№ 1234»"));
    expect(plan, plan).toContain("ConnectionStatus_name_trgm_idx");
  });

  it("часть краткого или полного названия (мониторинг): оба триграммных индекса", async () => {
    const plan = await planOf(Prisma.join(filterConditions({ q: "№ 1234»" }), " AND "));
    expect(plan, plan).toContain("ConnectionStatus_name_trgm_idx");
    expect(plan, plan).toContain("ConnectionStatus_fullName_trgm_idx");
  });

  it("находит то же, что и прежде: часть названия в любом регистре, полное название, ОГРН, ИНН, номер ЛКО", async () => {
    const row = await db.connectionStatus.findFirstOrThrow({ where: { lkoId: { not: null }, NOT: { municipalityId: SYN_MUNICIPALITY } }, orderBy: { name: "asc" } });
    const part = row.name.slice(1, 6);
    expect(await found(part.toUpperCase())).toContain(row.name);
    expect(await found(part.toLowerCase())).toContain(row.name);
    expect(await found(row.fullName.slice(-8))).toContain(row.name);
    expect(await found(row.ogrn)).toEqual([row.name]);
    expect(await found(row.inn)).toContain(row.name);
    expect(await found(String(row.lkoId))).toContain(row.name);
    expect(await found("МУ «Учреждение № 1234»")).toEqual(["МУ «Учреждение № 1234»"]);
    // LIKE's own characters are plain text: «%» alone finds nothing in names without it.
    expect(await found("%")).toEqual([]);
  });
});
