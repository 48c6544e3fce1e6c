// `npm run mail:requeue [-- <id> …]`: puts FAILED emails (all, or the given ids) back in the queue;
// the running app's sender delivers them within seconds. With the embedded PGlite the database has
// one owner: with the app running the folder's lock refuses this (stop the app first, decision 001); with PostgreSQL it may run beside the app.
import os from "node:os";
import { runTask, withDatabase } from "../db/cli";
import { requeueFailedEmails } from "./requeue";

const ids = process.argv.slice(2).filter((a) => !a.startsWith("-"));
await runTask(() =>
  withDatabase(async (db) => {
    const { requeued } = await requeueFailedEmails(db, { ids: ids.length > 0 ? ids : undefined, requestedBy: `${os.userInfo().username}@${os.hostname()} (npm run mail:requeue)` });
    console.log(requeued > 0 ? `Возвращено в очередь писем: ${requeued}. Отправитель приложения разошлёт их в ближайшие секунды.` : "Писем со статусом FAILED нет — возвращать нечего.");
  }),
);
