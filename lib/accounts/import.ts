import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { cabinetsWhere } from "@/lib/access/policies";
import { parseAccountsCsv } from "./import-csv";
import { ZAddAccount, type TAddAccount } from "./schemas";
import { DUPLICATE_EMAIL_MESSAGE, roleProblems, type CabinetForAccounts } from "./service";
import { fullName } from "@/lib/ui/format";

export interface TImportRowReport {
  line: number;
  name: string;
  email: string;
  roles: string[];
  errors: string[];
}

export interface TImportReport {
  /** A problem with the whole file (no rows checked). */
  fileError?: string;
  rows: TImportRowReport[];
  validCount: number;
  errorCount: number;
  /** Set by the import itself: how many accounts were created (0 when the file's errors stopped it); absent on a dry run. */
  imported?: number;
}

/**
 * Reads and checks every row as «Добавить пользователя» would (the same zod schema), plus what
 * only a batch can have: an address twice in the file, or already taken in the system.
 */
export async function buildImportReport(csv: string, cabinet: CabinetForAccounts, actor: Actor): Promise<{ report: TImportReport; valid: TAddAccount[] }> {
  const parsed = parseAccountsCsv(csv, await db.sphere.findMany({ select: { id: true, code: true, name: true } }));
  if (!parsed.ok) return { report: { fileError: parsed.error, rows: [], validCount: 0, errorCount: 1 }, valid: [] };

  const checked = parsed.rows.map((row) => {
    const result = ZAddAccount.safeParse({ cabinetId: cabinet.id, ...row.cells, roles: row.roles, curatorSphereIds: row.curatorSphereIds });
    const errors = [...row.problems];
    if (!result.success) {
      for (const issue of result.error.issues) if (!errors.includes(issue.message)) errors.push(issue.message);
    } else {
      errors.push(...Object.values(roleProblems(result.data, cabinet)).flat());
    }
    return { row, data: result.success ? result.data : null, errors };
  });

  const emails = checked.map((c) => c.data?.email ?? c.row.cells.email.trim().toLowerCase()).filter(Boolean);
  const taken = await db.account.findMany({
    where: { email: { in: emails } },
    select: { email: true, cabinetId: true, cabinet: { select: { name: true } } },
  });
  const manageable = new Set(
    (await db.cabinet.findMany({ where: { AND: [{ id: { in: taken.map((t) => t.cabinetId) } }, cabinetsWhere(actor, "accounts.manage")] }, select: { id: true } })).map((c) => c.id),
  );
  const takenBy = new Map(taken.map((t) => [t.email, t]));
  const firstLine = new Map<string, number>();
  for (const c of checked) {
    const email = c.data?.email;
    if (!email) continue;
    const other = takenBy.get(email);
    if (other) c.errors.push(manageable.has(other.cabinetId) ? `${DUPLICATE_EMAIL_MESSAGE} Она в кабинете «${other.cabinet.name}».` : DUPLICATE_EMAIL_MESSAGE);
    const seen = firstLine.get(email);
    if (seen !== undefined) c.errors.push(`Этот адрес уже указан в строке ${seen}: у каждой учётной записи свой адрес.`);
    else firstLine.set(email, c.row.line);
  }

  const rows = checked.map((c) => ({
    line: c.row.line,
    name: fullName(c.row.cells),
    email: c.row.cells.email,
    roles: c.data?.roles ?? [],
    errors: c.errors,
  }));
  const errorCount = rows.filter((r) => r.errors.length > 0).length;
  return {
    report: { rows, validCount: rows.length - errorCount, errorCount },
    valid: errorCount === 0 ? checked.map((c) => c.data!) : [],
  };
}
