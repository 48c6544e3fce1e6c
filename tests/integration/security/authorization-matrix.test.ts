// Every server action, called directly as every identity of the matrix (./matrix.ts), with a valid
// input: allowed callers succeed, refused ones get the authorization's message and the database
// stays exactly as it was. An action that is not in the matrix fails here.
import { beforeAll, describe, expect, it } from "vitest";
import { ACTION_REGISTRY, FORM_WRAPPERS } from "@/lib/actions/define-action";
import { ActionError, ForbiddenError, UnauthenticatedError } from "@/lib/actions/errors";
import { getSignedIn } from "@/lib/auth/session";
import fs from "node:fs";
import { actionModuleFiles, loadActions, serverFunctions, serverModuleFiles } from "../../helpers/app-surface";
import { changedTables, databaseFingerprint } from "../../helpers/fingerprint";
import { withTemporaryEsiaKeys } from "../../helpers/esia-keys";
import { requestContext } from "../../helpers/request-context";
import { ACTION_MATRIX, signInIdentities, type IdentityKey, type Verdict } from "./matrix";
import { describeCells, expectEveryIdentity, expectRowsMatch } from "./matrix-cells";

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
    expectRowsMatch("ACTION_MATRIX (tests/integration/security/matrix.ts)", "действия", ACTION_MATRIX, [...ACTION_REGISTRY.keys()]);
  });

  it("действия ищутся в app/, components/ и lib/: каждый модуль с defineAction — модуль «use server»", () => {
    const files = actionModuleFiles();
    expect(files.length).toBeGreaterThan(0);
    // A defineAction outside a "use server" module is not reachable as an action, or is reached some other way: either way, not what the registry says.
    // (lib/messages/transition.ts is the helper that builds actions, not a module of them.)
    const modules = serverModuleFiles();
    expect(files.filter((f) => !f.endsWith("/lib/messages/transition.ts") && !modules.includes(f))).toEqual([]);
  });

  it("каждая экспортированная функция модуля «use server» — действие из реестра и матрицы", async () => {
    const exported = await serverFunctions();
    expect(exported.length).toBeGreaterThan(0);
    // An action itself, or a form wrapper of actions (its `form`, a formSwitch): each named action in the registry and the matrix.
    const known = (name: string) => ACTION_REGISTRY.has(name) && name in ACTION_MATRIX;
    const stray = exported.filter(({ fn }) => {
      const name = (fn as { actionName?: unknown }).actionName;
      const runs = typeof name === "string" ? [name] : FORM_WRAPPERS.get(fn as object);
      return !runs || runs.length === 0 || !runs.every(known);
    });
    expect(stray.map((s) => s.key), "эти функции браузер может вызвать в обход defineAction и матрицы прав").toEqual([]);
  });

  it("нет встроенных серверных функций («use server» внутри функции): все действия — в модулях «use server»", () => {
    const offenders: string[] = [];
    for (const dir of ["app", "components", "lib"]) {
      for (const file of fs.readdirSync(dir, { recursive: true, withFileTypes: false }) as string[]) {
        if (!/\.tsx?$/.test(file)) continue;
        const text = fs.readFileSync(`${dir}/${file}`, "utf8");
        if (/\n\s*["']use server["'];?\s*\n/.test(text.replace(/^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["'];?/, ""))) offenders.push(`${dir}/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("в каждой строке есть решение для каждого вызывающего", () => {
    expectEveryIdentity(ACTION_MATRIX, (row) => row.verdicts);
  });
});

describeCells(ACTION_MATRIX, { row: (name, row) => `${name} — ${row.target}`, cell: (row, identity) => words(row.verdicts[identity]) }, async (name, row, identity) => {
  const verdict = row.verdicts[identity];
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
      const signedIn = await getSignedIn();
      let refusal: unknown = signedIn ? null : new UnauthenticatedError();
      if (signedIn) {
        try {
          await def.load(parsed.data, signedIn);
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
