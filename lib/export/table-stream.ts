import "server-only";
// One way to stream a table for download (the monitoring's view, a cabinet's messages): rows come
// in batches from the database and are written as they arrive, with back-pressure, so memory stays
// flat however many rows there are.
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";

export interface TTableColumn {
  header: string;
  width: number;
}

/** The table's rows: batches of cells in the columns' order; setup runs once before the first batch. */
export type TRowBatches = () => AsyncIterable<unknown[][]>;

/** CSV (UTF-8 with a byte order mark and «;», as Excel in Russian opens it). */
export function csvStream(columns: readonly TTableColumn[], batches: TRowBatches): ReadableStream<Uint8Array> {
  const csv = stringify({ delimiter: ";", bom: true, header: true, columns: columns.map((c) => c.header), record_delimiter: "windows" });
  (async () => {
    try {
      for await (const batch of batches()) {
        // Respect back-pressure: wait when the consumer is slower than the database.
        for (const row of batch) if (!csv.write(row)) await new Promise((r) => csv.once("drain", r));
      }
      csv.end();
    } catch (error) {
      csv.destroy(error as Error);
    }
  })();
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}

/** XLSX through ExcelJS's streaming writer: each row is committed (written out) as it is added. */
export function xlsxStream(sheetName: string, columns: readonly TTableColumn[], batches: TRowBatches): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  (async () => {
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      workbook.creator = "Платформа обратной связи";
      const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
      sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      for await (const batch of batches()) {
        for (const row of batch) sheet.addRow(row).commit();
        if (out.writableNeedDrain) await new Promise((r) => out.once("drain", r));
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
