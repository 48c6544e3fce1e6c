"use client";
// The municipality's connection deadline. Validated by the same schema on both sides; without
// JavaScript the form posts to the server action as it is.
import { useActionState, startTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { setDeadlineAction } from "@/lib/status/actions";
import { ZConnectionDeadline, type TConnectionDeadline } from "@/lib/status/schemas";

export function DeadlineForm({ municipalityId, municipalityName, deadline }: { municipalityId: string; municipalityName: string; deadline: string }) {
  const [state, formAction, pending] = useActionState(setDeadlineAction, null);
  const { register, handleSubmit, formState: { errors } } = useForm<TConnectionDeadline>({
    resolver: zodResolver(ZConnectionDeadline),
    defaultValues: { municipalityId, deadline },
  });
  const id = `deadline-${municipalityId}`;
  const error = errors.deadline?.message ?? (state && !state.ok ? (state.fieldErrors?.deadline?.[0] ?? state.error) : undefined);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        const form = event.currentTarget;
        void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
      }}
      className="flex flex-wrap items-end gap-3"
      noValidate
    >
      <input type="hidden" {...register("municipalityId")} />
      <div>
        <label htmlFor={id} className="field-label">Срок подключения: {municipalityName}</label>
        <input id={id} type="date" className="field-input py-2" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : `${id}-hint`} {...register("deadline")} />
        <p id={`${id}-hint`} className="field-hint">Регистрация, отметки об обучении и готовности, размещение виджетов — до этой даты.</p>
      </div>
      <button type="submit" className="btn-primary px-5 py-2" disabled={pending}>Сохранить срок</button>
      {error && <p id={`${id}-error`} role="alert" className="field-error w-full">{error}</p>}
      {state?.ok && <p role="status" className="w-full text-sm text-success">{state.message}</p>}
    </form>
  );
}
