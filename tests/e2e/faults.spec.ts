// Faults (issue 8): the production server on PostgreSQL is killed outright (SIGKILL) in the middle
// of a burst of citizen messages and cabinet requests over HTTP, while its mail sender is in the
// middle of sending; then started again. Nothing acknowledged is lost, nothing is half-written,
// nothing is stored twice, and every email reaches the SMTP server exactly once.
// Runs against the build the e2e suite has just made (no second build) on its own throwaway
// PostgreSQL cluster and its own mail catcher; the browser is not needed.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import pg from "pg";
import { startBenchDatabase, freePort, type BenchDatabase } from "../../bench/support/postgres";
import { ROOT, bin, startPortal, type PortalProcess } from "../../bench/support/portal";
import { CookieJar, actionFields, request, sessionCookie } from "../../bench/support/http";
import { createMailCatcher, type MailCatcher } from "../../lib/mail-catcher/server";
import { GOSPUBLIC_CABINET_GROUP, accessGroupId } from "../../lib/demo-world/reference";

const SECRET = "faults-secret-not-for-production-0123456789";
const KILLS = 3;
const FILERS = 36;
const WORKERS = 6;
const PENDING_TEXT = "уже находится на рассмотрении";

let database: BenchDatabase;
let sql: pg.Client;
let catcher: MailCatcher;
let portal: PortalProcess | null = null;
let port = 0;
let env: NodeJS.ProcessEnv;

test.describe.configure({ timeout: 300_000 });


test.beforeAll(async () => {
  test.setTimeout(300_000);
  database = await startBenchDatabase();
  catcher = createMailCatcher();
  const { smtpPort } = await catcher.listen(0, 0, "127.0.0.1");
  port = await freePort();
  env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    SEED_DEMO: "1", // production mode, yet the demo world is what the test files requests against
    DATABASE_POOL_SIZE: "10",
    PORTAL_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: SECRET,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_CATCHER_URL: "",
    // A short lease so that the email stranded by the crash goes out again within the test.
    MAIL_LEASE_SECONDS: "6",
    MAIL_WORKER: "on",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  execFileSync(bin("tsx"), ["prisma/prepare.ts"], { cwd: ROOT, stdio: "pipe", env });
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
});

test.afterAll(async () => {
  await portal?.stop();
  await sql?.end();
  await catcher?.close();
  database?.stop();
});

interface Filer {
  organizationId: string;
  cookie: string;
}

/** Schools of the Управление образования with a head who may file (ЕСИА group) and a signed-in session each. */
async function createFilers(n: number): Promise<Filer[]> {
  const filers: Filer[] = [];
  for (let i = 1; i <= n; i++) {
    const k = String(i).padStart(4, "0");
    const org = `fault-org-${k}`;
    const person = `fault-person-${k}`;
    const session = `fault-session-${k}`;
    await sql.query(
      `INSERT INTO "Organization" (id, "esiaOid", "fullName", "shortName", ogrn, inn, kind, "regionId", "parentId", "updatedAt")
       VALUES ($1, $2, $3, $3, $4, $5, 'SUBORDINATE_OMSU', 'region-74', 'org-omsu-mag-uo', now())`,
      [org, `77${k}000`, `МОУ «Школа сбоев № ${i}»`, `1027499${k}01`, `749900${k}`],
    );
    await sql.query(`INSERT INTO "Person" (id, "esiaOid", "lastName", "firstName", email, "updatedAt") VALUES ($1, $2, 'Сбоева', $3, $4, now())`, [
      person, `78${k}000`, `Директор ${i}`, `head${k}@fault-school.demo.test`,
    ]);
    await sql.query(`INSERT INTO "Membership" (id, "personId", "organizationId", chief, position) VALUES ($1, $2, $3, true, 'Директор')`, [`fault-m-${k}`, person, org]);
    await sql.query(`INSERT INTO "MembershipGroup" ("membershipId", "groupId") VALUES ($1, $2)`, [`fault-m-${k}`, accessGroupId(GOSPUBLIC_CABINET_GROUP)]);
    await sql.query(`INSERT INTO "AuthSession" (id, "personId", "selectedOrganizationId", "expiresAt") VALUES ($1, $2, $3, now() + interval '1 day')`, [session, person, org]);
    filers.push({ organizationId: org, cookie: await sessionCookie(SECRET, person, session) });
  }
  return filers;
}

/** acked: the server answered success; refused: it answered otherwise; unknown: the connection broke mid-request; down: nobody listened. */
type Outcome = "acked" | "refused" | "unknown" | "down";

const failure = (error: unknown): Outcome => ((error as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED" ? "down" : "unknown");

test("сервер убит посреди потока записей и рассылки — после перезапуска ничего не потеряно, не задвоено и не записано наполовину", async () => {
  const base = `http://127.0.0.1:${port}`;
  const filers = await createFilers(FILERS);
  const cabinets = (await sql.query<{ lkoId: number; id: string }>(`SELECT "lkoId", id FROM "Cabinet" WHERE kind = 'WORK' AND status = 'ACTIVE' ORDER BY "lkoId" LIMIT 6`)).rows;
  expect(cabinets.length).toBe(6);

  const messages = new Map<string, { lkoId: number; outcome: Outcome }>();
  const filings = new Map<string, Outcome>();
  const serverErrors: string[] = [];
  let acked = 0;
  let brokenMidRequest = 0;
  let stop = false;
  let nextFiler = 0;

  async function sendMessage(key: string, lkoId: number): Promise<Outcome> {
    const body = new URLSearchParams({
      category: "safety", text: `Сообщение ${key}: сломано ограждение спортивной площадки.`, authorName: "Гражданин", contact: "citizen@mail.demo.test",
      consent: "on", idempotencyKey: key,
    });
    try {
      const res = await fetch(`${base}/form?opaId=${lkoId}`, {
        method: "POST", redirect: "manual", body, headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
      });
      await res.arrayBuffer();
      if (res.status >= 500) serverErrors.push(`форма ${res.status}`);
      return res.status === 303 ? "acked" : "refused";
    } catch (error) {
      return failure(error);
    }
  }

  async function file(filer: Filer): Promise<Outcome | "pending"> {
    const jar = new CookieJar();
    const [name, value] = filer.cookie.split(/=(.*)/s);
    jar.set(base, name, value);
    try {
      const page = await request(jar, `${base}/registration/work`);
      const html = await page.text();
      if (page.status >= 500) serverErrors.push(`страница заявки ${page.status}`);
      if (html.includes(PENDING_TEXT)) return "pending";
      const fields = actionFields(html);
      if (!fields.$ACTION_KEY) return "refused";
      const body = new FormData();
      for (const [k, v] of Object.entries(fields)) body.append(k, v);
      for (const [k, v] of Object.entries({
        kind: "WORK", name: `МОУ «Школа сбоев» ${filer.organizationId}`, regionId: "region-74", type: "SUBORDINATE_OMSU",
        editorialCabinetId: "cab-ed-omsu-mag-uo", sphereIds: "sphere-education", email: `office@${filer.organizationId}.demo.test`,
      })) body.append(k, v);
      const res = await request(jar, `${base}/registration/work`, { method: "POST", body, headers: { origin: base } });
      const text = await res.text();
      if (res.status >= 500) serverErrors.push(`подача заявки ${res.status}`);
      if (res.status === 303) return "acked";
      return text.includes(PENDING_TEXT) ? "pending" : "refused";
    } catch (error) {
      return failure(error);
    }
  }

  async function worker(w: number) {
    let n = 0;
    while (!stop) {
      n += 1;
      const filer = n % 4 === 0 && nextFiler < filers.length ? filers[nextFiler++] : null;
      let outcome: Outcome | "pending";
      if (filer) {
        outcome = await file(filer);
        // A first filing cannot find a pending request; if it does, it is a failure the checks below report.
        filings.set(filer.organizationId, outcome === "pending" ? "refused" : outcome);
      } else {
        const key = `fault-${w}-${n}-${randomUUID().slice(0, 8)}`;
        const lkoId = cabinets[n % cabinets.length].lkoId;
        outcome = await sendMessage(key, lkoId);
        // A form that could not even be sent is not a message (the citizen sees the browser's error).
        if (outcome !== "down") messages.set(key, { lkoId, outcome });
      }
      if (outcome === "acked") acked += 1;
      if (outcome === "unknown") brokenMidRequest += 1;
      // While the server is down, do not spin.
      if (outcome === "unknown" || outcome === "down") await new Promise((r) => setTimeout(r, 100));
    }
  }

  const started = Date.now();
  portal = await startPortal(port, env);
  const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
  const kills: Array<{ ackedBefore: number }> = [];
  for (let k = 0; k < KILLS; k++) {
    const target = acked + 40;
    await expect.poll(() => acked, { timeout: 60_000 }).toBeGreaterThanOrEqual(target);
    // The next email the sender tries is held before the SMTP server's answer: the sender is mid-batch.
    await Promise.race([catcher.holdNext(), new Promise((_, reject) => setTimeout(() => reject(new Error("отправитель не начал рассылку")), 60_000))]);
    kills.push({ ackedBefore: acked });
    await portal.kill();
    portal = await startPortal(port, env);
  }
  await expect.poll(() => acked, { timeout: 60_000 }).toBeGreaterThanOrEqual(acked + 20);
  stop = true;
  await Promise.all(workers);

  // A citizen whose page did not answer presses «Отправить» again (the same form, the same key);
  // a head whose request did not answer opens the page again.
  const retried = { messages: 0, filings: 0 };
  for (const [key, m] of messages) {
    if (m.outcome !== "unknown") continue;
    retried.messages += 1;
    m.outcome = await sendMessage(key, m.lkoId);
    expect(m.outcome, key).toBe("acked");
  }
  for (const filer of filers) {
    const outcome = filings.get(filer.organizationId);
    if (outcome !== "unknown" && outcome !== "down") continue;
    retried.filings += 1;
    const again = await file(filer);
    expect(["acked", "pending"], filer.organizationId).toContain(again);
    filings.set(filer.organizationId, "acked");
  }
  expect(serverErrors).toEqual([]);
  expect([...messages.values()].filter((m) => m.outcome !== "acked")).toEqual([]);
  expect([...filings].filter(([, o]) => o !== "acked")).toEqual([]);

  // Every message sent is stored exactly once, whole: its journal event and its emails came with it.
  const keys = [...messages.keys()];
  const stored = (await sql.query<{ id: string; key: string; events: number; emails: number; admins: number }>(
    `SELECT m.id, m."idempotencyKey" AS key,
       (SELECT count(*)::int FROM "AuditEvent" a WHERE a."entityId" = m.id AND a.action = 'message.received') AS events,
       (SELECT count(*)::int FROM "OutboxEmail" o WHERE o."dedupeKey" LIKE 'message-new:' || m.id || ':%') AS emails,
       (SELECT count(DISTINCT acc.email)::int FROM "Account" acc JOIN "AccountRole" r ON r."accountId" = acc.id
          WHERE acc."cabinetId" = m."cabinetId" AND acc.status = 'CONFIRMED' AND r.role = 'LKO_ADMIN') AS admins
     FROM "CitizenMessage" m WHERE m."idempotencyKey" LIKE 'fault-%'`,
  )).rows;
  expect(stored.map((r) => r.key).sort()).toEqual(keys.sort());
  expect(stored.filter((r) => r.events !== 1 || r.emails !== Math.max(1, r.admins))).toEqual([]);

  // Every filed request has its revision and its journal event; none is doubled.
  const requests = (await sql.query<{ org: string; requests: number; revisions: number; current: number; events: number }>(
    `SELECT o.id AS org, count(DISTINCT r.id)::int AS requests, count(v.id)::int AS revisions, min(r."currentRevision")::int AS current,
       (SELECT count(*)::int FROM "AuditEvent" a WHERE a."organizationId" = o.id AND a.action = 'request.submitted') AS events
     FROM "Organization" o LEFT JOIN "CabinetRequest" r ON r."organizationId" = o.id LEFT JOIN "CabinetRequestRevision" v ON v."requestId" = r.id
     WHERE o.id LIKE 'fault-org-%' GROUP BY o.id`,
  )).rows;
  const filed = requests.filter((r) => r.requests > 0);
  expect(filed.filter((r) => r.requests !== 1 || r.revisions !== 1 || r.current !== 1 || r.events !== 1)).toEqual([]);
  const ackedFilings = [...filings].filter(([, o]) => o === "acked").map(([org]) => org);
  expect(ackedFilings.filter((org) => !filed.some((r) => r.org === org))).toEqual([]);
  // A request is only ever in the database whole: no revision-less request, no request-less revision.
  expect((await sql.query(`SELECT id FROM "CabinetRequest" r WHERE NOT EXISTS (SELECT 1 FROM "CabinetRequestRevision" v WHERE v."requestId" = r.id AND v.number = r."currentRevision")`)).rows).toEqual([]);

  // The outbox drains: the email stranded by each crash goes out when its lease ends.
  await expect
    .poll(async () => (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "OutboxEmail" WHERE status <> 'SENT'`)).rows[0].n, { timeout: 90_000, intervals: [500] })
    .toBe(0);
  const outbox = (await sql.query<{ messageId: string; attempts: number }>(`SELECT "messageId", attempts FROM "OutboxEmail"`)).rows;
  const caught = catcher.messages.map((m) => m.messageId ?? "");
  expect(caught.length).toBe(outbox.length);
  expect([...caught].sort()).toEqual(outbox.map((o) => o.messageId).sort());
  const resent = outbox.filter((o) => o.attempts > 1).length;

  console.log(
    `Сбои: ${kills.length} SIGKILL сервера посреди записи и рассылки за ${Math.round((Date.now() - started) / 1000)} с. ` +
      `Записано: ${keys.length} сообщений и ${ackedFilings.length} заявок; ${acked} записей подтверждены во время потока, ` +
      `${brokenMidRequest} запросов оборвал сбой, после перезапуска повторены ${retried.messages} сообщений и ${retried.filings} заявок. ` +
      `Потеряно подтверждённых: 0, задвоено: 0, записано наполовину: 0. Писем: ${outbox.length}, каждое принято SMTP ровно один раз; ` +
      `отправлено повторно после сбоя (по истечении аренды): ${resent}.`,
  );
  expect(resent).toBeGreaterThanOrEqual(KILLS);
});
