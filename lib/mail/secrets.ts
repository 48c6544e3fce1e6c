// Secrets in stored mail, such as an invitation's single-use link. The outbox must keep them until
// the email is sent (a retry needs the real link), but not after: the sent copy names the link as
// removed, so the database never holds a usable token for a delivered invitation (decision 004).
// In the stored text a secret sits between two private-use characters that no email contains
// (enqueueEmail strips them from everything else first, so content cannot forge a marker).
const OPEN = "\u{E000}";
const CLOSE = "\u{E001}";
const MARKED = new RegExp(`${OPEN}[^${OPEN}${CLOSE}]*${CLOSE}`, "gu");
const MARKERS = new RegExp(`[${OPEN}${CLOSE}]`, "gu");

/** What the stored copy says where a secret was, once the email has been sent. */
export const SCRUBBED_SECRET = "[ссылка удалена после отправки]";

/** Marks every occurrence of each secret (any other marker characters are dropped first). */
export function markSecrets(content: string, secrets: readonly string[]): string {
  let out = content.replace(MARKERS, "");
  for (const secret of new Set(secrets.filter(Boolean))) out = out.split(secret).join(`${OPEN}${secret}${CLOSE}`);
  return out;
}

/** The content as it is sent: the secrets themselves, markers removed. */
export function revealSecrets(content: string): string {
  return content.replace(MARKERS, "");
}

/** The content as it is kept after sending: each secret replaced by {@link SCRUBBED_SECRET}. */
export function scrubSecrets(content: string): string {
  return content.replace(MARKED, SCRUBBED_SECRET).replace(MARKERS, "");
}

export const hasSecrets = (content: string | null | undefined): boolean => Boolean(content && (content.includes(OPEN) || content.includes(CLOSE)));
