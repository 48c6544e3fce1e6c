// Issue 16, item 4: production on the embedded database takes the operator's explicit flag.
import { describe, expect, it } from "vitest";
import { DurabilityError, EMBEDDED_IN_PRODUCTION_WARNING, checkDurability } from "@/lib/db/durability";

describe("долговечность: production — это PostgreSQL", () => {
  it("production на PGlite без флага — отказ с объяснением и выходом", () => {
    expect(() => checkDurability({ NODE_ENV: "production" } as unknown as NodeJS.ProcessEnv, true)).toThrow(DurabilityError);
    expect(() => checkDurability({} as unknown as NodeJS.ProcessEnv, true)).toThrow(/DATABASE_URL.*PGLITE_IN_PRODUCTION=1/s);
  });
  it("с PGLITE_IN_PRODUCTION=1 — запуск с предупреждением; с DATABASE_URL или не в production — молча", () => {
    expect(checkDurability({ PGLITE_IN_PRODUCTION: "1" } as unknown as NodeJS.ProcessEnv, true)).toBe(EMBEDDED_IN_PRODUCTION_WARNING);
    expect(EMBEDDED_IN_PRODUCTION_WARNING).toMatch(/отключение питания/);
    expect(checkDurability({ DATABASE_URL: "postgresql://db.example/pos" } as unknown as NodeJS.ProcessEnv, true)).toBeNull();
    expect(checkDurability({} as unknown as NodeJS.ProcessEnv, false)).toBeNull();
  });
});
