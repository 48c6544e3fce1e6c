// Decision 083: on PostgreSQL the reads of selectRows are prepared once per pooled connection and
// then sent by name; a search planned for its words each time, and everything behind a transaction
// pooler (`?pgbouncer=true`), stays unnamed. The rows are the same either way. PostgreSQL only:
// PGlite has no pool and no named statements.
import { afterEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { openAdapter } from "@/lib/db/adapter";
import { createPrismaClient, selectRows } from "@/lib/db/prisma";
import { Prisma } from "@/lib/db";
import { externalDatabase, type ExternalDatabase } from "../../helpers/db";

const onPostgres = inject("dbTemplates").kind === "postgres";
const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

/** A client on a pool of one connection, so that every read sees the same session's statements. */
async function oneConnectionClient(database: ExternalDatabase, query = "") {
  const previous = process.env.DATABASE_POOL_SIZE;
  process.env.DATABASE_POOL_SIZE = "1";
  try {
    const url = (database.target as { url: string }).url + query;
    const adapter = openAdapter({ kind: "postgres", url });
    const db = createPrismaClient(adapter.adapter);
    opened.push({ close: async () => (await db.$disconnect(), await adapter.close(), await database.drop()) });
    return db;
  } finally {
    if (previous === undefined) delete process.env.DATABASE_POOL_SIZE;
    else process.env.DATABASE_POOL_SIZE = previous;
  }
}

const regionsOf = (oktmo: string) => Prisma.sql`SELECT r.id, r.name FROM "Region" r WHERE r.id IN (SELECT m."regionId" FROM "Municipality" m WHERE m.oktmo LIKE ${`${oktmo}%`}) ORDER BY r.id`;
const prepared = Prisma.sql`SELECT statement FROM pg_prepared_statements`;

describe.runIf(onPostgres)("именованные запросы selectRows на PostgreSQL", () => {
  it("запрос готовится один раз на соединение и дальше идёт по имени, с теми же строками", async () => {
    const db = await oneConnectionClient(await externalDatabase("demo"));
    const first = await selectRows<{ id: string; name: string }>(db, regionsOf("75"));
    const second = await selectRows<{ id: string; name: string }>(db, regionsOf("75"));
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
    const statements = (await selectRows<{ statement: string }>(db, prepared)).map((r) => r.statement);
    expect(statements.filter((s) => s.endsWith(regionsOf("75").text))).toHaveLength(1);
  });

  it("запрос, который планируется под свои значения (поиск по словам), не готовится", async () => {
    const db = await oneConnectionClient(await externalDatabase("demo"));
    const rows = await selectRows<{ id: string }>(db, regionsOf("75"), { planned: "per call" });
    expect(rows.length).toBeGreaterThan(0);
    expect(await selectRows(db, prepared, { planned: "per call" })).toEqual([]);
  });

  it("за пулером транзакций (?pgbouncer=true) ни один запрос не готовится", async () => {
    const db = await oneConnectionClient(await externalDatabase("demo"), "?pgbouncer=true");
    const rows = await selectRows<{ id: string }>(db, regionsOf("75"));
    expect(rows.length).toBeGreaterThan(0);
    expect(await selectRows(db, prepared)).toEqual([]);
  });
});
