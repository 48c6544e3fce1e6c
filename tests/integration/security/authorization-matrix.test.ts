// Every server action, called directly as every identity of the matrix (./matrix.ts), with a valid
// input: allowed callers succeed, refused ones get the authorization's message and the database
// stays exactly as it was. An action that is not in the matrix fails here.
import { beforeAll, describe, expect, it } from "vitest";
import { ACTION_REGISTRY, actionContext } from "@/lib/actions/define-action";
import { ActionError, ForbiddenError, UnauthenticatedError } from "@/lib/actions/errors";
import { getPortalSession } from "@/lib/auth/session";
import { loadActions } from "../../helpers/app-surface";
import { changedTables, databaseFingerprint } from "../../helpers/fingerprint";
import { withTemporaryEsiaKeys } from "../../helpers/esia-keys";
import { requestContext } from "../../helpers/request-context";
import { ACTION_MATRIX, IDENTITIES, IDENTITY_KEYS, signInIdentities, type IdentityKey, type Verdict } from "./matrix";

const actions = await loadActions();
// «Выберите организацию» signs its ЕСИА request (the organization's rights) with the demo keys.
withTemporaryEsiaKeys();
let cookies = new Map<IdentityKey, Record<string, string>>();
let persons = new Map<IdentityKey, string | null>();

beforeAll(async () => {
  ({ cookies, persons } = await signInIdentities());
});

const words = (v: Verdict) => (v === "allow" ? "разрешено" : v === "deny" ? "отказ" : `разрешено, но отказ по правилу ${v.rule}`);

describe("матрица прав покрывает все серверные действия", () => {
  it("каждое действие приложения есть в матрице, и в матрице нет лишних строк", () => {
    const registered = [...ACTION_REGISTRY.keys()].sort();
    const missing = registered.filter((name) => !(name in ACTION_MATRIX));
    expect(missing, `Добавьте эти действия в ACTION_MATRIX (tests/integration/security/matrix.ts): ${missing.join(", ")}`).toEqual([]);
    expect(Object.keys(ACTION_MATRIX).sort()).toEqual(registered);
  });

  it("в каждой строке есть решение для каждого вызывающего", () => {
    for (const [name, row] of Object.entries(ACTION_MATRIX)) expect(Object.keys(row.verdicts).sort(), name).toEqual([...IDENTITY_KEYS].sort());
  });
});

for (const [name, row] of Object.entries(ACTION_MATRIX)) {
  describe(`${name} — ${row.target}`, () => {
    for (const identity of IDENTITY_KEYS) {
      const verdict = row.verdicts[identity];
      it(`${IDENTITIES[identity].label}: ${words(verdict)}`, async () => {
        const def = ACTION_REGISTRY.get(name);
        const action = actions.get(name);
        if (!def || !action) throw new Error(`Действия ${name} больше нет: уберите его строку из матрицы`);
        const ctx = { identity, personId: persons.get(identity) ?? null };
        const input = await row.input(ctx);
        const parsed = def.schema.safeParse(input);
        expect(parsed.success, `вход строки ${name} неверен — отказ должен идти от прав, а не от проверки полей: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        try {
          await requestContext.runWithCookies(cookies.get(identity)!, async () => {
            const before = await databaseFingerprint();
            // The authorization alone (the action's load: read-only), then the action as a page calls it.
            const session = await getPortalSession();
            let refusal: unknown = session ? null : new UnauthenticatedError();
            if (session) {
              try {
                await def.load(parsed.data, await actionContext(session));
              } catch (error) {
                refusal = error;
              }
            }
            expect(changedTables(before, await databaseFingerprint()), "проверка прав ничего не пишет").toEqual([]);
            const result = await action(input);
            const changed = changedTables(before, await databaseFingerprint());

            if (verdict === "deny") {
              expect(refusal instanceof ForbiddenError || refusal instanceof UnauthenticatedError, `ожидался отказ по правам, а проверка прав пропустила: ${JSON.stringify(result)}`).toBe(true);
              expect(result).toEqual({ ok: false, error: (refusal as ActionError).message, fieldErrors: undefined });
              expect(changed, "после отказа в базе ничего не изменилось").toEqual([]);
            } else if (verdict === "allow") {
              expect(refusal, `ожидалось разрешение: ${String(refusal)}`).toBeNull();
              expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
              // Every state change leaves an audit event.
              if (changed.some((t) => t !== "AuditEvent" && t !== "OutboxEmail")) expect(changed).toContain("AuditEvent");
            } else {
              expect(refusal, `ожидалось разрешение: ${String(refusal)}`).toBeNull();
              expect(result.ok).toBe(false);
              if (!result.ok) expect(result.error).toMatch(verdict.rule);
              expect(changed, "после отказа по правилу в базе ничего не изменилось").toEqual([]);
            }
          });
        } finally {
          await row.after?.(ctx);
        }
      });
    }
  });
}
