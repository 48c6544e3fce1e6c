// The role table (lib/access/roles.ts) is the one place roles are listed: what it says must be
// enough for everything built on it.
import { describe, expect, it } from "vitest";
import { ASSIGNABLE_ROLES, CAPABILITIES, NON_CABINET_CAPABILITIES, ROLE_KINDS, ROLE_LABELS, ROLES, reachOf, roleCan, rolesForCabinet, type CabinetCapability, type Capability } from "@/lib/access/roles";
import { AccountRoleKind } from "@/lib/db/generated/enums";

const CABINET_CAPABILITIES = CAPABILITIES.filter((c): c is CabinetCapability => !(NON_CABINET_CAPABILITIES as readonly string[]).includes(c));

describe("таблица ролей", () => {
  it("каждая роль базы — в таблице один раз, со словами", () => {
    expect([...ROLE_KINDS].sort()).toEqual(Object.values(AccountRoleKind).sort());
    for (const role of ROLE_KINDS) expect(ROLE_LABELS[role]).toMatch(/[А-Яа-я]/);
  });

  it("права на кабинет не дальше просмотра: страница кабинета читает его один раз и решает остальное по прочитанному", () => {
    for (const role of ROLE_KINDS) {
      for (const capability of CABINET_CAPABILITIES) {
        for (const reach of reachOf(role, capability)) expect(reachOf(role, "cabinet.view"), `${role}: ${capability} → ${reach}`).toContain(reach);
      }
    }
  });

  it("куратор управляет учреждениями своих сфер, но не кабинетом органа; права называет одна таблица", () => {
    expect(reachOf("CURATOR", "cabinet.manage")).toEqual(["boundInSpheres"]);
    expect(reachOf("CURATOR", "cabinet.view")).toContain("own");
    expect(roleCan("CURATOR", "accounts.manage")).toBe(false);
    expect(roleCan("REGION_OPERATOR", "requests.review")).toBe(true);
  });

  it("назначаемые роли и роли по виду кабинета выводятся из таблицы", () => {
    expect(ASSIGNABLE_ROLES).toEqual(ROLE_KINDS.filter((r) => ROLES[r].assignableIn.length > 0));
    expect(ASSIGNABLE_ROLES).not.toContain("REGION_OPERATOR");
    expect(rolesForCabinet("EDITORIAL")).toEqual(["LKO_ADMIN", "CURATOR", "MODERATOR", "COORDINATOR", "EXECUTOR", "SUPERVISOR", "OBSERVER", "CONNECTION_MONITOR"]);
    expect(rolesForCabinet("WORK")).toEqual(["LKO_ADMIN", "MODERATOR", "COORDINATOR", "EXECUTOR", "SUPERVISOR", "OBSERVER"]);
  });

  it("роли работы с сообщениями: координатор распределяет, исполнитель отвечает, руководитель утверждает — каждый в своём кабинете", () => {
    const holders = (c: Capability) => ROLE_KINDS.filter((r) => roleCan(r, c));
    expect(holders("messages.coordinate")).toEqual(["MODERATOR", "COORDINATOR"]);
    expect(holders("messages.execute")).toEqual(["MODERATOR", "EXECUTOR"]);
    expect(holders("messages.approve")).toEqual(["SUPERVISOR"]);
    expect(holders("messages.configure")).toEqual(["LKO_ADMIN"]);
    for (const c of ["messages.coordinate", "messages.execute", "messages.approve"] as const) {
      for (const r of holders(c)) expect(reachOf(r, c), `${r} ${c}`).toEqual(["own"]);
    }
    expect(holders("region.settings")).toEqual(["REGION_OPERATOR"]);
  });
});
