// CSV and XLSX of the dashboard's current view, streamed: rows are read in keyset batches and
// written as they come, so 100 000 institutions never sit in memory at once.
import "server-only";
import { db } from "@/lib/db";
import { csvStream, xlsxStream } from "@/lib/export/table-stream";
import { SITE_CHECK_LABELS } from "@/lib/widget/site-verdict";
import { ensureFreshStatus, pageOrder, ROW_COLUMNS, ROW_EXTRA_COLUMNS, rowExtras, withWidgetDetails, type TDashboardRow, type TRawRow } from "./dashboard";
import { afterKey, filterConditions, orderBy, organsCte, scopeCondition, sortSql, where, type TDashboardQuery } from "./query";
import type { TMonitoringScope } from "@/lib/access/policies";
import { formatDateTime, formatDay, formatNumber } from "@/lib/ui/format";
import { CABINET_STATE, OVERALL, SITE_STATE, WIDGET_STATE, missingText, widgetSeenText } from "./model";

const BATCH = 1_000;

type TExportRow = TDashboardRow & { sortKey: unknown; nameSortKey: string };

/** The view's rows in its order, a batch at a time. */
export async function* viewBatches(scope: TMonitoringScope, query: TDashboardQuery, batchSize = BATCH): AsyncGenerator<TExportRow[]> {
  await ensureFreshStatus();
  const scopeSql = scopeCondition(scope);
  let last: { key: unknown; nameSortKey: string; id: string } | null = null;
  for (;;) {
    const conditions = filterConditions(query);
    if (last) conditions.push(afterKey(query.sort, query.dir, last));
    const raw = await db.$queryRaw<Array<TRawRow & { sortKey: unknown }>>`
      WITH RECURSIVE ${organsCte(scope)}
      SELECT ${ROW_EXTRA_COLUMNS} FROM (
        SELECT ${ROW_COLUMNS}, ${sortSql(query.sort)} AS "sortKey"
        FROM "ConnectionStatus" cs LEFT JOIN "Organization" p ON p.id = cs."parentId"
        WHERE ${scopeSql} AND ${where(conditions)}
        ORDER BY ${orderBy(query.sort, query.dir)}
        LIMIT ${batchSize}
      ) page ${rowExtras()}
      ORDER BY ${pageOrder(query.dir)}`;
    const rows: TExportRow[] = withWidgetDetails(raw);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    const tail = rows[rows.length - 1];
    last = { key: tail.sortKey, nameSortKey: tail.nameSortKey, id: tail.organizationId };
  }
}

export const EXPORT_COLUMNS: Array<{ header: string; width: number; value: (r: TDashboardRow, spheres: Map<string, string>) => string | number }> = [
  { header: "Организация", width: 60, value: (r) => r.fullName },
  { header: "Краткое наименование", width: 30, value: (r) => r.name },
  { header: "ОГРН", width: 16, value: (r) => r.ogrn },
  { header: "Учредитель / управление", width: 36, value: (r) => r.organName ?? "" },
  { header: "Сферы", width: 28, value: (r, s) => r.sphereIds.map((id) => s.get(id) ?? id).join(", ") },
  { header: "Кабинет", width: 24, value: (r) => CABINET_STATE[r.cabinetState] },
  { header: "Уникальный номер ЛКО", width: 12, value: (r) => r.lkoId ?? "" },
  { header: "Учётные записи подтверждены", width: 14, value: (r) => r.accountsConfirmed },
  { header: "Учётных записей всего", width: 12, value: (r) => r.accountsTotal },
  { header: "Приглашений истекло", width: 12, value: (r) => r.expiredInvitations },
  { header: "Обучение отмечено", width: 12, value: (r) => r.accountsTrained },
  { header: "Точки готовности (из 4)", width: 12, value: (r) => r.readyPoints },
  { header: "Официальный сайт", width: 32, value: (r) => r.officialSite ?? SITE_STATE[r.site] },
  { header: "Виджет", width: 20, value: (r) => WIDGET_STATE[r.widget] },
  { header: "Виджет: подтверждение и показы", width: 48, value: (r) => widgetSeenText(r.widgetDetail) },
  { header: "Проверка сайта", width: 36, value: (r) => (r.siteCheck ? `${SITE_CHECK_LABELS[r.siteCheck.outcome]}, ${formatDateTime(r.siteCheck.checkedAt)}` : "") },
  { header: "Статус", width: 26, value: (r) => OVERALL[r.overall].label },
  { header: "Что не выполнено", width: 80, value: (r) => r.missing.map(missingText).join("; ") },
  { header: "Срок подключения", width: 14, value: (r) => formatDay(r.deadline) },
  { header: "Срок нарушен", width: 10, value: (r) => (r.late ? "да" : "нет") },
  { header: "Напоминание отправлено", width: 18, value: (r) => formatDateTime(r.remindedAt) },
  { header: "Сообщений", width: 12, value: (r) => r.messagesReceived },
  { header: "Отвечено в срок", width: 12, value: (r) => r.messagesInTime },
  { header: "Просрочено сейчас", width: 12, value: (r) => r.messagesOverdue },
  { header: "Средняя оценка", width: 10, value: (r) => (r.ratingAverage === null ? "" : formatNumber(r.ratingAverage)) },
];

/**
 * A cell as a spreadsheet will not run it: text that begins with =, +, -, @, a tab or a carriage
 * return is a formula to Excel and LibreOffice (an organization's name from ЕСИА, a site, anything
 * people typed), so it gets a leading apostrophe (OWASP, «CSV injection»). Numbers stay numbers.
 */
export function spreadsheetCell(value: string | number): string | number {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const exportRow = (row: TDashboardRow, spheres: Map<string, string>) => EXPORT_COLUMNS.map((c) => spreadsheetCell(c.value(row, spheres)));

async function sphereNames(): Promise<Map<string, string>> {
  return new Map((await db.sphere.findMany({ select: { id: true, name: true } })).map((s) => [s.id, s.name]));
}

/** The view's rows as export cells, batch by batch (the spheres' names read once). */
const exportBatches = (scope: TMonitoringScope, query: TDashboardQuery) =>
  async function* () {
    const spheres = await sphereNames();
    for await (const batch of viewBatches(scope, query)) yield batch.map((row) => exportRow(row, spheres));
  };

export const csvExport = (scope: TMonitoringScope, query: TDashboardQuery) => csvStream(EXPORT_COLUMNS, exportBatches(scope, query));

export const xlsxExport = (scope: TMonitoringScope, query: TDashboardQuery) => xlsxStream("Статус подключения", EXPORT_COLUMNS, exportBatches(scope, query));
