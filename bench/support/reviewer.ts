// An administrator of the busiest управление of the synthetic municipality (prisma/seed/synthetic.ts):
// an account in its editorial cabinet and a signed-in session, as after a real sign-in.
import pg from "pg";
import { sessionCookie } from "./http";
import { BENCH_SECRET } from "./stack";

export const SYN_REVIEWER = "syn-person-reviewer";

export interface SynReviewer {
  cookie: string;
  department: string;
  requests: number;
  pending: number;
  pendingRequestId: string;
}

export async function synReviewer(databaseUrl: string): Promise<SynReviewer> {
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const busiest = await sql.query<{ org: string; requests: number; pending: number }>(
      `SELECT "reviewerOrganizationId" AS org, count(*)::int AS requests, count(*) FILTER (WHERE status = 'PENDING')::int AS pending
       FROM "CabinetRequest" WHERE "reviewerOrganizationId" LIKE 'syn-org-dep-%' GROUP BY 1 ORDER BY pending DESC, requests DESC LIMIT 1`,
    );
    const { org, requests, pending } = busiest.rows[0];
    await sql.query(
      `INSERT INTO "Account" (id, "cabinetId", email, "lastName", "firstName", position, status, "personId", "confirmedAt", "trainingConfirmedAt", "updatedAt")
       VALUES ('bench-reviewer-account', $2, 'reviewer@synthetic.demo.test', 'Синтетический', 'Проверяющий', 'Начальник отдела', 'CONFIRMED', $1, now(), now(), now())
       ON CONFLICT (id) DO NOTHING`,
      [SYN_REVIEWER, `syn-cab-ed-${org}`],
    );
    await sql.query(`INSERT INTO "AccountRole" (id, "accountId", role) VALUES ('bench-reviewer-role', 'bench-reviewer-account', 'LKO_ADMIN') ON CONFLICT (id) DO NOTHING`);
    await sql.query(
      `INSERT INTO "AuthSession" (id, "personId", "selectedOrganizationId", "expiresAt") VALUES ('bench-reviewer-session', $1, $2, now() + interval '1 day') ON CONFLICT (id) DO NOTHING`,
      [SYN_REVIEWER, org],
    );
    const first = await sql.query<{ id: string }>(`SELECT id FROM "CabinetRequest" WHERE "reviewerOrganizationId" = $1 AND status = 'PENDING' ORDER BY "createdAt" LIMIT 1`, [org]);
    return { cookie: await sessionCookie(BENCH_SECRET, SYN_REVIEWER, "bench-reviewer-session"), department: org, requests, pending, pendingRequestId: first.rows[0].id };
  } finally {
    await sql.end();
  }
}
