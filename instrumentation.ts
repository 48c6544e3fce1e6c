// Runs once when a server instance starts: the database opens here (an embedded PGlite belongs to
// this process), the background jobs start, and the stop on SIGTERM/SIGINT is arranged
// (lib/server/lifecycle.ts). Not while `next build` collects pages: it must not take the database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Issue 15: ГОСТ, or the RSA fallback, said once at start.
  const { announceEsiaCrypto } = await import("@/lib/esia/instance");
  await announceEsiaCrypto();
  const { startServer } = await import("@/lib/server/lifecycle");
  await startServer();
}
