// The deadline reminders' timer inside the app (like the mail sender and the status timer). Every
// instance runs it; ./reminders.ts makes each reminder go out once across them.
import "server-only";
import { startPeriodicJob, type PeriodicJob } from "@/lib/server/periodic-job";
import { sendDeadlineReminders } from "./reminders";

const holder = globalThis as unknown as { __posMessageReminders?: PeriodicJob };

export function startReminderWorker(intervalMs = Number(process.env.MESSAGE_REMINDER_SECONDS ?? 300) * 1000): void {
  holder.__posMessageReminders ??= startPeriodicJob("message-reminders", { everyMs: intervalMs, firstAfterMs: 10_000 }, () => sendDeadlineReminders());
}

export async function stopReminderWorker(): Promise<void> {
  const worker = holder.__posMessageReminders;
  holder.__posMessageReminders = undefined;
  await worker?.stop();
}
