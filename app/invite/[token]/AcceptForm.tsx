"use client";
import { acceptInvitationForm } from "@/lib/invitations/actions";
import { ErrorList } from "@/components/forms/ErrorList";
import { useActionForm } from "@/components/forms/use-action-form";

export function AcceptForm({ token }: { token: string }) {
  const { pending, formError, formProps } = useActionForm(acceptInvitationForm);
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <ErrorList errors={formError} form />
      <button type="submit" className="btn-primary" disabled={pending}>Подтвердить учётную запись</button>
    </form>
  );
}
