"use client";
import Link from "next/link";
import { ErrorList } from "@/components/forms/ErrorList";
import { useActionForm } from "@/components/forms/use-action-form";
import { StatusPanel } from "@/components/ui/Status";
import { archiveAccountForm } from "@/lib/accounts/actions";
import { ACTIONS } from "@/lib/ui/strings";

/**
 * «В архив» or «Отмена»; without JavaScript the form posts and the server redirects. It also says
 * «уже в архиве»: the action's answer re-renders this page with the account archived, and this
 * component (its state, and so the way back to the table) must stay in place for it.
 */
export function ArchiveConfirmForm({ accountId, name, archived, cancelHref }: { accountId: string; name: string; archived: boolean; cancelHref: string }) {
  const { state, pending, formError, formProps } = useActionForm(archiveAccountForm);
  if (archived) {
    return (
      <StatusPanel tone="neutral" icon="archive" title={`Учётная запись ${name} уже в архиве.`}>
        <p><Link href={cancelHref}>Вернуться к учётным записям</Link></p>
      </StatusPanel>
    );
  }
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="accountId" value={accountId} />
      <ErrorList errors={formError} form />
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="btn-danger" disabled={pending || Boolean(state?.ok)} aria-label={`${ACTIONS.archive}: ${name}`}>
          {ACTIONS.archive}
        </button>
        <Link href={cancelHref} className="btn-secondary">Отмена</Link>
      </div>
    </form>
  );
}
