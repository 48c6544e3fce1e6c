"use client";
import Link from "next/link";
import { useState } from "react";
import { ROLE_LABELS } from "@/lib/access/roles";
import { accountImportForm } from "@/lib/accounts/actions";
import type { TImportReport } from "@/lib/accounts/import";
import type { AccountRoleKind } from "@/lib/db/generated/enums";
import { ErrorList } from "@/components/forms/ErrorList";
import { useActionForm } from "@/components/forms/use-action-form";

/** Excel in Russian saves CSV in windows-1251; anything that is not valid UTF-8 is read as such. */
async function readCsvFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

export function ImportForm({ cabinetId, backHref, sampleHref }: { cabinetId: string; backHref: string; sampleHref: string }) {
  const { state, pending, errorOf, formError, formProps } = useActionForm(accountImportForm);
  // After a post without JavaScript the page comes back with the text the person sent (and, after a
  // clean check, the button that loads it).
  const sent = typeof state?.values?.csv === "string" ? state.values.csv : "";
  const [csv, setCsv] = useState(sent);
  const [changedSinceCheck, setChanged] = useState(!state?.ok || !sent);
  const report = state?.ok ? state.data : null;
  // A dry run leaves `imported` unset; the import sets it (0 when the file's errors stopped it).
  const checkedOk = report && !report.fileError && report.errorCount === 0 && report.imported === undefined && !changedSinceCheck;
  const csvError = formError ? (errorOf("csv") ?? formError) : report?.fileError;

  return (
    <div className="space-y-6">
      <form {...formProps} className="space-y-4" onSubmit={() => setChanged(false)}>
        <input type="hidden" name="cabinetId" value={cabinetId} />
        <div>
          <label htmlFor="csv-file" className="field-label">Файл CSV</label>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            className="block max-w-full"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) {
                setCsv(await readCsvFile(file));
                setChanged(true);
              }
            }}
          />
          <p className="field-hint">Столбцы: Фамилия; Имя; Отчество; Email; Телефон; Должность; Роли; Сферы куратора. Роли и сферы перечисляются через запятую. <a href={sampleHref} download="uchetnye-zapisi.csv">Скачать образец</a></p>
        </div>
        <div>
          <label htmlFor="csv" className="field-label">Содержимое файла</label>
          <textarea
            id="csv"
            name="csv"
            rows={8}
            className="field-input font-mono text-sm"
            value={csv}
            onChange={(e) => {
              setCsv(e.target.value);
              setChanged(true);
            }}
            aria-describedby={csvError ? "csv-error" : "csv-hint"}
          />
          <p id="csv-hint" className="field-hint">Появится здесь после выбора файла; можно и вставить текст.</p>
          <ErrorList id="csv-error" errors={csvError} form />
        </div>
        <div className="flex flex-wrap justify-between gap-3">
          <Link href={backHref} className="btn-secondary">К учётным записям</Link>
          <div className="flex flex-wrap gap-3">
            <button type="submit" name="step" value="preview" className="btn-secondary" disabled={pending}>Проверить файл</button>
            {checkedOk ? (
              <button type="submit" name="step" value="import" className="btn-primary" disabled={pending}>
                Загрузить {report.validCount} и отправить приглашения
              </button>
            ) : null}
          </div>
        </div>
      </form>

      {report && !report.fileError ? <ImportReport report={report} /> : null}
    </div>
  );
}

/** The file's check, row by row (and, after the import, how many were loaded). */
function ImportReport({ report }: { report: TImportReport }) {
  return (
    <section aria-labelledby="report-title" className="space-y-3" aria-live="polite">
      <h3 id="report-title" className="text-xl">
        {report.imported ? `✓ Загружено учётных записей: ${report.imported}. Приглашения отправлены.` : report.imported === 0 ? "Ничего не загружено: исправьте ошибки" : "Проверка файла (ничего не записано)"}
      </h3>
      <p>Строк без ошибок: {report.validCount}. Строк с ошибками: {report.errorCount}.{report.errorCount > 0 ? " Исправьте файл и проверьте снова: загрузка возможна, только когда ошибок нет." : ""}</p>
      <div className="card overflow-x-auto p-0">
        <table className="w-full text-left text-sm">
          <thead className="bg-surface">
            <tr>
              <th scope="col" className="p-3">Строка</th>
              <th scope="col" className="p-3">ФИО</th>
              <th scope="col" className="p-3">Email</th>
              <th scope="col" className="p-3">Роли</th>
              <th scope="col" className="p-3">Результат проверки</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.line} className="border-t border-line align-top">
                <td className="p-3">{r.line}</td>
                <td className="p-3">{r.name}</td>
                <td className="p-3 break-all">{r.email}</td>
                <td className="p-3">{r.roles.map((x) => ROLE_LABELS[x as AccountRoleKind]).join(", ")}</td>
                <td className="p-3">
                  {r.errors.length === 0 ? (
                    <span className="text-success">✓ Ошибок нет</span>
                  ) : (
                    <ul className="list-disc pl-4 text-danger">
                      {r.errors.map((e) => <li key={e}>✗ {e}</li>)}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
