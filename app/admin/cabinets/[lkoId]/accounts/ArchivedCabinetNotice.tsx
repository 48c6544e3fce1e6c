import Link from "next/link";
import { StatusPanel } from "@/components/ui/Status";

export const ARCHIVED_CABINET_TITLE = "Кабинет в архиве";
export const ARCHIVED_CABINET_TEXT = "В кабинет, перенесённый в архив, нельзя добавлять пользователей и отправлять приглашения.";

/** In place of «Добавить пользователя» and the CSV import when the cabinet is archived. */
export function ArchivedCabinetNotice({ lkoId }: { lkoId: number }) {
  return (
    <StatusPanel tone="neutral" icon="archive" title={ARCHIVED_CABINET_TITLE}>
      <p>{ARCHIVED_CABINET_TEXT}</p>
      <p>
        <Link href={`/admin/cabinets/${lkoId}/accounts`}>К учётным записям кабинета</Link>
      </p>
    </StatusPanel>
  );
}
