"use client";
// The municipality's connection deadline. Validated by the same schema on both sides; without
// JavaScript the form posts to the server action as it is.
import { setConnectionDeadlineForm } from "@/lib/status/actions";
import { ZConnectionDeadline } from "@/lib/status/schemas";
import { ErrorList } from "@/components/forms/ErrorList";
import { useActionForm } from "@/components/forms/use-action-form";

export function DeadlineForm({ municipalityId, municipalityName, deadline }: { municipalityId: string; municipalityName: string; deadline: string }) {
  const { pending, errorOf, formError, message, input, formProps } = useActionForm(setConnectionDeadlineForm, { schema: ZConnectionDeadline, defaults: { municipalityId, deadline } });
  const id = `deadline-${municipalityId}`;
  const error = errorOf("deadline") ?? formError;
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-3">
      <input type="hidden" {...input("municipalityId")} />
      <div>
        <label htmlFor={id} className="field-label">Срок подключения: {municipalityName}</label>
        <input id={id} type="date" className="field-input py-2" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : `${id}-hint`} {...input("deadline")} />
        <p id={`${id}-hint`} className="field-hint">Регистрация, отметки об обучении и готовности, размещение виджетов — до этой даты.</p>
      </div>
      <button type="submit" className="btn-primary px-5 py-2" disabled={pending}>Сохранить срок</button>
      <ErrorList id={`${id}-error`} errors={error} form className="w-full" />
      {message && <p role="status" className="w-full text-sm text-success">{message}</p>}
    </form>
  );
}
