"use client";
import { confirmTrainingForm } from "@/lib/accounts/actions";
import { ErrorList } from "@/components/forms/ErrorList";
import { useActionForm } from "@/components/forms/use-action-form";

export function TrainingForm({ next, materialsUrl }: { next: string; materialsUrl: string }) {
  const { pending, errorOf, formError, formProps } = useActionForm(confirmTrainingForm);
  const error = formError ? (errorOf("trained") ?? formError) : null;
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <p>
        Методические материалы ПОС размещены по адресу{" "}
        <a href={materialsUrl} target="_blank" rel="noopener noreferrer">{materialsUrl}</a> (откроется в новой вкладке).
      </p>
      <label className="flex items-start gap-3 rounded-xl border border-line p-4 has-[:checked]:border-brand has-[:checked]:bg-brand-light">
        <input type="checkbox" name="trained" className="mt-1 h-5 w-5 accent-brand" aria-describedby={error ? "trained-error" : undefined} aria-invalid={error ? true : undefined} />
        <span className="font-medium">Мною пройдено обучение</span>
      </label>
      <ErrorList id="trained-error" errors={error} form />
      <button type="submit" className="btn-primary" disabled={pending}>Продолжить</button>
    </form>
  );
}
