"use client";
// «Напомнить всем опоздавшим» for the current view, and the one form every row's «Напомнить»
// button submits (form attribute: fifty rows, one client component). Both work without
// JavaScript too (the server action answers with the page).
import { useActionState } from "react";
import { remindAction } from "@/lib/status/actions";

export const ROW_REMIND_FORM = "remind-one";

export function RemindForm({ view, label }: { view: string; label: string }) {
  const [state, formAction, pending] = useActionState(remindAction, null);
  const message = state ? (state.ok ? state.message : state.error) : null;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="view" value={view} />
      <button type="submit" className="btn-secondary" disabled={pending}>
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

/** The rows' buttons carry organizationId; the result of the last one is said here. */
export function RowRemindForm() {
  const [state, formAction, pending] = useActionState(remindAction, null);
  const message = pending ? "Отправляем напоминание…" : state ? (state.ok ? state.message : state.error) : null;
  return (
    <form id={ROW_REMIND_FORM} action={formAction}>
      <p role="status" data-testid="row-remind-status" className={`min-h-5 text-sm ${state && !state.ok ? "text-danger" : "text-success"}`}>
        {message}
      </p>
    </form>
  );
}
