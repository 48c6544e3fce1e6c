// The deadline reminders' and the new messages' digests' timers inside the app (like the mail sender
// and the status timer). Every instance runs them; ./reminders.ts and ./digest.ts make each reminder
// and each digest go out once across them.
import "server-only";
import { startPeriodicJob, type PeriodicJob } from "@/lib/server/periodic-job";
import { sendDueDigests } from "./digest";
import { sendDeadlineReminders } from "./reminders";

const holder = globalThis as unknown as { __posMessageReminders?: PeriodicJob; __posMessageDigests?: PeriodicJob };

export function startReminderWorker(intervalMs = Number(process.env.MESSAGE_REMINDER_SECONDS ?? 300) * 1000): void {
  holder.__posMessageReminders ??= startPeriodicJob("message-reminders", { everyMs: intervalMs, firstAfterMs: 10_000 }, () => sendDeadlineReminders());
}

export async function stopReminderWorker(): Promise<void> {
  const worker = holder.__posMessageReminders;
  holder.__posMessageReminders = undefined;
  await worker?.stop();
}

/** Digests fall due N minutes after their first message (decision 078): looked for every 15 s by default. */
export function startDigestWorker(intervalMs = Number(process.env.MESSAGE_DIGEST_SECONDS ?? 15) * 1000): void {
  holder.__posMessageDigests ??= startPeriodicJob("message-digests", { everyMs: intervalMs }, () => sendDueDigests());
}

export async function stopDigestWorker(): Promise<void> {
  const worker = holder.__posMessageDigests;
  holder.__posMessageDigests = undefined;
  await worker?.stop();
}
