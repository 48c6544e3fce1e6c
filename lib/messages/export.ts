import "server-only";
// CSV and XLSX of a cabinet's current message view (the inbox's URL: view, filters, search), with
// the columns regions build their reports on, streamed: rows are read in keyset batches and written
// as they come. Cells that a spreadsheet would read as a formula (=, +, -, @, tab, CR) are written
// as text with a leading apostrophe, so a citizen's text can never run in the reader's Excel.
import { db, type Prisma } from "@/lib/db";
import { csvStream, xlsxStream } from "@/lib/export/table-stream";
import { formatDay, fullName } from "@/lib/ui/format";
import { MESSAGE_RESOLUTION, MESSAGE_STAGE, MESSAGE_STATUS } from "@/lib/ui/strings";
import { categoryLabel } from "./categories";
import { formulaSafe } from "./export-cells";
import { isOverdue, regionToday } from "./deadlines";
import { inboxWhere, type TInboxQuery, type TInboxView, type TInboxViewer } from "./inbox";

const BATCH = 1_000;

const person = { select: { lastName: true, firstName: true, middleName: true } } as const;
const EXPORT_SELECT = {
  id: true, number: true, createdAt: true, category: true, subcategory: true, plannedOn: true, closedAt: true, stage: true, status: true,
  resolution: true, rating: true, reReviews: true,
  receivedCabinet: { select: { name: true } }, cabinet: { select: { name: true } },
  coordinator: person, executor: person, supervisor: person,
} as const satisfies Prisma.CitizenMessageSelect;
type TExportMessage = Prisma.CitizenMessageGetPayload<{ select: typeof EXPORT_SELECT }>;

const nameOf = (p: { lastName: string; firstName: string; middleName: string | null } | null) => (p ? fullName(p) : "");

/** The export's columns, in the order and with the headers of ПОС's own export. */
export const MESSAGE_EXPORT_COLUMNS: Array<{ header: string; width: number; value: (m: TExportMessage, today: string) => string | number }> = [
  { header: "Номер", width: 10, value: (m) => m.number },
  { header: "Дата поступления", width: 14, value: (m) => formatDay(m.createdAt) },
  { header: "Категория", width: 36, value: (m) => categoryLabel(m.category) },
  { header: "Подкатегория", width: 28, value: (m) => m.subcategory ?? "" },
  { header: "Организация, в которую поступило сообщение", width: 40, value: (m) => m.receivedCabinet.name },
  { header: "Организация, в которой находится сообщение", width: 40, value: (m) => m.cabinet.name },
  { header: "Дата планируемого завершения", width: 14, value: (m) => formatDay(m.plannedOn) },
  { header: "Дата фактического завершения", width: 14, value: (m) => (m.closedAt ? formatDay(m.closedAt) : "") },
  { header: "Стадия", width: 16, value: (m) => MESSAGE_STAGE[m.stage] },
  { header: "Статус", width: 30, value: (m) => MESSAGE_STATUS[m.status] },
  { header: "Просрочено", width: 10, value: (m, today) => (isOverdue(m, today) ? "да" : "нет") },
  { header: "Тип решения", width: 20, value: (m) => (m.resolution ? MESSAGE_RESOLUTION[m.resolution] : "") },
  { header: "Оценка ответа заявителем", width: 10, value: (m) => m.rating ?? "" },
  { header: "Повторное рассмотрение", width: 10, value: (m) => (m.reReviews > 0 ? "да" : "нет") },
  { header: "ФИО координатора", width: 30, value: (m) => nameOf(m.coordinator) },
  { header: "ФИО исполнителя", width: 30, value: (m) => nameOf(m.executor) },
  { header: "ФИО руководителя", width: 30, value: (m) => nameOf(m.supervisor) },
];


async function* batches(cabinetId: string, query: TInboxQuery, viewer: TInboxViewer, view: TInboxView, today: string): AsyncGenerator<TExportMessage[]> {
  const where = inboxWhere(cabinetId, query, viewer, view, today);
  let after: number | undefined;
  for (;;) {
    const rows = await db.citizenMessage.findMany({ where: after === undefined ? where : { AND: [where, { number: { gt: after } }] }, orderBy: { number: "asc" }, take: BATCH, select: EXPORT_SELECT });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].number;
  }
}

const rowOf = (m: TExportMessage, today: string) => MESSAGE_EXPORT_COLUMNS.map((c) => formulaSafe(c.value(m, today)));

/** The view's messages as export cells, batch by batch («today» of the region read once). */
const exportBatches = (cabinetId: string, query: TInboxQuery, viewer: TInboxViewer, view: TInboxView) =>
  async function* () {
    const today = regionToday();
    for await (const batch of batches(cabinetId, query, viewer, view, today)) yield batch.map((m) => rowOf(m, today));
  };

export const messagesCsv = (cabinetId: string, query: TInboxQuery, viewer: TInboxViewer, view: TInboxView) =>
  csvStream(MESSAGE_EXPORT_COLUMNS, exportBatches(cabinetId, query, viewer, view));

export const messagesXlsx = (cabinetId: string, query: TInboxQuery, viewer: TInboxViewer, view: TInboxView) =>
  xlsxStream("Сообщения", MESSAGE_EXPORT_COLUMNS, exportBatches(cabinetId, query, viewer, view));
