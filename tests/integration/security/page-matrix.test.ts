// Every page and layout on disk (app/**/page.tsx, layout.tsx), called as a server component by every
// identity of the matrix (./matrix.ts) with concrete params: its guard answers 200 (it rendered),
// 404 (notFound) or a redirect, and must answer as PAGE_MATRIX (./page-matrix.ts) says. A page or
// layout missing from the table fails here, and so does a row for one that is gone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { pageModules } from "../../helpers/app-surface";
import { requestContext } from "../../helpers/request-context";
import { signInIdentities, type IdentityKey } from "./matrix";
import { describeCells, expectEveryIdentity, expectRowsMatch } from "./matrix-cells";
import { PAGE_MATRIX, pageTargets, type PageOutcome, type PageTargets } from "./page-matrix";

const pages = pageModules();
let cookies = new Map<IdentityKey, Record<string, string>>();
let targets: PageTargets;

const seen: Record<string, Partial<Record<IdentityKey, PageOutcome>>> = {};
afterAll(() => {
  if (process.env.PAGE_MATRIX_PRINT) console.log(JSON.stringify(seen, null, 1));
});

beforeAll(async () => {
  ({ cookies } = await signInIdentities());
  targets = await pageTargets();
});

/** What the browser would get: the component returned → 200; notFound() → 404; redirect() → "→ url". */
async function outcomeOf(call: () => unknown): Promise<PageOutcome> {
  try {
    await call();
    return 200;
  } catch (error) {
    if (isRedirectError(error)) return `→ ${error.digest.split(";")[2]}`;
    if (isHTTPAccessFallbackError(error)) return getAccessFallbackHTTPStatus(error) as PageOutcome;
    throw error;
  }
}

describe("матрица страниц покрывает все страницы и layout", () => {
  it("каждый app/**/page.tsx и layout.tsx есть в матрице, и в матрице нет лишних строк", () => {
    expectRowsMatch("PAGE_MATRIX (tests/integration/security/page-matrix.ts)", "страницы", PAGE_MATRIX, pages.map((p) => p.key));
  });

  it("в каждой строке есть ответ для каждого вызывающего", () => {
    expectEveryIdentity(PAGE_MATRIX, (row) => row.outcomes);
  });
});

describeCells(PAGE_MATRIX, { row: (key, row) => `${key} — ${row.why}`, cell: (row, identity) => String(row.outcomes[identity]) }, async (key, row, identity) => {
  const expected = row.outcomes[identity];
  const page = pages.find((p) => p.key === key);
  if (!page) throw new Error(`Страницы ${key} больше нет: уберите её строку из матрицы`);
  const component = ((await import(page.file)) as { default: unknown }).default;
  expect(component, `${key}: нет компонента по умолчанию`).toBeTypeOf("function");
  const props = { children: null, ...(await row.props(targets)) };
  const got = await requestContext.runWithCookies(cookies.get(identity)!, () =>
    outcomeOf(() => (component as (p: unknown) => unknown)({ ...props, params: Promise.resolve(props.params ?? {}), searchParams: Promise.resolve(props.searchParams ?? {}) })),
  );
  (seen[key] ??= {})[identity] = got;
  expect(got).toBe(expected);
});
