import "server-only";
import type { DbTx, Prisma } from "@/lib/db";

export interface AuditEntry {
  actorPersonId?: string | null;
  /** Dotted verb, e.g. "request.approved", "account.archived". */
  action: string;
  entityType: string;
  entityId: string;
  cabinetId?: string | null;
  organizationId?: string | null;
  data?: Prisma.InputJsonValue;
}

/** Every state change writes one event, inside the transaction that makes the change. */
export async function recordAudit(tx: DbTx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: { ...entry, data: entry.data ?? undefined } });
}
