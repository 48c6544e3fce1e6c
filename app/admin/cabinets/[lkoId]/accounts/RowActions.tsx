"use client";
import Link from "next/link";
import { accountRowForm } from "@/lib/accounts/actions";
import type { TDisplayStatus } from "@/lib/accounts/status";
import { ErrorList } from "@/components/forms/ErrorList";
import { useActionForm } from "@/components/forms/use-action-form";

/** Resend, approve or restore one account (the result is announced beside the buttons); «В архив» leads to its question. */
export function RowActions({ lkoId, accountId, status, self, name, canInvite = true }: { lkoId: number; accountId: string; status: TDisplayStatus; self: boolean; name: string; canInvite?: boolean }) {
  const { pending, formError, message, formProps } = useActionForm(accountRowForm);
  return (
    <form {...formProps} className="flex flex-col items-start gap-2">
      <input type="hidden" name="accountId" value={accountId} />
      {canInvite && (status === "INVITED" || status === "INVITATION_EXPIRED") ? (
        <button type="submit" name="intent" value="resend" className="btn-secondary px-3 py-1.5 text-sm" disabled={pending} aria-label={`Отправить приглашение повторно: ${name}`}>
          Отправить приглашение повторно
        </button>
      ) : null}
      {status === "AWAITING_APPROVAL" && !self ? (
        // Accepted by someone whose name differs from the invitation (decision 077).
        <button type="submit" name="intent" value="approve" className="btn-primary px-3 py-1.5 text-sm" disabled={pending} aria-label={`Подтвердить: ${name}`}>
          Подтвердить
        </button>
      ) : null}
      {status !== "ARCHIVED" && !self ? (
        // Asks first, on a page of its own (works without JavaScript): archiving ends access at once.
        <Link href={`/admin/cabinets/${lkoId}/accounts/${accountId}/archive`} className="btn-danger px-3 py-1.5 text-sm" aria-label={`В архив: ${name}`}>
          В архив
        </Link>
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
