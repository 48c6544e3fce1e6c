import "server-only";
import { randomUUID } from "node:crypto";
import type { DbTx } from "@/lib/db";
import { escapeHtml } from "@/lib/ui/html";
import { markSecrets } from "./secrets";

export interface EmailDraft {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** One email per key, however often the caller retries (e.g. `request-decided:<id>:<revision>`). */
  dedupeKey?: string;
  /**
   * Strings (e.g. a single-use link) that the outbox keeps only until the email is sent: the
   * sender replaces them in the stored copy in the transaction that marks it sent (lib/mail/secrets.ts).
   */
  secrets?: string[];
}

/**
 * Queues an email in the same transaction as the change it reports: if the change is rolled back,
 * no email; if it commits, the email is stored and the sender delivers it, retrying until it can.
 */
export async function enqueueEmail(tx: DbTx, draft: EmailDraft): Promise<void> {
  const { secrets = [], ...rest } = draft;
  const data = {
    ...rest,
    to: draft.to.trim().toLowerCase(),
    text: markSecrets(draft.text, secrets),
    // In HTML a secret may also appear escaped (an href with «&»).
    html: draft.html === undefined ? undefined : markSecrets(draft.html, [...secrets, ...secrets.map(escapeHtml)]),
    messageId: `<${randomUUID()}@pos.outbox>`,
  };
  if (draft.dedupeKey) {
    await tx.outboxEmail.upsert({ where: { dedupeKey: draft.dedupeKey }, create: data, update: {} });
  } else {
    await tx.outboxEmail.create({ data });
  }
}
