"use client";
import { useActionState } from "react";
import { accountRowFormAction } from "@/lib/accounts/actions";
import type { TDisplayStatus } from "@/lib/accounts/status";

/** Resend, archive or restore one account; the result is announced beside the buttons. */
export function RowActions({ accountId, status, self, name, canInvite = true }: { accountId: string; status: TDisplayStatus; self: boolean; name: string; canInvite?: boolean }) {
  const [state, formAction, pending] = useActionState(accountRowFormAction, null);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
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
      {state ? (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-success" : "text-danger"}`}>
          {state.ok ? `✓ ${state.message}` : state.error}
        </p>
      ) : null}
    </form>
  );
}
