// A cabinet of the demo whose widget is placed on its official site: the loader, its reports and
// the citizen form are measured on it.
import pg from "pg";
import { signFormToken } from "../../lib/messages/form-token";
import { BENCH_SECRET } from "./stack";

export async function placedCabinet(databaseUrl: string): Promise<{ lkoId: number; site: string; id: string }> {
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const { rows } = await sql.query<{ lkoId: number; site: string; id: string }>(
      `SELECT c."lkoId", c."officialSite" AS site, c.id FROM "Cabinet" c
       WHERE c.kind = 'WORK' AND c.status = 'ACTIVE' AND c."officialSite" IS NOT NULL AND NOT c."noSite"
       ORDER BY c."lkoId" LIMIT 1`,
    );
    return rows[0];
  } finally {
    await sql.end();
  }
}

export async function countMessages(databaseUrl: string, cabinetId: string): Promise<number> {
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    return (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "CitizenMessage" WHERE "cabinetId" = $1`, [cabinetId])).rows[0].n;
  } finally {
    await sql.end();
  }
}

/** One citizen's message as the form posts it, with a fresh idempotency key each time (autocannon's setupRequest). */
/** A message as the form page would send it: with its token, signed by the portal's secret (lib/messages/form-token.ts). */
export function citizenMessageBody(lkoId: number): string {
  const idempotencyKey = crypto.randomUUID();
  return new URLSearchParams({
    category: "safety", text: "Во дворе школы сломано ограждение у спортивной площадки.", authorName: "Гражданин Нагрузочный",
    contact: "citizen@mail.demo.test", consent: "on", idempotencyKey, formToken: signFormToken(BENCH_SECRET, lkoId, idempotencyKey, new Date()),
  }).toString();
}
