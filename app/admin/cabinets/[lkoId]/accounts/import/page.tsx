import type { Metadata } from "next";
import { requireCabinet } from "@/lib/access/guards";
import { IMPORT_SAMPLE } from "@/lib/accounts/import-csv";
import { IMPORT_MAX_ROWS } from "@/lib/accounts/schemas";
import { ArchivedCabinetNotice } from "../ArchivedCabinetNotice";
import { ImportForm } from "./ImportForm";

export const metadata: Metadata = { title: "Загрузка учётных записей из файла" };

export default async function ImportAccountsPage({ params }: { params: Promise<{ lkoId: string }> }) {
  const { lkoId } = await params;
  const { cabinet } = await requireCabinet(lkoId, "accounts.manage");
  if (cabinet.status !== "ACTIVE") return <ArchivedCabinetNotice lkoId={cabinet.lkoId} />;
  return (
    <section className="card space-y-4" aria-labelledby="import-title">
      <h2 id="import-title" className="text-2xl">Загрузка учётных записей из файла CSV</h2>
      <p className="text-muted">
        Сначала файл проверяется: по каждой строке видно, что исправить, и ничего не записывается. Когда ошибок нет, все
        учётные записи создаются разом (или ни одна) и каждому пользователю уходит приглашение. За раз — до {IMPORT_MAX_ROWS} строк.
      </p>
      <ImportForm
        cabinetId={cabinet.id}
        backHref={`/admin/cabinets/${cabinet.lkoId}/accounts`}
        sampleHref={`data:text/csv;charset=utf-8,${encodeURIComponent("\uFEFF" + IMPORT_SAMPLE)}`}
      />
    </section>
  );
}
