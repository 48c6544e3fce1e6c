import "server-only";
import { Prisma, queryRows, type AccountRoleKind, type CabinetKind } from "@/lib/db";
import { rawDate, rawJson } from "@/lib/db/raw";

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
 * What decides a person's rights, as two columns of a statement that has the person as `p`: their
 * confirmed accounts in active cabinets with the roles (`accounts`), and their active ЕСИА
 * memberships with the groups (`memberships`), each a json array (parse with actorFrom). The session
 * read (lib/auth/session.ts) adds them to its own row, so that the session and the rights are one
 * statement. Raw SQL, not Prisma's nested select: it runs on every signed-in request, and Prisma's
 * query building and parsing of relation JSON cost 3–4 ms of processor per request (decision 066).
 */
export const ACTOR_COLUMNS = Prisma.sql`
  (SELECT coalesce(json_agg(json_build_object(
      'id', a.id, 'trainingConfirmedAt', a."trainingConfirmedAt",
      'cabinetId', c.id, 'cabinetKind', c.kind, 'organizationId', c."organizationId", 'regionId', c."regionId",
      'roles', (SELECT coalesce(json_agg(json_build_object(
          'role', r.role,
          'sphereIds', (SELECT coalesce(json_agg(rs."sphereId" ORDER BY rs."sphereId"), '[]'::json) FROM "AccountRoleSphere" rs WHERE rs."accountRoleId" = r.id)
        ) ORDER BY r.role), '[]'::json) FROM "AccountRole" r WHERE r."accountId" = a.id)
    ) ORDER BY a.id), '[]'::json)
    FROM "Account" a JOIN "Cabinet" c ON c.id = a."cabinetId"
    WHERE a."personId" = p.id AND a.status = 'CONFIRMED' AND c.status = 'ACTIVE') AS accounts,
  (SELECT coalesce(json_agg(json_build_object(
      'organizationId', m."organizationId", 'chief', m.chief, 'admin', m.admin,
      'groups', (SELECT coalesce(json_agg(g.mnemonic ORDER BY g.mnemonic), '[]'::json) FROM "MembershipGroup" mg JOIN "AccessGroup" g ON g.id = mg."groupId" WHERE mg."membershipId" = m.id)
    ) ORDER BY m."organizationId"), '[]'::json)
    FROM "Membership" m WHERE m."personId" = p.id AND m.active) AS memberships`;

/** The two json columns of ACTOR_COLUMNS, as the adapter hands them over (text or parsed). */
export interface TActorColumns {
  accounts: unknown;
  memberships: unknown;
}

type TAccountJson = Omit<ActorAccount, "accountId" | "active" | "trainingConfirmedAt"> & { id: string; trainingConfirmedAt: string | null };

/** The actor from what ACTOR_COLUMNS read (json_build_object writes timestamps without a zone). */
export function actorFrom(personId: string, row: TActorColumns | undefined): Actor {
  const accounts = row ? rawJson<TAccountJson[]>(row.accounts) : [];
  const memberships = row ? rawJson<ActorMembership[]>(row.memberships) : [];
  return {
    personId,
    accounts: accounts.map(({ id, trainingConfirmedAt, ...a }) => ({
      accountId: id,
      cabinetId: a.cabinetId,
      cabinetKind: a.cabinetKind,
      organizationId: a.organizationId,
      regionId: a.regionId,
      active: trainingConfirmedAt !== null,
      trainingConfirmedAt: rawDate(trainingConfirmedAt),
      roles: a.roles,
    })),
    memberships,
  };
}

/**
 * Who a person is to the portal, by their id (one statement). A request reads its signed-in
 * person's rights together with the session instead (getSignedIn in lib/auth/session.ts).
 */
export async function loadActor(personId: string): Promise<Actor> {
  const [row] = await queryRows<TActorColumns>(Prisma.sql`SELECT ${ACTOR_COLUMNS} FROM "Person" p WHERE p.id = ${personId}`);
  return actorFrom(personId, row);
}
