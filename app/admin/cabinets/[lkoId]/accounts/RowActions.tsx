"use client";
import { accountRowForm } from "@/lib/accounts/actions";
import type { TDisplayStatus } from "@/lib/accounts/status";
import { ErrorList } from "@/components/forms/ErrorList";
import { useActionForm } from "@/components/forms/use-action-form";

/** Resend, archive or restore one account; the result is announced beside the buttons. */
export function RowActions({ accountId, status, self, name, canInvite = true }: { accountId: string; status: TDisplayStatus; self: boolean; name: string; canInvite?: boolean }) {
  const { pending, formError, message, formProps } = useActionForm(accountRowForm);
  return (
    <form {...formProps} className="flex flex-col items-start gap-2">
      <input type="hidden" name="accountId" value={accountId} />
      {canInvite && (status === "INVITED" || status === "INVITATION_EXPIRED") ? (
        <button type="submit" name="intent" value="resend" className="btn-secondary px-3 py-1.5 text-sm" disabled={pending} aria-label={`Отправить приглашение повторно: ${name}`}>
          Отправить приглашение повторно
        </button>
      ) : null}
      {status !== "ARCHIVED" && !self ? (
        <button type="submit" name="intent" value="archive" className="btn-danger px-3 py-1.5 text-sm" disabled={pending} aria-label={`В архив: ${name}`}>
          В архив
        </button>
      ) : null}
      {status === "ARCHIVED" ? (
        <button type="submit" name="intent" value="restore" className="btn-secondary px-3 py-1.5 text-sm" disabled={pending} aria-label={`Восстановить: ${name}`}>
          Восстановить
        </button>
      ) : null}
      {message ? <p role="status" className="text-sm text-success">✓ {message}</p> : null}
      <ErrorList errors={formError} form className="text-sm" />
    </form>
  );
}
