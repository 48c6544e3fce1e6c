// Client helper: puts the field errors a server action returned next to the fields of a
// react-hook-form form, so a rule only the server can check reads like any other validation error.
import { useEffect } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

type ResultWithErrors = { ok: false; fieldErrors?: Record<string, string[]> } | { ok: true } | null;

export function useServerFieldErrors<T extends FieldValues>(form: UseFormReturn<T>, state: ResultWithErrors) {
  useEffect(() => {
    if (!state || state.ok || !state.fieldErrors) return;
    for (const [field, messages] of Object.entries(state.fieldErrors)) {
      if (messages[0]) form.setError(field as Path<T>, { type: "server", message: messages[0] }, { shouldFocus: false });
    }
  }, [form, state]);
}
