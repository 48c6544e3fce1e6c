import "server-only";
// Decision 077: an invitation accepted through ЕСИА membership by a person whose name differs from
// the invitation waits for a cabinet administrator. The administrators are told by a short letter.
import type { DbTx } from "@/lib/db";
import { fullName } from "@/lib/ui/format";
import { enqueueEmail } from "@/lib/mail/outbox";
import { renderEmail } from "@/lib/mail/layout";
import { mismatchWords, type TAcceptance } from "@/lib/accounts/acceptance";
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
