// Every server action of the authorization matrix, fed random and malicious input (fast-check) by a
// caller who is allowed to act on the valid input: whatever comes in, the action answers with a
// result (no unhandled error, nothing logged as a failure), a refusal is in Russian down to every
// field message, and a refused call writes nothing.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadActions } from "../../helpers/app-surface";
import { testDb } from "../../helpers/db";
import { rowCounts } from "../../helpers/fingerprint";
import { hostileInputFor, isRussian, runs } from "../../helpers/hostile";
import { withTemporaryEsiaKeys } from "../../helpers/esia-keys";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { ACTION_MATRIX, IDENTITIES, IDENTITY_KEYS, type IdentityKey } from "./matrix";

const actions = await loadActions();
// «Выберите организацию» signs its ЕСИА request (the organization's rights) with the demo keys.
withTemporaryEsiaKeys();
const GENERIC_FAILURE = /^Не удалось выполнить действие/;
const tried = { inputs: 0 };

beforeAll(async () => {
  // No network from here: every official site is a local address the site check refuses at once.
  await testDb().cabinet.updateMany({ where: { officialSite: { not: null } }, data: { officialSite: "http://127.0.0.1:9" } });
});
afterAll(() => {
  console.log(`Враждебный ввод в серверные действия: ${tried.inputs} вызовов`);
});

/** The first identity the matrix allows (or lets past authorization) for the action. */
function allowedIdentity(name: string): IdentityKey {
  const verdicts = ACTION_MATRIX[name].verdicts;
  return IDENTITY_KEYS.find((k) => verdicts[k] === "allow") ?? IDENTITY_KEYS.find((k) => typeof verdicts[k] === "object")!;
}

describe("враждебный ввод в серверные действия", () => {
  for (const [name, row] of Object.entries(ACTION_MATRIX)) {
    const identity = allowedIdentity(name);
    it(`${name} (${IDENTITIES[identity].label})`, async () => {
      const action = actions.get(name)!;
      const { personId } = await signInAs(IDENTITIES[identity].who!);
      const cookies = requestContext.cookies();
      const ctx = { identity, personId };
      const base = (await row.input(ctx)) as Record<string, unknown>;
      try {
        await fc.assert(
          fc.asyncProperty(hostileInputFor(base), async (input) => {
            tried.inputs += 1;
            const errorsBefore = vi.mocked(console.error).mock.calls.length;
            const before = await rowCounts();
            const result = await requestContext.runWithCookies(cookies, () => action(input));
            expect(vi.mocked(console.error).mock.calls.length, "действие записало сбой в журнал (для человека — «500»)").toBe(errorsBefore);
            expect(result).toBeTypeOf("object");
            if (result.ok) return;
            expect(result.error).not.toMatch(GENERIC_FAILURE);
            expect(isRussian(result.error), result.error).toBe(true);
            for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
              for (const message of messages) expect(isRussian(message), `${field}: ${message}`).toBe(true);
            }
            expect(await rowCounts(), "отказ ничего не записал").toEqual(before);
          }),
          { numRuns: runs(40), seed: process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : 20261210, endOnFailure: true },
        );
      } finally {
        await row.after?.(ctx);
        requestContext.clear();
      }
    }, 120_000);
  }
});

describe("текст, который база не примет", () => {
  it("NUL и одинокий суррогат — отказ с сообщением у поля, ничего не записано; прочие хитрости юникода сохраняются как есть", async () => {
    await signInAs("organAdmin");
    const add = actions.get("accounts.add")!;
    const base = (await ACTION_MATRIX["accounts.add"].input({ identity: "organ", personId: null })) as Record<string, unknown>;
    const before = await rowCounts();
    for (const position of ["Учитель\u0000информатики", "Учитель \uD800информатики"]) {
      expect(await add({ ...base, position })).toEqual({
        ok: false, error: "Проверьте правильность заполнения полей.",
        fieldErrors: { position: ["В поле есть недопустимый невидимый символ. Наберите текст заново или вставьте его без форматирования."] },
      });
    }
    expect(await rowCounts()).toEqual(before);
    const tricky = "Учитель \u202Eики\u202C\u200B 😀";
    expect(await add({ ...base, position: tricky })).toMatchObject({ ok: true });
    expect((await testDb().account.findUniqueOrThrow({ where: { email: String(base.email) } })).position).toBe(tricky);
    requestContext.clear();
  });
});
