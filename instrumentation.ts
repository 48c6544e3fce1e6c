// Runs once when a server instance starts: the outbox sender lives inside the app, where the
// database is (an embedded PGlite belongs to this process).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { mailConfig } = await import("@/lib/mail/config");
  if (!mailConfig().workerEnabled) return;
  const { startMailWorker } = await import("@/lib/mail/worker");
  startMailWorker();
}
