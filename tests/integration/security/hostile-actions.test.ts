// Every server action of the authorization matrix, fed random and malicious input (fast-check) by a
// caller who is allowed to act on the valid input: whatever comes in, the action answers with a
// result (no unhandled error, nothing logged as a failure), a refusal is in Russian down to every
// field message, and a refused call writes nothing — the whole database's fingerprint (every row of
// every table) is the same after it. An input whose id field names another tenant's object (a forged
// id, FORGED_IDS) is refused, or — when the caller may act there — changes only what that tenant's
// rows allow: every success with a forged id is checked and counted.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadActions } from "../../helpers/app-surface";
import { testDb } from "../../helpers/db";
import { changedTables, databaseFingerprint, rowsMentioning } from "../../helpers/fingerprint";
import { FORGED_IDS, hostileInputFor, isRussian, runs } from "../../helpers/hostile";
import { withTemporaryEsiaKeys } from "../../helpers/esia-keys";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { ACTION_MATRIX, IDENTITIES, IDENTITY_KEYS, signInIdentity, type IdentityKey } from "./matrix";

const actions = await loadActions();
// «Выберите организацию» signs its ЕСИА request (the organization's rights) with the demo keys.
withTemporaryEsiaKeys();
const GENERIC_FAILURE = /^Не удалось выполнить действие/;
const tried = { inputs: 0, swapped: 0, refused: 0, forged: 0, forgedAccepted: [] as string[] };

/** The forged ids that name a tenant's object (a cabinet, an account, a request, an organization, a person). */
const TENANT_IDS = FORGED_IDS.filter((id) => /^(cab|acc|req|org|person)-/.test(id));

/**
 * Forged tenant ids the caller may legitimately act on, by identity: МОУ «СОШ № 18» is a school of
 * the Управление образования, so its administrator («свой орган») reaches it (bound).
 */
const OWN_REACH: Partial<Record<IdentityKey, readonly string[]>> = { organ: ["cab-work-mag-school-18"] };

/**
 * Fields that name an addressee, not an object acted on: a school chooses the «Редакция» of the organ
 * that reviews its request, any fitting organ of its region (decision 039, editorialFits), and that
 * organ decides. Accepted there, the only rows naming the other tenant may be the request's revision.
 */
const ADDRESSEE: Record<string, { field: string; tables: readonly string[] }> = {
  "requests.file": { field: "editorialCabinetId", tables: ["CabinetRequestRevision"] },
  "requests.resubmit": { field: "editorialCabinetId", tables: ["CabinetRequestRevision"] },
};

/** Whether the "id table" key names the id the input carries in the addressee field. */
function isAddressee(input: unknown, field: string, key: string): boolean {
  const value = input instanceof FormData ? input.get(field) : (input as Record<string, unknown>)[field];
  return value === key.split(" ")[0];
}

/** The tenant ids an input carries in the id fields of the action's valid input (object or form post). */
function forgedIds(base: Record<string, unknown>, input: unknown): string[] {
  if (!input || typeof input !== "object") return [];
  const found = new Set<string>();
  for (const key of Object.keys(base).filter((k) => /Ids?$/.test(k))) {
    const raw = input instanceof FormData ? input.getAll(key) : [(input as Record<string, unknown>)[key]].flat();
    for (const value of raw) if (typeof value === "string" && TENANT_IDS.includes(value)) found.add(value);
  }
  return [...found];
}

beforeAll(async () => {
  // No network from here: every official site is a local address the site check refuses at once.
  await testDb().cabinet.updateMany({ where: { officialSite: { not: null } }, data: { officialSite: "http://127.0.0.1:9" } });
});
afterAll(() => {
  console.log(
    `Враждебный ввод в серверные действия: ${tried.inputs} вызовов (из них подмен id другой организации — ${tried.swapped}), отказов ${tried.refused} (с чужим id — ${tried.forged}); ` +
      `принято с чужим id: ${tried.forgedAccepted.length}${tried.forgedAccepted.length ? ` (${[...new Set(tried.forgedAccepted)].join("; ")})` : ""}`,
  );
});

/** The first identity the matrix allows (or lets past authorization) for the action. */
function allowedIdentity(name: string): IdentityKey {
  const verdicts = ACTION_MATRIX[name].verdicts;
  return IDENTITY_KEYS.find((k) => verdicts[k] === "allow") ?? IDENTITY_KEYS.find((k) => typeof verdicts[k] === "object")!;
}

/**
 * One call of `action` with `input` as the signed-in caller, held to the rules above. `state.current`
 * is the database's fingerprint while no call has changed it (saves one fingerprint per refusal).
 */
async function probe(
  p: { name: string; identity: IdentityKey; action: (input: unknown) => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string[]> }>; cookies: Record<string, string>; base: Record<string, unknown> },
  input: unknown,
  state: { current: Record<string, string> | null },
) {
  tried.inputs += 1;
  const errorsBefore = vi.mocked(console.error).mock.calls.length;
  const before = state.current ?? (await databaseFingerprint());
  state.current = null;
  const forged = forgedIds(p.base, input);
  const tenantBefore = forged.length > 0 ? await rowsMentioning(forged) : null;
  const result = await requestContext.runWithCookies(p.cookies, () => p.action(input));
  expect(vi.mocked(console.error).mock.calls.length, "действие записало сбой в журнал (для человека — «500»)").toBe(errorsBefore);
  expect(result).toBeTypeOf("object");
  if (result.ok) {
    if (forged.length === 0) return;
    // Accepted with another tenant's id: only where the caller reaches (OWN_REACH), or as the addressee of a request.
    tried.forgedAccepted.push(`${p.name}: ${forged.join(", ")}`);
    const foreign = forged.filter((id) => !OWN_REACH[p.identity]?.includes(id));
    const addressee = ADDRESSEE[p.name];
    const addressed = foreign.filter((id) => addressee && isAddressee(input, addressee.field, `${id} `));
    // Any other tenant's object, accepted: refused outright, whether it wrote or only read.
    expect(foreign.filter((id) => !addressed.includes(id)), `${p.name} принял чужой id`).toEqual([]);
    if (addressed.length > 0) {
      const only = (f: Record<string, string>) =>
        Object.fromEntries(Object.entries(f).filter(([k]) => addressed.includes(k.split(" ")[0]) && !addressee.tables.includes(k.split(" ")[1])));
      expect(only(await rowsMentioning(addressed)), `${p.name}: у адресата изменилось не только адресованное ему`).toEqual(only(tenantBefore!));
    }
    return;
  }
  tried.refused += 1;
  if (forged.length > 0) tried.forged += 1;
  expect(result.error).not.toMatch(GENERIC_FAILURE);
  expect(isRussian(result.error), result.error).toBe(true);
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    for (const message of messages) expect(isRussian(message), `${field}: ${message}`).toBe(true);
  }
  const after = await databaseFingerprint();
  expect(changedTables(before, after), "отказ ничего не записал (отпечаток всей базы тот же)").toEqual([]);
  state.current = after;
}

describe("враждебный ввод в серверные действия", () => {
  for (const [name, row] of Object.entries(ACTION_MATRIX)) {
    const identity = allowedIdentity(name);
    it(`${name} (${IDENTITIES[identity].label})`, async () => {
      const action = actions.get(name)!;
      const { personId } = await signInIdentity(identity);
      const cookies = requestContext.cookies();
      const ctx = { identity, personId };
      const state = { current: null as Record<string, string> | null };
      try {
        const base = (await row.input(ctx)) as Record<string, unknown>;
        await fc.assert(
          fc.asyncProperty(hostileInputFor(base), (input) => probe({ name, identity, action, cookies, base }, input, state)),
          { numRuns: runs(40), seed: process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : 20261210, endOnFailure: true },
        );
        // Then every id field of a fresh valid input, swapped in turn for each other tenant's id.
        const idFields = Object.keys(base).filter((k) => /Ids?$/.test(k));
        const fresh = idFields.length > 0 ? ((await row.input(ctx)) as Record<string, unknown>) : base;
        state.current = null;
        for (const key of idFields) {
          for (const id of TENANT_IDS) {
            tried.swapped += 1;
            await probe({ name, identity, action, cookies, base: fresh }, { ...fresh, [key]: Array.isArray(fresh[key]) ? [id] : id }, state);
          }
        }
      } finally {
        await row.after?.(ctx);
        requestContext.clear();
      }
    }, 180_000);
  }
});

describe("текст, который база не примет", () => {
  it("NUL и одинокий суррогат — отказ с сообщением у поля, ничего не записано; прочие хитрости юникода сохраняются как есть", async () => {
    await signInAs("organAdmin");
    const add = actions.get("accounts.add")!;
    const base = (await ACTION_MATRIX["accounts.add"].input({ identity: "organ", personId: null })) as Record<string, unknown>;
    const before = await databaseFingerprint();
    for (const position of ["Учитель\u0000информатики", "Учитель \uD800информатики"]) {
      expect(await add({ ...base, position })).toEqual({
        ok: false, error: "Проверьте правильность заполнения полей.",
        fieldErrors: { position: ["В поле есть недопустимый невидимый символ. Наберите текст заново или вставьте его без форматирования."] },
      });
    }
    expect(changedTables(before, await databaseFingerprint())).toEqual([]);
    const tricky = "Учитель \u202Eики\u202C\u200B 😀";
    expect(await add({ ...base, position: tricky })).toMatchObject({ ok: true });
    expect((await testDb().account.findUniqueOrThrow({ where: { email: String(base.email) } })).position).toBe(tricky);
    requestContext.clear();
  });
});
