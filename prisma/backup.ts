// `npm run db:backup [-- <файл>]` and `npm run db:restore -- <файл> [--clean]`, for the database the
// environment names (DATABASE_URL, else PGlite in PGLITE_DIR): lib/db/backup.ts, README «Резервные копии».
import { parseArgs } from "node:util";
import { databaseTarget } from "../lib/db/adapter";
import { BackupError, backupDatabase, defaultBackupFile, restoreDatabase } from "../lib/db/backup";
import { runTask } from "../lib/db/cli";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { clean: { type: "boolean", default: false } } });
const [command, file] = positionals;
const target = databaseTarget();

await runTask(async () => {
  if (command === "backup") {
    const started = Date.now();
    const done = await backupDatabase(target, file ?? defaultBackupFile(target));
    console.log(`Резервная копия ${target.kind === "pglite" ? "встроенной базы" : "PostgreSQL"}: ${done.file} (${(done.bytes / 1024 / 1024).toFixed(1)} МБ, ${Date.now() - started} мс).`);
  } else if (command === "restore") {
    if (!file) throw new BackupError("Укажите файл копии: npm run db:restore -- <файл>");
    const { movedAside } = await restoreDatabase(target, file, { clean: values.clean });
    console.log(`База восстановлена из ${file}.${movedAside ? ` Прежняя папка базы сохранена как ${movedAside} — удалите её, когда убедитесь, что всё на месте.` : ""}`);
  } else {
    throw new BackupError("Команда: backup или restore.");
  }
});
