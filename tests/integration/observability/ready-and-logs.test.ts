// Issue 16, item 6: what an operator watches. /api/ready (the route handler itself) reports the
// database round trip, the migrations and the outbox; every server action call is one JSON log
// line with its name, duration and outcome, and nothing the person typed.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { migrationNames } from "@/lib/db/migrations";
import { enqueueEmail } from "@/lib/mail/outbox";
import { acceptMessage } from "@/lib/messages/actions";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { capturedLog } from "../../helpers/log";
import { signInAs } from "../../helpers/session";

describe("/api/health и /api/ready", () => {
  it("health отвечает, ничего не трогая; ready — база, миграции, очередь писем", async () => {
    const alive = await health();
    expect(alive.status).toBe(200);
    expect(await alive.json()).toMatchObject({ status: "ok" });

    await db.outboxEmail.deleteMany();
    const empty = await ready();
    expect(empty.status).toBe(200);
    expect(await empty.json()).toMatchObject({
      status: "ready",
      problems: [],
      database: { kind: process.env.DATABASE_URL ? "postgres" : "pglite", latencyMs: expect.any(Number) },
      migrations: { expected: migrationNames().length, applied: migrationNames().length, pending: [], failed: [] },
      outbox: { unsent: 0, failed: 0, oldestUnsentAgeSeconds: null },
      digests: { open: 0, overdue: 0 },
    });
    // New messages' digests not yet queued (decision 078): one gathering, one overdue (its job is not running).
    await db.messageDigest.createMany({ data: [
      { cabinetId: "cab-work-mag-school-18", dueAt: new Date(Date.now() + 600_000) },
      { cabinetId: "cab-work-mag-school-16", dueAt: new Date(Date.now() - 600_000) },
    ] });
    expect((await (await ready()).json()).digests).toEqual({ open: 2, overdue: 1 });
    await db.messageDigest.deleteMany();

    await db.$transaction(async (tx) => {
      for (const to of ["one@demo.test", "two@demo.test", "three@demo.test"]) await enqueueEmail(tx, { to, subject: "Письмо", text: "Текст" });
    });
    await db.outboxEmail.updateMany({ where: { to: "one@demo.test" }, data: { createdAt: new Date(Date.now() - 600_000) } });
    await db.outboxEmail.updateMany({ where: { to: "three@demo.test" }, data: { status: "FAILED" } });
    const report = await (await ready()).json();
    expect(report.outbox).toMatchObject({ unsent: 2, failed: 1 });
    expect(report.outbox.oldestUnsentAgeSeconds).toBeGreaterThanOrEqual(600);
    expect(JSON.stringify(report)).not.toContain("demo.test");
  });
});

describe("журнал серверных действий", () => {
  it("одна строка на вызов: имя, длительность, исход — без введённых данных", async () => {
    await signInAs("organAdmin");
    const typed = "текст-который-не-должен-попасть-в-журнал";
    const lines = await capturedLog(() => acceptMessage({ messageId: typed, version: "NOWHERE" }), "info");
    const actions = lines.filter((l) => l.event === "action");
    expect(actions).toEqual([expect.objectContaining({ level: "info", action: "messages.accept", outcome: "invalid", durationMs: expect.any(Number) })]);
    expect(JSON.stringify(lines)).not.toContain(typed);

    const refused = await capturedLog(() => acceptMessage({ messageId: "no-such-message", version: 0 }), "info");
    expect(refused.filter((l) => l.event === "action")).toEqual([expect.objectContaining({ action: "messages.accept", outcome: "refused" })]);
  });
});
