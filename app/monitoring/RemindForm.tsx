"use client";
// «Напомнить всем опоздавшим» for the current view, and the one form every row's «Напомнить»
// button submits (form attribute: fifty rows, one client component). Both work without
// JavaScript too (the server action answers with the page).
import { remindForm } from "@/lib/status/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { ROW_REMIND_FORM } from "./row-remind";

export function RemindForm({ view, label }: { view: string; label: string }) {
  const { state, pending, formError, message, formProps } = useActionForm(remindForm);
  const said = message ?? formError;
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="view" value={view} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {pending ? "Отправляем…" : label}
      </button>
      {said && (
        <p role="status" className={`text-sm ${state?.ok ? "text-success" : "text-danger"}`}>
          {said}
        </p>
      )}
    </form>
  );
}

/** The rows' buttons carry organizationId; the result of the last one is said here. */
export function RowRemindForm() {
  const { pending, formError, message, formProps } = useActionForm(remindForm);
  const said = pending ? "Отправляем напоминание…" : (message ?? formError);
  return (
    <form id={ROW_REMIND_FORM} {...formProps}>
      <p role="status" data-testid="row-remind-status" className={`min-h-5 text-sm ${formError ? "text-danger" : "text-success"}`}>
        {said}
      </p>
    </form>
  );
}
