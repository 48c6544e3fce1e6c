// Runs once when a server instance starts: the outbox sender lives inside the app, where the
// database is (an embedded PGlite belongs to this process).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Issue 15: ГОСТ, or the RSA fallback, said once at start.
  const { announceEsiaCrypto } = await import("@/lib/esia/instance");
  await announceEsiaCrypto();
  // Issue 7: the connection status timer (status rows noted as changed, daily snapshots).
  if (process.env.STATUS_WORKER !== "off") {
    const { startStatusWorker } = await import("@/lib/status/worker");
    startStatusWorker();
  }
  const { mailConfig } = await import("@/lib/mail/config");
  if (!mailConfig().workerEnabled) return;
  const { startMailWorker } = await import("@/lib/mail/worker");
  startMailWorker();
}
