// What `npm run dev` / `npm start` (prisma/prepare.ts) loads into an empty database.
import { describe, expect, it } from "vitest";
import { initialDataFor, isLocalDatabase } from "@/prisma/seed/policy";
import type { DatabaseTarget } from "@/lib/db/adapter";

const pglite: DatabaseTarget = { kind: "pglite", dir: ".data/pglite" };
const localPg: DatabaseTarget = { kind: "postgres", url: "postgresql://pos:secret@localhost:5432/pos" };
const remotePg: DatabaseTarget = { kind: "postgres", url: "postgresql://pos:secret@db.example.ru:5432/pos" };

const seed = (env: Record<string, string>, target: DatabaseTarget) => initialDataFor(env, target).seed;

describe("начальные данные пустой базы", () => {
  it("свежий клон (npm run dev): демо на встроенной базе и на локальном PostgreSQL", () => {
    expect(seed({}, pglite)).toBe("demo");
    expect(seed({ NODE_ENV: "development" }, pglite)).toBe("demo");
    expect(seed({}, localPg)).toBe("demo");
    expect(seed({}, { kind: "postgres", url: "postgresql://postgres@127.0.0.1:5433/postgres" })).toBe("demo");
    expect(seed({}, { kind: "postgres", url: "postgresql://postgres@[::1]:5432/pos" })).toBe("demo");
  });

  it("удалённая база: только справочники, демо — лишь по SEED_DEMO=1", () => {
    const decided = initialDataFor({}, remotePg);
    expect(decided).toMatchObject({ seed: "reference" });
    expect(decided.note).toMatch(/db\.example\.ru не локальная.*SEED_DEMO=1/);
    expect(seed({ SEED_DEMO: "1" }, remotePg)).toBe("demo");
    expect(seed({}, { kind: "postgres", url: "not a url" })).toBe("reference");
  });

  it("NODE_ENV=production: только справочники, даже на локальной базе, демо — лишь по SEED_DEMO=1", () => {
    for (const target of [pglite, localPg, remotePg]) {
      expect(initialDataFor({ NODE_ENV: "production" }, target)).toMatchObject({ seed: "reference", note: expect.stringMatching(/SEED_DEMO=1/) });
      expect(seed({ NODE_ENV: "production", SEED_DEMO: "1" }, target)).toBe("demo");
    }
  });

  it("отключение демо сильнее всего остального", () => {
    expect(seed({ POS_DEMO_DATA: "false" }, pglite)).toBe("reference");
    expect(seed({ SEED_DEMO: "0" }, pglite)).toBe("reference");
    expect(seed({ POS_DEMO_DATA: "false", SEED_DEMO: "1" }, pglite)).toBe("reference");
  });

  it("локальной считается только база на этой машине", () => {
    expect(isLocalDatabase(pglite)).toBe(true);
    expect(isLocalDatabase({ kind: "postgres", url: "postgresql:///pos?host=/var/run/postgresql" })).toBe(true);
    expect(isLocalDatabase(remotePg)).toBe(false);
    expect(isLocalDatabase({ kind: "postgres", url: "postgresql://u@localhost.example.ru/pos" })).toBe(false);
  });
});
