// Reading the CSV of a bulk import: the columns of «Добавить пользователя», one account per row.
// Pure (no database): the caller hands in the spheres it read, and checks the rows afterwards (./import.ts).
import { parse } from "csv-parse/sync";
import { ASSIGNABLE_ROLES, ROLE_LABELS, type TAssignableRole } from "@/lib/access/roles";
import { IMPORT_MAX_ROWS } from "./schemas";

export const IMPORT_COLUMNS = [
  { key: "lastName", title: "Фамилия", required: true, aliases: [] },
  { key: "firstName", title: "Имя", required: true, aliases: [] },
  { key: "middleName", title: "Отчество", required: false, aliases: [] },
  { key: "email", title: "Email", required: true, aliases: ["e-mail", "электронная почта", "адрес электронной почты", "почта"] },
  { key: "phone", title: "Телефон", required: false, aliases: ["номер телефона"] },
  { key: "position", title: "Должность", required: true, aliases: [] },
  { key: "roles", title: "Роли", required: true, aliases: ["роль"] },
  { key: "spheres", title: "Сферы куратора", required: false, aliases: ["сферы", "сфера", "направления"] },
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]["key"];

/** A sample file people can download and fill in. */
export const IMPORT_SAMPLE =
  "Фамилия;Имя;Отчество;Email;Телефон;Должность;Роли;Сферы куратора\n" +
  "Сосновская;Алина;Андреевна;a.sosnovskaya@school.demo.test;+7 (900) 111-22-33;Заместитель директора;Администратор ЛКО, Модератор/исполнитель сообщений;\n" +
  "Луговской;Глеб;Егорович;g.lugovskoy@school.demo.test;;Учитель информатики;Наблюдатель;\n";

const norm = (s: string) => s.trim().toLowerCase().replace(/\*/g, "").replace(/ё/g, "е").replace(/\s+/g, " ").trim();

function columnOf(header: string): ImportColumnKey | null {
  const h = norm(header);
  for (const c of IMPORT_COLUMNS) if (norm(c.title) === h || c.aliases.some((a) => norm(a) === h)) return c.key;
  return null;
}

const ROLE_ALIASES: Record<string, TAssignableRole> = Object.fromEntries([
  ...ASSIGNABLE_ROLES.map((r) => [norm(ROLE_LABELS[r]), r]),
  ...ASSIGNABLE_ROLES.map((r) => [norm(r), r]),
  ["администратор", "LKO_ADMIN"], ["куратор", "CURATOR"], ["модератор", "MODERATOR"], ["исполнитель сообщений", "MODERATOR"],
  ["наблюдатель", "OBSERVER"], ["ит-специалист", "CONNECTION_MONITOR"], ["мониторинг подключения", "CONNECTION_MONITOR"],
]);

/** A sphere as the database has it: a row names it by its name or its code. */
export interface TSphereRef {
  id: string;
  code: string;
  name: string;
}

export interface ParsedRow {
  /** The line in the file (1 is the header). */
  line: number;
  cells: Record<ImportColumnKey, string>;
  roles: string[];
  curatorSphereIds: string[];
  /** Problems found while reading: unknown role or sphere names. */
  problems: string[];
}

export type ParsedCsv = { ok: true; rows: ParsedRow[] } | { ok: false; error: string };

/** «;» (Excel in Russian) or «,»: whichever the header line uses more. */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  return (first.match(/;/g)?.length ?? 0) >= (first.match(/,/g)?.length ?? 0) ? ";" : ",";
}

const splitList = (cell: string) => cell.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);

export function parseAccountsCsv(input: string, spheres: readonly TSphereRef[]): ParsedCsv {
  const sphereByName = new Map(spheres.flatMap((s) => [[norm(s.name), s.id], [norm(s.code), s.id]]));
  const text = input.replace(/^\uFEFF/, "");
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, error: `Файл не удалось прочитать как CSV${line ? ` (строка ${line})` : ""}: проверьте кавычки и разделители.` };
  }
  if (records.length === 0) return { ok: false, error: "Файл пуст: нужна строка заголовков и хотя бы одна строка с пользователем." };
  const header = records[0].record.map(columnOf);
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !header.includes(c.key)).map((c) => `«${c.title}»`);
  if (missing.length > 0) {
    return { ok: false, error: `В первой строке файла нет столбцов ${missing.join(", ")}. Нужны столбцы: ${IMPORT_COLUMNS.map((c) => c.title).join("; ")}.` };
  }
  const body = records.slice(1).filter((r) => r.record.some((cell) => cell !== ""));
  if (body.length === 0) return { ok: false, error: "В файле нет строк с пользователями." };
  if (body.length > IMPORT_MAX_ROWS) return { ok: false, error: `В файле ${body.length} строк; за один раз можно загрузить не больше ${IMPORT_MAX_ROWS}.` };

  const rows = body.map(({ record, info }): ParsedRow => {
    const cells = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, ""])) as Record<ImportColumnKey, string>;
    header.forEach((key, i) => {
      if (key) cells[key] = record[i] ?? "";
    });
    const problems: string[] = [];
    const roles = splitList(cells.roles).map((name) => {
      const role = ROLE_ALIASES[norm(name)];
      if (!role) problems.push(`Неизвестная роль «${name}». Возможные: ${ASSIGNABLE_ROLES.map((r) => ROLE_LABELS[r]).join(", ")}.`);
      return role ?? "";
    }).filter(Boolean);
    const curatorSphereIds = splitList(cells.spheres).map((name) => {
      const id = sphereByName.get(norm(name));
      if (!id) problems.push(`Неизвестная сфера «${name}».`);
      return id ?? "";
    }).filter(Boolean);
    return { line: info.lines, cells, roles, curatorSphereIds, problems };
  });
  return { ok: true, rows };
}
