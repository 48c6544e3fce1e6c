import "server-only";
import { databaseTarget, openAdapter, type OpenedAdapter } from "./adapter";
import { createPrismaClient, selectRows, type Db, type TSelectOptions } from "./prisma";
import type { Prisma as PrismaNamespace } from "./generated/client";

// One client per process, kept on globalThis so that dev reloads do not open the embedded
// database twice (PGlite allows one owner per data folder). Tests put their own client here.
// The database opens at the first query or when the server starts (lib/server/lifecycle.ts), not
// when this module loads: `next build` loads it too and must not take the data folder.
const holder = globalThis as unknown as { __posDb?: Db; __posDatabase?: OpenedAdapter };

function serverDatabase(): OpenedAdapter {
  return (holder.__posDatabase ??= openAdapter(databaseTarget(), { lazy: true }));
}

export const db: Db = (holder.__posDb ??= createPrismaClient(serverDatabase().adapter));

/** One statement's rows past Prisma's query compiler, for the reads of every request (decision 082). */
export function queryRows<T>(query: PrismaNamespace.Sql, options?: TSelectOptions): Promise<T[]> {
  return selectRows<T>(db, query, options);
}

/** The app's own database handle (open, checkpoint, close), for the server's start and stop. */
export const database = (): OpenedAdapter => serverDatabase();

export type { Db, DbTx } from "./prisma";
export * from "./generated/enums";
export { Prisma } from "./generated/client";
// Row types of every model.
export type { Region, Municipality, Organization, Person, AccessGroup, Membership, MembershipGroup, Sphere, Cabinet, CabinetSphere, CabinetRequest, CabinetRequestRevision, RejectionReasonTemplate, Account, AccountRole, AccountRoleSphere, Invitation, AuthSession, LoginThrottle, CitizenMessage, WidgetPlacement, SiteCheck, Reminder, StatusSnapshot, AuditEvent, OutboxEmail } from "./generated/client";
