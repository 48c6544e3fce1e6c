import { expect } from "@playwright/test";
import type { CaughtMessage } from "../../../lib/mail-catcher/server";

export const MAIL_CATCHER_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3100) + 2}`;

/** Waits until the catcher has a message to this address matching the subject; returns the newest. */
export async function waitForMail(to: string, subject: RegExp | string, timeoutMs = 20_000): Promise<CaughtMessage> {
  let found: CaughtMessage | undefined;
  await expect
    .poll(
      async () => {
        const res = await fetch(`${MAIL_CATCHER_URL}/api/messages?to=${encodeURIComponent(to.toLowerCase())}`);
        const list = (await res.json()) as CaughtMessage[];
        found = list.find((m) => (typeof subject === "string" ? m.subject.includes(subject) : subject.test(m.subject)));
        return Boolean(found);
      },
      { timeout: timeoutMs, message: `письмо для ${to} «${subject}»` },
    )
    .toBe(true);
  return found!;
}

export function linksIn(message: CaughtMessage): string[] {
  return message.text.match(/https?:\/\/[^\s<>"']+/g) ?? [];
}
