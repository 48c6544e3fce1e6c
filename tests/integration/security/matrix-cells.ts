// The three matrices (actions, routes, pages) as tests, one way: the table's rows are exactly what
// the app has, every row answers for every identity, and each cell is one test run as that identity.
import { describe, expect, it } from "vitest";
import { IDENTITIES, IDENTITY_KEYS, type IdentityKey } from "./matrix";

/** The table has a row for each of `found` and nothing else; `table` says where to add one. */
export function expectRowsMatch(table: string, what: string, matrix: Record<string, unknown>, found: string[]) {
  const missing = found.filter((key) => !(key in matrix));
  expect(missing, `Добавьте эти ${what} в ${table}: ${missing.join(", ")}`).toEqual([]);
  expect(Object.keys(matrix).sort()).toEqual([...found].sort());
}

/** Every row answers for every identity of the matrix. */
export function expectEveryIdentity<Row>(matrix: Record<string, Row>, answers: (row: Row) => Record<string, unknown>) {
  for (const [key, row] of Object.entries(matrix)) expect(Object.keys(answers(row)).sort(), key).toEqual([...IDENTITY_KEYS].sort());
}

/** One describe per row, one test per identity: «<label>: <what is expected>». */
export function describeCells<Row>(
  matrix: Record<string, Row>,
  titles: { row: (key: string, row: Row) => string; cell: (row: Row, identity: IdentityKey) => string },
  cell: (key: string, row: Row, identity: IdentityKey) => Promise<void>,
) {
  for (const [key, row] of Object.entries(matrix)) {
    describe(titles.row(key, row), () => {
      for (const identity of IDENTITY_KEYS) {
        it(`${IDENTITIES[identity].label}: ${titles.cell(row, identity)}`, () => cell(key, row, identity));
      }
    });
  }
}
