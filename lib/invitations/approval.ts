import "server-only";
// Decision 077: an invitation accepted through ЕСИА membership by a person whose name differs from
// the invitation waits for a cabinet administrator. The administrators are told by a short letter,
// and the person by another when an administrator has approved.
import type { DbTx } from "@/lib/db";
import { fullName } from "@/lib/ui/format";
import { enqueueEmail } from "@/lib/mail/outbox";
import { renderEmail } from "@/lib/mail/layout";
import { mismatchWords, type TAcceptance } from "@/lib/accounts/acceptance";
import { portalUrl } from "@/lib/esia/config";
import { trainingUrl } from "@/lib/accounts/training";
import { accountsUrl, cabinetAdminAddresses } from "./renewal";
import type { FoundInvitation } from "./service";

/** «Подтвердите учётную запись» to the cabinet's administrators, in the acceptance's transaction (once per account and address). */
export async function askAdministratorsToApprove(tx: DbTx, found: Pick<FoundInvitation, "account" | "cabinet">, acceptance: TAcceptance): Promise<number> {
  const recipients = await cabinetAdminAddresses(found.cabinet.id, tx);
  const { account, cabinet } = found;
  const content = renderEmail({
    title: "Подтвердите учётную запись или перенесите её в архив",
    paragraphs: [
      `Приглашение ${fullName(account)} (${account.email}) в кабинет «${cabinet.name}» (ЛКО ${cabinet.lkoId}) принял(а) через Госуслуги другой сотрудник организации: ${acceptance.person}. ${mismatchWords(acceptance.mismatch)} с приглашением.`,
      "Пока администратор не подтвердит учётную запись, доступа к кабинету у этого человека нет.",
      "Откройте «Учетные записи» кабинета. Если доступ нужен именно этому сотруднику, нажмите «Подтвердить»; если нет — «В архив» и отправьте приглашение заново на верный адрес.",
    ],
    action: { label: "Открыть учетные записи", url: accountsUrl(found) },
  });
  for (const to of recipients) {
    await enqueueEmail(tx, { to, dedupeKey: `account-approval:${account.id}:${to}`, subject: `Подтвердите учётную запись — ${cabinet.name}`, ...content });
  }
  return recipients.length;
}

/**
 * «Учётная запись подтверждена» to the person who accepted (their ЕСИА address, else the invited one),
 * in the approval's transaction: they waited without access and would not know otherwise.
 */
export async function tellPersonApproved(
  tx: DbTx,
  account: { id: string; email: string; person: { email: string | null } | null; cabinet: { lkoId: number; name: string } },
): Promise<void> {
  const to = account.person?.email || account.email;
  const { cabinet } = account;
  const content = renderEmail({
    title: "Учётная запись подтверждена",
    paragraphs: [
      `Администратор ЛКО подтвердил вашу учётную запись в кабинете «${cabinet.name}» (ЛКО ${cabinet.lkoId}).`,
      "Войдите через Госуслуги, отметьте «Мною пройдено обучение» — после этого кабинет откроется.",
    ],
    action: { label: "Открыть кабинет", url: `${portalUrl()}${trainingUrl(`/admin/cabinets/${cabinet.lkoId}`)}` },
  });
  await enqueueEmail(tx, { to, dedupeKey: `account-approved:${account.id}`, subject: `Учётная запись подтверждена — ${cabinet.name}`, ...content });
}
