"use client";
import Link from "next/link";
import { useActionState } from "react";
import { archiveAccountFormAction } from "@/lib/accounts/actions";
import { followRedirect } from "@/lib/ui/follow-redirect";
import { ACTIONS } from "@/lib/ui/strings";

/** «В архив» or «Отмена»; without JavaScript the form posts and the server redirects. */
export function ArchiveConfirmForm({ accountId, name, cancelHref }: { accountId: string; name: string; cancelHref: string }) {
  const [state, formAction, pending] = useActionState(archiveAccountFormAction, null);
  followRedirect(state);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="accountId" value={accountId} />
      {state && !state.ok ? <p role="alert" className="field-error">{state.error}</p> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="btn-danger" disabled={pending || Boolean(state?.ok)} aria-label={`${ACTIONS.archive}: ${name}`}>
          {ACTIONS.archive}
        </button>
        <Link href={cancelHref} className="btn-secondary">Отмена</Link>
      </div>
    </form>
  );
}
