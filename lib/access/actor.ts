import "server-only";
import { cache } from "react";
import { db, type AccountRoleKind, type CabinetKind } from "@/lib/db";

export interface ActorAccount {
  accountId: string;
  cabinetId: string;
  cabinetKind: CabinetKind;
  organizationId: string;
  regionId: string;
  /** Confirmed and trained: only such accounts grant capabilities. */
  active: boolean;
  trainingConfirmedAt: Date | null;
  roles: Array<{ role: AccountRoleKind; sphereIds: string[] }>;
}

export interface ActorMembership {
  organizationId: string;
  chief: boolean;
  admin: boolean;
  groups: string[];
}

export interface Actor {
  personId: string;
  /** Confirmed accounts (trained or not). Invited and archived ones grant nothing. */
  accounts: ActorAccount[];
  memberships: ActorMembership[];
}

/** Who the person is to the portal: their ЛКО accounts and their ЕСИА memberships, from the database. */
export const loadActor = cache(async (personId: string): Promise<Actor> => {
  const [accounts, memberships] = await Promise.all([
    db.account.findMany({
      where: { personId, status: "CONFIRMED", cabinet: { status: "ACTIVE" } },
      select: {
        id: true,
        trainingConfirmedAt: true,
        cabinet: { select: { id: true, kind: true, organizationId: true, regionId: true } },
        roles: { select: { role: true, spheres: { select: { sphereId: true } } } },
      },
    }),
    db.membership.findMany({
      where: { personId, active: true },
      select: { organizationId: true, chief: true, admin: true, groups: { select: { group: { select: { mnemonic: true } } } } },
    }),
  ]);
  return {
    personId,
    accounts: accounts.map((a) => ({
      accountId: a.id,
      cabinetId: a.cabinet.id,
      cabinetKind: a.cabinet.kind,
      organizationId: a.cabinet.organizationId,
      regionId: a.cabinet.regionId,
      active: a.trainingConfirmedAt !== null,
      trainingConfirmedAt: a.trainingConfirmedAt,
      roles: a.roles.map((r) => ({ role: r.role, sphereIds: r.spheres.map((s) => s.sphereId) })),
    })),
    memberships: memberships.map((m) => ({
      organizationId: m.organizationId,
      chief: m.chief,
      admin: m.admin,
      groups: m.groups.map((g) => g.group.mnemonic),
    })),
  };
});
