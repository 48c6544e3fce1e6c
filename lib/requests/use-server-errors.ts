// Client helpers: the field errors a server action returned, next to the fields of a
// react-hook-form form — through react-hook-form in the browser, straight from the action state
// when the page was rendered on the server after a post without JavaScript.
import { useEffect, useSyncExternalStore } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

type ResultWithErrors = { ok: false; fieldErrors?: Record<string, string[]> } | { ok: true } | null;

const noSubscription = () => () => {};

/** False while rendering on the server (and so without JavaScript), true in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/** The message to show under a field. */
export function useFieldErrors<T extends FieldValues>(form: UseFormReturn<T>, state: ResultWithErrors): (field: string) => string | undefined {
  const hydrated = useHydrated();
  useEffect(() => {
    if (!state || state.ok || !state.fieldErrors) return;
    for (const [field, messages] of Object.entries(state.fieldErrors)) {
      if (messages[0]) form.setError(field as Path<T>, { type: "server", message: messages[0] }, { shouldFocus: false });
    }
  }, [form, state]);
  const errors = form.formState.errors as Record<string, { message?: unknown } | undefined>;
  return (field) => {
    const own = errors[field]?.message;
    if (typeof own === "string") return own;
    return !hydrated && state && !state.ok ? state.fieldErrors?.[field]?.[0] : undefined;
  };
}
