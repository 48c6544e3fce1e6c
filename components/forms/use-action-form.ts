"use client";
// The one way a form talks to its server action: useActionState over the action's form variant
// (lib/actions/define-action.ts), react-hook-form with the action's own zod schema where the form
// checks fields in the browser, and the server's answer shown the same way with or without
// JavaScript — before hydration (a post without JavaScript renders the page again on the server)
// straight from the action state, after it through react-hook-form.
import { startTransition, useActionState, useEffect, useSyncExternalStore, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { FormAction } from "@/lib/actions/define-action";
import { asList, isChecked } from "@/lib/validation/form-values";
import { followRedirect } from "@/lib/ui/follow-redirect";

const noSubscription = () => () => {};

/** False while rendering on the server (and so without JavaScript), true in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/**
 * The values a form starts with after a refused post: what the person sent, read back into the
 * shape of the defaults (a ticked box arrives as "on", an unticked one not at all, a group as one
 * string or several). Hidden numbers and the like keep their defaults.
 */
export function valuesAfterPost<V extends Record<string, unknown>>(defaults: V, posted: Record<string, unknown>): V {
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, fallback] of Object.entries(defaults)) {
    const sent = posted[key];
    if (typeof fallback === "boolean") out[key] = isChecked(sent);
    else if (Array.isArray(fallback)) out[key] = asList(sent).map(String);
    else if (typeof fallback === "string" && typeof sent === "string") out[key] = sent;
  }
  return out as V;
}

export interface ActionFormOptions<V extends FieldValues> {
  /** The action's own schema: fields are checked in the browser as on the server. */
  schema?: z.ZodType;
  /** The values the form starts with (before any post). */
  defaults?: V;
}

export function useActionForm<T, V extends FieldValues = FieldValues>(action: FormAction<T>, options: ActionFormOptions<V> = {}) {
  const [state, formAction, pending] = useActionState(action, null);
  // An action that leads to another page with a message (defineAction's form.redirect and form.flash).
  followRedirect(state);
  const hydrated = useHydrated();
  const refused = state && !state.ok ? state : null;
  const initial = options.defaults && refused?.values ? valuesAfterPost(options.defaults, refused.values) : options.defaults;
  const form = useForm<V>({
    resolver: options.schema ? (zodResolver(options.schema as never) as never) : undefined,
    defaultValues: initial as DefaultValues<V> | undefined,
    mode: "onTouched",
  });

  // The server's field messages go where the browser's would, and go away as the person fixes the field.
  useEffect(() => {
    form.clearErrors();
    for (const [field, messages] of Object.entries(refused?.fieldErrors ?? {})) {
      if (messages[0]) form.setError(field as Path<V>, { type: "server", message: messages[0] }, { shouldFocus: false });
    }
  }, [form, refused]);

  const errors = form.formState.errors as Record<string, { message?: unknown } | undefined>;
  /** The message to show at a field: the browser's check, or the server's answer. */
  const errorOf = (field: string): string | undefined => {
    const own = errors[field]?.message;
    if (typeof own === "string") return own;
    return !hydrated ? refused?.fieldErrors?.[field]?.[0] : undefined;
  };

  /**
   * With a schema, the browser checks first and, if all is well, posts the form's own data itself:
   * React then does not reset the fields, so a server refusal keeps what the person typed.
   */
  const onSubmit = options.schema
    ? (event: FormEvent<HTMLFormElement>) => {
        const element = event.currentTarget;
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        void form.handleSubmit(() => startTransition(() => formAction(new FormData(element, submitter))))(event);
      }
    : undefined;

  const value = (name: Path<V>) => (initial as Record<string, unknown> | undefined)?.[name];
  /** A text field, select or textarea: react-hook-form's props and the value to show before hydration. */
  const input = (name: Path<V>) => ({ ...form.register(name), defaultValue: (value(name) as string | undefined) ?? "" });
  /** A single checkbox. */
  const checkbox = (name: Path<V>) => ({ ...form.register(name), type: "checkbox" as const, defaultChecked: value(name) === true });
  /** One of a radio group or of a checkbox group (a list value). */
  const option = (name: Path<V>, optionValue: string) => {
    const current = value(name);
    return { ...form.register(name), value: optionValue, defaultChecked: Array.isArray(current) ? current.includes(optionValue) : current === optionValue };
  };

  return {
    state,
    pending,
    form,
    /** The values the fields show first (also before hydration: give them as the DOM's defaults). */
    initial: initial as V,
    errorOf,
    /** The refusal as a sentence, or null. */
    formError: refused?.error ?? null,
    /** What the success says, or null. */
    message: state?.ok ? (state.message ?? null) : null,
    input,
    checkbox,
    option,
    /** For <form action={…} onSubmit={…}>. */
    formProps: { action: formAction, onSubmit, noValidate: Boolean(options.schema) || undefined },
  };
}
