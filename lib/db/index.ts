import "server-only";
import { adapterForTarget, databaseTarget } from "./adapter";
import { createPrismaClient, type Db } from "./prisma";

// One client per process, kept on globalThis so that dev reloads do not open the embedded
// database twice (PGlite allows one owner per data folder). Tests put their own client here.
const holder = globalThis as unknown as { __posDb?: Db };

export const db: Db = (holder.__posDb ??= createPrismaClient(adapterForTarget(databaseTarget())));

export type { Db, DbTx } from "./prisma";
export * from "./generated/enums";
export { Prisma } from "./generated/client";
// Row types of every model.
export type { Region, Municipality, Organization, Person, AccessGroup, Membership, MembershipGroup, Sphere, Cabinet, CabinetSphere, CabinetRequest, CabinetRequestRevision, RejectionReasonTemplate, Account, AccountRole, AccountRoleSphere, Invitation, AuthSession, LoginThrottle, CitizenMessage, WidgetPlacement, SiteCheck, Reminder, StatusSnapshot, AuditEvent, OutboxEmail } from "./generated/client";
