import "server-only";
import { randomUUID } from "node:crypto";
import type { DbTx } from "@/lib/db";

export interface EmailDraft {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** One email per key, however often the caller retries (e.g. `request-decided:<id>:<revision>`). */
  dedupeKey?: string;
}

/**
 * Queues an email in the same transaction as the change it reports: if the change is rolled back,
 * no email; if it commits, the email is stored and the sender delivers it, retrying until it can.
 */
export async function enqueueEmail(tx: DbTx, draft: EmailDraft): Promise<void> {
  const data = { ...draft, to: draft.to.trim().toLowerCase(), messageId: `<${randomUUID()}@pos.outbox>` };
  if (draft.dedupeKey) {
    await tx.outboxEmail.upsert({ where: { dedupeKey: draft.dedupeKey }, create: data, update: {} });
  } else {
    await tx.outboxEmail.create({ data });
  }
}
