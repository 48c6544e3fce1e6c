// The accounts table sorted by status follows the status people see: «Приглашение истекло» (not
// stored: an invited account without a live link) is its own group, never mixed with «Приглашен».
import { beforeAll, describe, expect, it } from "vitest";
import { ZAddAccount } from "@/lib/accounts/schemas";
import { createInvitedAccount, loadCabinetForAccounts } from "@/lib/accounts/service";
import { ACCOUNTS_PAGE_SIZE, listAccounts, ZAccountListQuery } from "@/lib/accounts/list";
import { DISPLAY_STATUSES } from "@/lib/accounts/status";
import { testDb } from "../../helpers/db";
import { SCHOOL_16_CABINET, newUser } from "./helpers";

const db = testDb();
const LIVE = 12;
const EXPIRED = 12;
const SUFFIX = "абвгдежзиклм"; // names take letters only

beforeAll(async () => {
  const cabinet = (await loadCabinetForAccounts(SCHOOL_16_CABINET))!;
  await db.$transaction(async (tx) => {
    // The expired ones have names that come first: sorted by the stored status they would lead the «Приглашен» group.
    for (let i = 0; i < LIVE; i++) {
      await createInvitedAccount(tx, ZAddAccount.parse(newUser({ lastName: `Живой${SUFFIX[i]}`, email: `live.${i}@school16.demo.test` })), cabinet, "person-organ-admin");
    }
    for (let i = 0; i < EXPIRED; i++) {
      await createInvitedAccount(tx, ZAddAccount.parse(newUser({ lastName: `Арсеньев${SUFFIX[i]}`, email: `expired.${i}@school16.demo.test` })), cabinet, "person-organ-admin");
    }
  }, { timeout: 60_000 });
  await db.invitation.updateMany({ where: { account: { email: { startsWith: "expired." } } }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  await db.account.update({ where: { email: "live.11@school16.demo.test" }, data: { status: "ARCHIVED", statusBeforeArchive: "INVITED", archivedAt: new Date() } });
});

async function all(sort: string, dir: string) {
  const rows = [];
  for (let page = 1; ; page++) {
    const list = await listAccounts(SCHOOL_16_CABINET, ZAccountListQuery.parse({ sort, dir, page }));
    expect(list.rows.length).toBeLessThanOrEqual(ACCOUNTS_PAGE_SIZE);
    rows.push(...list.rows);
    if (page >= list.pages) return { rows, total: list.total, pages: list.pages };
  }
}

describe("сортировка учётных записей по статусу", () => {
  it("по возрастанию: Приглашен, Приглашение истекло, Подтвержден, В архиве — группы не смешиваются и на границе страниц", async () => {
    const { rows, total, pages } = await all("status", "asc");
    expect(pages).toBeGreaterThan(1);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.id)).size).toBe(total);
    const statuses = rows.map((r) => r.displayStatus);
    const rank = statuses.map((s) => DISPLAY_STATUSES.indexOf(s));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    expect(statuses.filter((s) => s === "INVITED")).toHaveLength(LIVE - 1);
    expect(statuses.filter((s) => s === "INVITATION_EXPIRED")).toHaveLength(EXPIRED);
    expect(statuses.at(-1)).toBe("ARCHIVED");
    // By name within a group.
    const invited = rows.filter((r) => r.displayStatus === "INVITED").map((r) => r.lastName);
    expect(invited).toEqual([...invited].sort());
    // The first page: all the live invitations, then the expired ones from the top of their group.
    const first = await listAccounts(SCHOOL_16_CABINET, ZAccountListQuery.parse({ sort: "status" }));
    expect(first.rows.map((r) => r.displayStatus)).toEqual([...Array(LIVE - 1).fill("INVITED"), ...Array(ACCOUNTS_PAGE_SIZE - LIVE + 1).fill("INVITATION_EXPIRED")]);
  });

  it("по убыванию — обратный порядок групп; с фильтром статуса — только он", async () => {
    const { rows } = await all("status", "desc");
    const rank = rows.map((r) => DISPLAY_STATUSES.indexOf(r.displayStatus));
    expect(rank).toEqual([...rank].sort((a, b) => b - a));
    expect(rows[0].displayStatus).toBe("ARCHIVED");

    const expired = await listAccounts(SCHOOL_16_CABINET, ZAccountListQuery.parse({ sort: "status", status: "INVITATION_EXPIRED" }));
    expect(expired.total).toBe(EXPIRED);
    expect(expired.rows.every((r) => r.displayStatus === "INVITATION_EXPIRED")).toBe(true);
  });
});
