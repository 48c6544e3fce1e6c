// The server's own start and stop (issue 16), run from instrumentation.ts in the `next start` /
// `next dev` process.
// Start: request logging, the durability rule (lib/db/durability.ts), the database opened at once
// (PGlite: the folder's lock taken, so a second process is refused here and not at a first query),
// the background jobs, and for PGlite a periodic checkpoint — the embedded server has no
// checkpointer of its own, its WAL would only grow (301 MB after one burst, issue 16).
// Stop (SIGTERM, SIGINT): Next.js's own handler of those signals closes the HTTP server, waits for
// the requests in flight and then calls process.exit. Clients with a kept-alive connection would
// go on sending requests through it; those get 503 with `Connection: close` (proxy.ts). The database must close between those two,
// so the exit waits for: the jobs stopped (their tick in progress finished), the database
// checkpointed and closed (PGlite) or its pool ended. Draining is bounded by SHUTDOWN_DRAIN_SECONDS:
// after it the database closes under whatever is still running (those transactions roll back).
import "server-only";
import { database } from "@/lib/db";
import { lastShutdown } from "@/lib/db/adapter";
import { checkDurability } from "@/lib/db/durability";
import { log } from "@/lib/observability/log";
import { startRequestLog } from "@/lib/observability/request-log";
import { stampClientAddresses } from "@/lib/security/client-address";
import { startPeriodicJob, type PeriodicJob } from "./periodic-job";
import { markStopping } from "./stopping";

const state = globalThis as typeof globalThis & { __posServer?: boolean };

const seconds = (value: string | undefined, fallback: number) => (Number(value) > 0 ? Number(value) * 1000 : fallback * 1000);

function fatal(message: string, error?: unknown): never {
  log.fatal({ event: "start.refused", err: error }, message);
  // Also where a person starting the server by hand looks first.
  console.error(message);
  process.exit(1);
}

// Over 80 lines on purpose: the start-up steps in the order they must run, each with its refusal, read as one story.
export async function startServer(): Promise<void> {
  if (state.__posServer) return;
  state.__posServer = true;
  startRequestLog();
  // Before any request: the client's address comes from the socket (and the proxies in TRUST_PROXY), never from a header the client chose.
  try {
    stampClientAddresses();
  } catch (error) {
    fatal((error as Error).message);
  }

  let warning: string | null = null;
  try {
    warning = checkDurability(process.env, process.env.NODE_ENV === "production");
  } catch (error) {
    fatal((error as Error).message);
  }
  if (warning) log.warn({ event: "durability" }, warning);

  const db = database();
  const before = db.target.kind === "pglite" ? lastShutdown(db.target.dir) : undefined;
  const opening = performance.now();
  try {
    await db.open();
  } catch (error) {
    fatal((error as Error).message, error);
  }
  log.info(
    { event: "database.open", kind: db.target.kind, lastShutdown: before, durationMs: Math.round(performance.now() - opening) },
    before === "crashed" ? "База открыта после аварийной остановки: PostgreSQL восстановил её по журналу (WAL)" : "База открыта",
  );

  const jobs: Array<() => Promise<void>> = [];
  // Issue 7: the connection status timer (status rows noted as changed, daily snapshots).
  if (process.env.STATUS_WORKER !== "off") {
    const { startStatusWorker, stopStatusWorker } = await import("@/lib/status/worker");
    startStatusWorker();
    jobs.push(stopStatusWorker);
  }
  // Issue 17: the server's own checks of official sites (the only proof of a placement), once across instances.
  if (process.env.SITE_CHECKS !== "off") {
    const { startSiteCheckWorker, stopSiteCheckWorker } = await import("@/lib/widget/site-check-worker");
    startSiteCheckWorker();
    jobs.push(stopSiteCheckWorker);
  }
  // Issue 20: reminders before and after a message's deadline (once across instances).
  if (process.env.MESSAGE_REMINDERS !== "off") {
    const { startReminderWorker, stopReminderWorker } = await import("@/lib/messages/worker");
    startReminderWorker();
    jobs.push(stopReminderWorker);
  }
  // Issue 17: new messages told to a cabinet's staff as one digest per window. No switch: turned off,
  // the staff would never hear of new messages.
  {
    const { startDigestWorker, stopDigestWorker } = await import("@/lib/messages/worker");
    startDigestWorker();
    jobs.push(stopDigestWorker);
  }
  const { mailConfig } = await import("@/lib/mail/config");
  if (mailConfig().workerEnabled) {
    const { startMailWorker, stopMailWorker } = await import("@/lib/mail/worker");
    startMailWorker();
    jobs.push(stopMailWorker);
  }
  let checkpoints: PeriodicJob | undefined;
  if (db.target.kind === "pglite") {
    checkpoints = startPeriodicJob("checkpoint", { everyMs: seconds(process.env.PGLITE_CHECKPOINT_SECONDS, 60) }, () => db.checkpoint());
    jobs.push(() => checkpoints!.stop());
  }

  const drainMs = seconds(process.env.SHUTDOWN_DRAIN_SECONDS, 8);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // /api/ready answers 503, and proxy.ts turns away requests that keep coming on open connections.
    markStopping();
    log.info({ event: "shutdown", signal }, "Остановка: новые запросы не принимаются, начатые завершаются");
    const exit = process.exit.bind(process);
    let code: number | undefined;
    let drained!: () => void;
    const requestsDone = new Promise<void>((resolve) => (drained = resolve));
    process.exit = ((c?: number) => {
      code = c;
      drained();
    }) as typeof process.exit;
    const deadline = setTimeout(() => {
      log.warn({ event: "shutdown", drainMs }, `Запросы не завершились за ${drainMs / 1000} с: база закрывается под ними`);
      drained();
    }, drainMs);
    void (async () => {
      const jobsStopped = Promise.all(jobs.map((stopJob) => stopJob()));
      await requestsDone;
      clearTimeout(deadline);
      await jobsStopped;
      const closing = performance.now();
      try {
        await db.close();
        log.info({ event: "database.close", kind: db.target.kind, durationMs: Math.round(performance.now() - closing) }, "База закрыта");
      } catch (error) {
        log.error({ event: "database.close", err: error }, "База не закрылась чисто");
      }
      exit(code ?? (signal === "SIGINT" ? 130 : 143));
    })();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  log.info({ event: "start", kind: db.target.kind, jobs: jobs.length }, "Сервер запущен");
}
