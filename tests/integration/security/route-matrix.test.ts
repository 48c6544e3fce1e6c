// Every route handler (app/**/route.ts), called as every identity of the matrix (./matrix.ts):
// public routes answer everyone alike, the others refuse those without the right and write
// nothing for them. A route missing from ROUTE_MATRIX fails here.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { testDb } from "../../helpers/db";
import { withTemporaryEsiaKeys } from "../../helpers/esia-keys";
import { loadRouteHandlers } from "../../helpers/app-surface";
import { changedTables, databaseFingerprint } from "../../helpers/fingerprint";
import "../../helpers/next-headers-cjs";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";
import { IDENTITIES, PORTAL_ORIGIN, ROUTE_MATRIX, SCHOOL_18, signInIdentities, type IdentityKey } from "./matrix";
import { describeCells, expectEveryIdentity, expectRowsMatch } from "./matrix-cells";

const routes = await loadRouteHandlers();
let cookies = new Map<IdentityKey, Record<string, string>>();
let persons = new Map<IdentityKey, string | null>();
let lkoId = 0;
withTemporaryEsiaKeys();

beforeAll(async () => {
  // CSP reports are logged as warnings by design (lib/security/csp-report.ts): not this test's output.
  vi.spyOn(console, "warn").mockImplementation(() => {});
  lkoId = (await testDb().cabinet.update({ where: { id: SCHOOL_18.cabinetId }, data: { officialSite: SCHOOL_18.site, noSite: false }, select: { lkoId: true } })).lkoId;
  ({ cookies, persons } = await signInIdentities());
});

describe("матрица прав покрывает все маршруты", () => {
  it("каждый обработчик app/**/route.ts есть в матрице, и в матрице нет лишних строк", () => {
    expectRowsMatch("ROUTE_MATRIX (tests/integration/security/matrix.ts)", "маршруты", ROUTE_MATRIX, routes.map((r) => r.key));
  });

  it("в каждой строке есть решение для каждого вызывающего", () => {
    expectEveryIdentity(ROUTE_MATRIX, (row) => row.verdicts);
  });
});

const cookieHeader = (jar: Record<string, string>) => Object.entries(jar).map(([k, v]) => `${k}=${v}`).join("; ");

// Each row's statuses so far: a public route answers everyone alike.
const statusesOf = new Map<string, Map<IdentityKey, number>>();

describeCells(
  ROUTE_MATRIX,
  {
    row: (key, row) => `${key} (${row.access === "public" ? "открыт всем" : "только после входа"}: ${row.why})`,
    cell: (row, identity) => (row.verdicts[identity] === "allow" ? "разрешено" : "отказ"),
  },
  async (key, row, identity) => {
    const verdict = row.verdicts[identity];
    const statuses = statusesOf.get(key) ?? statusesOf.set(key, new Map()).get(key)!;
    const route = routes.find((r) => r.key === key);
    if (!route) throw new Error(`Маршрута ${key} больше нет: уберите его строку из матрицы`);
    const who = IDENTITIES[identity].who;
    const call = await row.call({
      identity, personId: persons.get(identity) ?? null, lkoId,
      freshSession: async () => {
        await signInAs(who!);
        return requestContext.cookies();
      },
    });
    const jar = call.cookies ?? cookies.get(identity)!;
    const headers = new Headers(call.init?.headers);
    if (Object.keys(jar).length > 0) headers.set("cookie", cookieHeader(jar));
    const request = new NextRequest(new URL(call.path, PORTAL_ORIGIN), { ...call.init, headers } as ConstructorParameters<typeof NextRequest>[1]);
    await requestContext.runWithCookies(jar, async () => {
      const before = await databaseFingerprint();
      const response = await route.handler(request, { params: Promise.resolve(call.params ?? {}) });
      statuses.set(identity, response.status);
      if (verdict === "deny") {
        expect(response.status).toBe(row.refusedStatus);
        expect(changedTables(before, await databaseFingerprint())).toEqual([]);
      } else {
        expect(response.status, await response.clone().text()).toBe(row.status);
      }
    });
    if (row.access === "public") {
      // The same answer whoever asks.
      expect(new Set(statuses.values()).size).toBe(1);
    }
  },
);
