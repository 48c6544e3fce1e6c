// What the embedded database promises, enforced where the app starts (issue 16, decision 014).
// PGlite survives a crash of its process (the WAL is replayed) but not a power cut: it runs with
// fsync off and its file layer never flushes, so acknowledged writes may still sit in the page
// cache. Production therefore means PostgreSQL with fsync on; the embedded database in production
// takes an explicit flag from the operator and a warning at every start.
import { databaseTarget } from "./adapter";
import { OperatorRefusal } from "./refusal";

export const EMBEDDED_IN_PRODUCTION_FLAG = "PGLITE_IN_PRODUCTION";

export class DurabilityError extends OperatorRefusal {
  constructor() {
    super(
      `Запуск в режиме production на встроенной базе PGlite отклонён: она переживает падение процесса, но не отключение питания ` +
        `(записи не сбрасываются на диск, подтверждённые изменения могут пропасть). Для эксплуатации задайте DATABASE_URL — ` +
        `PostgreSQL с включённым fsync (README, «Эксплуатация»). Если риск понятен и принят (демонстрация, проверка), задайте ${EMBEDDED_IN_PRODUCTION_FLAG}=1.`,
    );
  }
}

export const EMBEDDED_IN_PRODUCTION_WARNING =
  `Внимание: production на встроенной базе PGlite (${EMBEDDED_IN_PRODUCTION_FLAG}=1). Падение процесса она переживает, ` +
  `отключение питания — нет: подтверждённые записи могут пропасть. Для эксплуатации нужен PostgreSQL (DATABASE_URL).`;

/**
 * Throws DurabilityError for a production start on PGlite without the operator's flag; returns the
 * warning to log when the flag is given, or null when there is nothing to say.
 */
export function checkDurability(env: NodeJS.ProcessEnv, production: boolean): string | null {
  if (!production || databaseTarget(env).kind === "postgres") return null;
  if (env[EMBEDDED_IN_PRODUCTION_FLAG] !== "1") throw new DurabilityError();
  return EMBEDDED_IN_PRODUCTION_WARNING;
}
