// `npm run bench -- inbox`: a cabinet's message inboxes (lib/messages/inbox.ts) when its region holds
// BENCH_MESSAGES citizens' messages (default 100 000; a smoke run 3 000), signed in as a coordinator
// and executor of the busiest cabinet, against the trivial page of the same run. The messages are
// spread over the work cabinets of the synthetic municipality (BENCH_INSTITUTIONS, default 1 000),
// one in five in the measured cabinet, in every stage; those opened long ago are overdue.
import pg from "pg";
import { sessionCookie } from "./support/http";
import { startBenchDatabase } from "./support/postgres";
import { BENCH_SECRET, startStack } from "./support/stack";
import { bracketed, machineNote, measure, report } from "./support/load";
import { SMOKE, measureSeconds, setting, warmupSeconds } from "./support/mode";

const messages = setting("BENCH_MESSAGES", 100_000, 3_000);
const institutions = setting("BENCH_INSTITUTIONS", 1_000, 100);
const connections = setting("BENCH_CONNECTIONS", 10, 4);
const seconds = measureSeconds(15);
// A page late in «Все» (30 a page): the 500th of the full run's 20 000, the 15th of the smoke run's 600.
const latePage = SMOKE ? 15 : 500;

const PERSON = "bench-inbox-person";
const ACCOUNT = "bench-inbox-account";
const SESSION = "bench-inbox-session";

interface Seeded {
  cookie: string;
  lkoId: number;
  inCabinet: number;
  cabinets: number;
}

/** Seeds the messages in bulk (one INSERT … SELECT) and a signed-in coordinator-executor of the busiest cabinet. */
async function seed(databaseUrl: string): Promise<Seeded> {
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const target = (await sql.query<{ id: string; lkoId: number; organizationId: string; regionId: string }>(
      `SELECT id, "lkoId", "organizationId", "regionId" FROM "Cabinet" WHERE kind = 'WORK' AND status = 'ACTIVE' AND id LIKE 'syn-cab-%' ORDER BY id LIMIT 1`,
    )).rows[0];
    if (!target) throw new Error("Нет рабочих кабинетов синтетического округа");
    await sql.query("BEGIN");
    await sql.query(`INSERT INTO "Person" (id, "esiaOid", "lastName", "firstName", "updatedAt") VALUES ($1, '6899999990', 'Синтетический', 'Координатор', now())`, [PERSON]);
    await sql.query(
      `INSERT INTO "Account" (id, "cabinetId", email, "lastName", "firstName", position, status, "personId", "confirmedAt", "trainingConfirmedAt", "updatedAt")
       VALUES ($1, $2, 'coordinator@synthetic.demo.test', 'Синтетический', 'Координатор', 'Специалист', 'CONFIRMED', $3, now(), now(), now())`,
      [ACCOUNT, target.id, PERSON],
    );
    await sql.query(`INSERT INTO "AccountRole" (id, "accountId", role) VALUES ('bench-inbox-coordinator', $1, 'COORDINATOR'), ('bench-inbox-executor', $1, 'EXECUTOR')`, [ACCOUNT]);
    await sql.query(`INSERT INTO "AuthSession" (id, "personId", "selectedOrganizationId", "expiresAt") VALUES ($1, $2, $3, now() + interval '1 day')`, [SESSION, PERSON, target.organizationId]);
    // Message g: in the measured cabinet when g % 5 = 0, else in one of the region's other work
    // cabinets; stage by g % 5 over the message's life; created up to 400 days ago, due 14 days after.
    const inserted = await sql.query(
      `WITH cabs AS (SELECT array_agg(id ORDER BY id) AS ids FROM "Cabinet" WHERE kind = 'WORK' AND "regionId" = $2 AND id <> $1),
       msg AS (
         SELECT g,
                CASE WHEN g % 5 = 0 THEN $1 ELSE cabs.ids[1 + (g / 5) % array_length(cabs.ids, 1)] END AS cabinet,
                (ARRAY['MODERATION','COORDINATION','EXECUTION','APPROVAL','CLOSED'])[1 + (g / 5) % 5]::"MessageStage" AS stage,
                (ARRAY['improvement','organization','quality','food','safety','accessibility','proposal','other'])[1 + g % 8] AS category,
                now() - make_interval(mins => (g * 577) % (400 * 24 * 60)) AS created
         FROM generate_series(1, $3::int) AS g, cabs
       )
       INSERT INTO "CitizenMessage" (id, "cabinetId", "receivedCabinetId", category, text, "authorName", contact, "consentAt", stage, status, "plannedOn", "closedAt", "answerText", "executorId", "createdAt", "updatedAt")
       SELECT 'bench-msg-' || g, cabinet, cabinet, category,
              (ARRAY['Во дворе учреждения нет освещения, вечером темно', 'Прошу изменить режим работы в субботу', 'В столовой холодные блюда', 'Нет пандуса у входа'])[1 + g % 4] || ' (обращение ' || g || ')',
              'Заявитель ' || g, 'citizen' || g || '@example.test', created, stage,
              (CASE stage WHEN 'MODERATION' THEN 'NEW' WHEN 'COORDINATION' THEN 'ACCEPTED' WHEN 'EXECUTION' THEN 'EXECUTOR_ASSIGNED' WHEN 'APPROVAL' THEN 'ON_APPROVAL' ELSE 'ANSWERED' END)::"MessageStatus",
              (created + interval '14 days')::date,
              CASE WHEN stage = 'CLOSED' THEN created + interval '7 days' END,
              CASE WHEN stage IN ('APPROVAL', 'CLOSED') THEN 'Ответ на обращение ' || g END,
              CASE WHEN stage IN ('EXECUTION', 'APPROVAL', 'CLOSED') AND cabinet = $1 THEN $4 END,
              created, created
       FROM msg`,
      [target.id, target.regionId, messages, ACCOUNT],
    );
    await sql.query("COMMIT");
    await sql.query(`ANALYZE "CitizenMessage"`);
    const counted = await sql.query<{ n: number; cabinets: number }>(`SELECT count(*) FILTER (WHERE "cabinetId" = $1)::int AS n, count(DISTINCT "cabinetId")::int AS cabinets FROM "CitizenMessage" WHERE id LIKE 'bench-msg-%'`, [target.id]);
    if (inserted.rowCount !== messages) throw new Error(`Засеяно ${inserted.rowCount} сообщений из ${messages}`);
    return { cookie: await sessionCookie(BENCH_SECRET, PERSON, SESSION), lkoId: target.lkoId, inCabinet: counted.rows[0].n, cabinets: counted.rows[0].cabinets };
  } finally {
    await sql.end();
  }
}

const database = await startBenchDatabase();
const stack = await startStack(database.url, { institutions, departments: 4 });
try {
  const seeded = await seed(database.url);
  const headers = { cookie: seeded.cookie };
  const base = `${stack.baseUrl}/admin/cabinets/${seeded.lkoId}/messages`;
  const folders = {
    all: `${base}?view=all`,
    late: `${base}?view=all&page=${latePage}`,
    overdue: `${base}?view=overdue`,
    search: `${base}?view=all&q=${encodeURIComponent("пандус")}`,
  };
  // The inbox itself, not a notice: the folders, the seeded rows and (for «Все») the pager.
  for (const [name, url] of Object.entries(folders)) {
    const page = await fetch(url, { headers, redirect: "manual" });
    const html = await page.text();
    const rows = name === "search" ? "Нет пандуса" : "обращение ";
    if (page.status !== 200 || !html.includes("Папки сообщений") || !html.includes(rows) || (name === "all" && !html.includes("Следующая"))) {
      throw new Error(`Папка ${name} не открылась: ${page.status}\n${html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 3000)}`);
    }
  }

  const options = { connections, durationSeconds: seconds, headers };
  await measure("прогрев", folders.all, { ...options, durationSeconds: warmupSeconds(3) });
  await measure("прогрев", `${stack.baseUrl}/api/ping`, { durationSeconds: warmupSeconds(2) });
  const { baseline, results } = await bracketed(() => measure("тривиальная /api/ping", `${stack.baseUrl}/api/ping`, options), [
    () => measure("«Все», стр. 1", folders.all, options),
    () => measure(`«Все», стр. ${latePage}`, folders.late, options),
    () => measure("«Просроченные», стр. 1", folders.overdue, options),
    () => measure("поиск «пандус» во «Всех»", folders.search, options),
  ]);
  console.log(report(results, baseline));
  console.log(`\nСообщений в регионе: ${messages} в ${seeded.cabinets} кабинетах, в измеряемом кабинете ${seeded.inCabinet}. Соединений: ${connections}, ${seconds} с на замер. ${machineNote()}`);
} finally {
  stack.stop();
  database.stop();
}
