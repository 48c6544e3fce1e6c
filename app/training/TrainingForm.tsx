"use client";
import { useActionState } from "react";
import { confirmTrainingFormAction } from "@/lib/accounts/actions";

export function TrainingForm({ next, materialsUrl }: { next: string; materialsUrl: string }) {
  const [state, formAction, pending] = useActionState(confirmTrainingFormAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.trained?.[0] ?? state.error) : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <p>
        Методические материалы ПОС размещены по адресу{" "}
        <a href={materialsUrl} target="_blank" rel="noopener noreferrer">{materialsUrl}</a> (откроется в новой вкладке).
      </p>
      <label className="flex items-start gap-3 rounded-xl border border-line p-4 has-[:checked]:border-brand has-[:checked]:bg-brand-light">
        <input type="checkbox" name="trained" className="mt-1 h-5 w-5 accent-brand" aria-describedby={error ? "trained-error" : undefined} aria-invalid={error ? true : undefined} />
        <span className="font-medium">Мною пройдено обучение</span>
      </label>
      {error ? <p id="trained-error" role="alert" className="field-error">{error}</p> : null}
      <button type="submit" className="btn-primary" disabled={pending}>Продолжить</button>
    </form>
  );
}
