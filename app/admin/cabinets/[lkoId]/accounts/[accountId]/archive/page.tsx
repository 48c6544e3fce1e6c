import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCabinet } from "@/lib/access/guards";
import { accountForActor } from "@/lib/accounts/service";
import { ActionError } from "@/lib/actions/errors";
import { fullName } from "@/lib/ui/format";
import { BackLink } from "@/components/ui/BackLink";
import { StatusPanel, StatusText } from "@/components/ui/Status";
import { acceptanceOf, mismatchWords } from "@/lib/accounts/acceptance";
import { ArchiveConfirmForm } from "./ArchiveConfirmForm";

export const metadata: Metadata = { title: "Перенести учётную запись в архив" };

/** «В архив» asks first: a page of its own, so that the question works without JavaScript too. */
export default async function ArchiveAccountPage({ params }: { params: Promise<{ lkoId: string; accountId: string }> }) {
  const { lkoId, accountId } = await params;
  const { session, actor, cabinet } = await requireCabinet(lkoId, "accounts.manage");
  const account = await accountForActor(actor, accountId).catch((error) => {
    if (error instanceof ActionError) notFound();
    throw error;
  });
  if (account.cabinet.id !== cabinet.id) notFound();
  const back = `/admin/cabinets/${cabinet.lkoId}/accounts`;
  const name = fullName(account);
  const archived = account.status === "ARCHIVED";
  const acceptance = acceptanceOf(account, account.person);

  return (
    <section className="card max-w-2xl space-y-4" aria-labelledby="archive-title">
      <BackLink href={back}>Назад к учётным записям</BackLink>
      <h2 id="archive-title" className="text-2xl">Перенести учётную запись в архив?</h2>
      {account.personId === session.person.id ? (
        <StatusPanel tone="warning" icon="alert" title="Нельзя перенести в архив собственную учётную запись.">
          <p><Link href={back}>Вернуться к учётным записям</Link></p>
        </StatusPanel>
      ) : (
        <>
          {archived ? null : (
            <>
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
                <dt className="text-muted">Пользователь</dt>
                <dd className="font-semibold">{name}</dd>
                <dt className="text-muted">Email</dt>
                <dd className="break-all">{account.email}</dd>
                <dt className="text-muted">Кабинет</dt>
                <dd>{cabinet.name} (ЛКО № {cabinet.lkoId})</dd>
                {acceptance ? (
                  <>
                    <dt className="text-muted">Подтвердил(а) в ЕСИА</dt>
                    <dd data-testid="accepted-by">
                      {acceptance.person}
                      {acceptance.mismatch.length > 0 ? (
                        <StatusText tone="warning" icon="alert" className="mt-1 block">{mismatchWords(acceptance.mismatch)} с приглашением</StatusText>
                      ) : null}
                    </dd>
                  </>
                ) : null}
              </dl>
              <p>
                Доступ пользователя к кабинету прекратится сразу: открытые сеансы будут завершены, ссылки из приглашений перестанут
                действовать. Учётную запись можно будет вернуть кнопкой «Восстановить».
              </p>
            </>
          )}
          <ArchiveConfirmForm accountId={account.id} name={name} archived={archived} cancelHref={back} />
        </>
      )}
    </section>
  );
}
