// Issue 16, item 1: one owner per PGlite data folder. A second process (the seed, the mail requeue,
// a backup, the start-up preparation) is refused with a Russian message naming the owner's PID, and
// the owner loses nothing; a lock left by a killed process is taken over at once; a lock held from
// another machine is respected until it goes stale. On PostgreSQL there is no folder: the same
// tasks run beside a connected app.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openPglite } from "@/lib/db/adapter";
import { FolderLockedError, STALE_LOCK_MS, lockFolder, lockPathFor, ownerPathFor, readLockOwner } from "@/lib/db/folder-lock";
import { withDatabase } from "@/lib/db/cli";
import { externalDatabase, type ExternalDatabase } from "../../helpers/db";
import { runCli, startCli } from "../../helpers/cli";

const pglite = !process.env.DATABASE_URL;
let database: ExternalDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

const TASKS: Array<[string, string, string[]]> = [
  ["npm run seed", "prisma/seed.ts", []],
  ["npm run mail:requeue", "lib/mail/requeue-cli.ts", []],
  ["npm run db:backup", "prisma/backup.ts", ["backup", path.join(os.tmpdir(), `pos-lock-test-${process.pid}.tar.gz`)]],
  ["подготовка к запуску (predev/prestart)", "prisma/prepare.ts", []],
];

describe.runIf(pglite)("папка PGlite: один владелец", () => {
  it("второй процесс получает отказ с PID владельца и что делать; владелец ничего не теряет", async () => {
    database = await externalDatabase("demo");
    const dir = (database.target as { dir: string }).dir;
    const owner = openPglite(dir);
    try {
      await owner.query(`INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('test.lock', 'Test', 'before')`);
      for (const [task, script, args] of TASKS) {
        const run = await runCli(script, args, database.env);
        expect(run.code, `${task}: ${run.stdout}${run.stderr}`).toBe(1);
        expect(run.stderr, task).toContain(`уже открыта процессом PID ${process.pid}`);
        expect(run.stderr, task).toContain(`kill ${process.pid}`);
        expect(run.stderr, task).toContain("PostgreSQL");
        expect(run.stderr, task).not.toMatch(/\n\s+at /); // a message, not a stack trace
      }
      await owner.query(`INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('test.lock', 'Test', 'after')`);
      expect((await owner.query(`SELECT "entityId" FROM "AuditEvent" WHERE action = 'test.lock' ORDER BY id`)).rows).toEqual([{ entityId: "before" }, { entityId: "after" }]);
      expect(readLockOwner(dir)).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    } finally {
      await owner.close();
    }
    // Closing releases the lock.
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
    expect(fs.existsSync(ownerPathFor(dir))).toBe(false);
  }, 180_000);

  it("блокировку убитого процесса следующий снимает сразу", async () => {
    database = await externalDatabase("empty");
    const dir = (database.target as { dir: string }).dir;
    const holder = startCli("tests/fixtures/hold-database.ts", [], database.env);
    await expect.poll(() => holder.stdout(), { timeout: 60_000 }).toContain("открыта");
    // tsx runs the script in a child Node process: the owner is that one.
    const pid = Number(/PID (\d+)/.exec(holder.stdout())![1]);
    expect(readLockOwner(dir)?.pid).toBe(pid);
    holder.killGroup();
    await holder.done;
    const warnings: string[] = [];
    const db = openPglite(dir, { warn: (m) => warnings.push(m) });
    await db.waitReady;
    expect(warnings).toEqual([expect.stringContaining(`осталась от завершившегося процесса PID ${pid}: снята`)]);
    expect(readLockOwner(dir)?.pid).toBe(process.pid);
    await db.close();
  }, 120_000);

  it("блокировку с другой машины уважает, пока она обновляется, и снимает, когда она устарела", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pos-lock-"));
    const lockPath = lockPathFor(dir);
    fs.mkdirSync(lockPath);
    fs.writeFileSync(ownerPathFor(dir), JSON.stringify({ pid: 4242, hostname: "other-node", bootId: null, processStart: null, command: "next start", since: new Date().toISOString() }));
    const refused = (() => {
      try {
        lockFolder(dir, { onLost: () => {} });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(FolderLockedError);
    expect((refused as Error).message).toContain("PID 4242");
    expect((refused as Error).message).toContain("на узле other-node");
    expect((refused as Error).message).toContain(`через ${STALE_LOCK_MS / 1000} с`);
    // Its owner stopped refreshing it: stale.
    const past = new Date(Date.now() - STALE_LOCK_MS - 5_000);
    fs.utimesSync(lockPath, past, past);
    const lock = lockFolder(dir, { onLost: () => {} });
    expect(readLockOwner(dir)?.pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lockPath)).toBe(false);
    expect(fs.existsSync(ownerPathFor(dir))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe.runIf(!pglite)("PostgreSQL: папки нет, задачи работают рядом с приложением", () => {
  it("mail:requeue выполняется, пока база открыта другим процессом", async () => {
    database = await externalDatabase("demo");
    await withDatabase(async (db) => {
      await db.$queryRawUnsafe("SELECT 1");
      const run = await runCli("lib/mail/requeue-cli.ts", [], database!.env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("FAILED");
    }, database.target);
  }, 120_000);
});
