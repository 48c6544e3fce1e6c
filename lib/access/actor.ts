import "server-only";
import { db, type AccountRoleKind, type CabinetKind, type Prisma } from "@/lib/db";

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

/**
 * What decides a person's rights, as a Prisma select on Person: their confirmed accounts in active
 * cabinets with the roles, and their active ЕСИА memberships with the groups. The session read
 * (lib/auth/session.ts) nests it, so that the session and the rights are one statement.
 */
export const ACTOR_SELECT = {
  accounts: {
    where: { status: "CONFIRMED", cabinet: { status: "ACTIVE" } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      trainingConfirmedAt: true,
      cabinet: { select: { id: true, kind: true, organizationId: true, regionId: true } },
      roles: { orderBy: { role: "asc" }, select: { role: true, spheres: { select: { sphereId: true } } } },
    },
  },
  memberships: {
    where: { active: true },
    orderBy: { organizationId: "asc" },
    select: { organizationId: true, chief: true, admin: true, groups: { select: { group: { select: { mnemonic: true } } } } },
  },
} as const satisfies Prisma.PersonSelect;

type TActorRow = Prisma.PersonGetPayload<{ select: typeof ACTOR_SELECT }>;

/** The actor from what ACTOR_SELECT read. */
export function actorFrom(personId: string, row: TActorRow | null): Actor {
  return {
    personId,
    accounts: (row?.accounts ?? []).map((a) => ({
      accountId: a.id,
      cabinetId: a.cabinet.id,
      cabinetKind: a.cabinet.kind,
      organizationId: a.cabinet.organizationId,
      regionId: a.cabinet.regionId,
      active: a.trainingConfirmedAt !== null,
      trainingConfirmedAt: a.trainingConfirmedAt,
      roles: a.roles.map((r) => ({ role: r.role, sphereIds: r.spheres.map((s) => s.sphereId) })),
    })),
    memberships: (row?.memberships ?? []).map((m) => ({
      organizationId: m.organizationId,
      chief: m.chief,
      admin: m.admin,
      groups: m.groups.map((g) => g.group.mnemonic),
    })),
  };
}

/**
 * Who a person is to the portal, by their id (one statement). A request reads its signed-in
 * person's rights together with the session instead (getSignedIn in lib/auth/session.ts).
 */
export async function loadActor(personId: string): Promise<Actor> {
  return actorFrom(personId, await db.person.findUnique({ where: { id: personId }, select: ACTOR_SELECT }));
}
