"use client";
import { useActionState } from "react";
import { acceptInvitationFormAction } from "@/lib/invitations/actions";

export function AcceptForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(acceptInvitationFormAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      {state && !state.ok ? <p role="alert" className="rounded-xl bg-danger-light p-4 text-danger">{state.error}</p> : null}
      <button type="submit" className="btn-primary" disabled={pending}>Подтвердить учётную запись</button>
    </form>
  );
}
