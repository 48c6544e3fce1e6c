"use client";
// «Напомнить» for one institution, or for every late one of the current view. Works without
// JavaScript too (the server action answers with the page).
import { useActionState } from "react";
import { remindAction } from "@/lib/status/actions";

export function RemindForm({ organizationId, view, label, compact }: { organizationId?: string; view?: string; label: string; compact?: boolean }) {
  const [state, formAction, pending] = useActionState(remindAction, null);
  const message = state ? (state.ok ? state.message : state.error) : null;
  return (
    <form action={formAction} className={compact ? "space-y-1" : "flex flex-wrap items-center gap-3"}>
      {organizationId ? <input type="hidden" name="organizationId" value={organizationId} /> : <input type="hidden" name="view" value={view ?? ""} />}
      <button type="submit" className={compact ? "btn-secondary px-3 py-1 text-sm" : "btn-secondary"} disabled={pending}>
        {pending ? "Отправляем…" : label}
      </button>
      {message && (
        <p role="status" className={`text-sm ${state?.ok ? "text-success" : "text-danger"}`}>
          {message}
        </p>
      )}
    </form>
  );
}
