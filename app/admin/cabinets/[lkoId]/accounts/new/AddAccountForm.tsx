"use client";
import Link from "next/link";
import { startTransition, useActionState, type FormEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { addAccountFormAction } from "@/lib/accounts/actions";
import { ZAddAccount, type TAccountRoleChoice, type TAddAccount, type TAddAccountInput } from "@/lib/accounts/schemas";
import { followRedirect } from "@/lib/ui/follow-redirect";

interface Props {
  cabinetId: string;
  backHref: string;
  roles: Array<{ value: TAccountRoleChoice; label: string; hint: string }>;
  spheres: Array<{ id: string; name: string }>;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? [v] : []);

/**
 * «Добавить пользователя». Checked in the browser by the same zod schema as on the server;
 * without JavaScript the form posts as it is and the server's answer is shown the same way.
 */
export function AddAccountForm({ cabinetId, backHref, roles, spheres }: Props) {
  const [state, formAction, pending] = useActionState(addAccountFormAction, null);
  followRedirect(state);
  const sent = state && !state.ok ? (state.values as Record<string, unknown>) : undefined;
  const form = useForm<TAddAccountInput, unknown, TAddAccount>({
    resolver: zodResolver(ZAddAccount),
    mode: "onTouched",
    defaultValues: {
      cabinetId,
      lastName: String(sent?.lastName ?? ""),
      firstName: String(sent?.firstName ?? ""),
      middleName: String(sent?.middleName ?? ""),
      email: String(sent?.email ?? ""),
      phone: String(sent?.phone ?? ""),
      position: String(sent?.position ?? ""),
      roles: asList(sent?.roles) as TAccountRoleChoice[],
      curatorSphereIds: asList(sent?.curatorSphereIds),
    },
  });
  const serverErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errorOf = (name: keyof TAddAccountInput) => form.formState.errors[name]?.message ?? serverErrors[name]?.[0];
  const chosen = useWatch({ control: form.control, name: "roles" }) as string[] | undefined;
  const curator = Array.isArray(chosen) && chosen.includes("CURATOR");

  // Valid in the browser: the form's own data goes through the form action by hand, so that React
  // does not reset the fields (a server refusal keeps what the person typed).
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const el = e.currentTarget;
    void form.handleSubmit(() => startTransition(() => formAction(new FormData(el))))(e);
  };

  const field = (name: "lastName" | "firstName" | "middleName" | "email" | "phone" | "position", label: string, opts: { required?: boolean; type?: string; hint?: string; autoComplete?: string } = {}) => {
    const error = errorOf(name);
    const hintId = opts.hint ? `${name}-hint` : undefined;
    const errorId = error ? `${name}-error` : undefined;
    return (
      <div>
        <label htmlFor={name} className="field-label">
          {label} {opts.required ? <span className="text-danger" aria-hidden="true">*</span> : <span className="text-sm font-normal text-muted">(необязательно)</span>}
        </label>
        <input
          id={name}
          type={opts.type ?? "text"}
          autoComplete={opts.autoComplete}
          className="field-input"
          aria-required={opts.required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          // Also a DOM default: RHF fills fields through refs only in the browser; without JavaScript
          // the page must show what the person sent.
          defaultValue={String(sent?.[name] ?? "")}
          {...form.register(name)}
        />
        {opts.hint ? <p id={hintId} className="field-hint">{opts.hint}</p> : null}
        {error ? <p id={errorId} className="field-error">{error}</p> : null}
      </div>
    );
  };

  const rolesError = errorOf("roles");
  const spheresError = errorOf("curatorSphereIds");
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6">
      <input type="hidden" defaultValue={cabinetId} {...form.register("cabinetId")} />
      <p className="text-sm text-muted"><span className="text-danger" aria-hidden="true">*</span> — обязательные поля</p>
      {state && !state.ok ? <p role="alert" className="rounded-xl bg-danger-light p-4 text-danger">{state.error}</p> : null}
      <div className="grid gap-4 md:grid-cols-3">
        {field("lastName", "Фамилия", { required: true, autoComplete: "family-name" })}
        {field("firstName", "Имя", { required: true, autoComplete: "given-name" })}
        {field("middleName", "Отчество", { autoComplete: "additional-name" })}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {field("email", "Email", { required: true, type: "email", autoComplete: "email", hint: "На этот адрес придёт приглашение. Адрес должен быть индивидуален для каждой учётной записи." })}
        {field("phone", "Телефон", { type: "tel", autoComplete: "tel", hint: "Например: +7 (900) 123-45-67" })}
      </div>
      {field("position", "Должность", { required: true, autoComplete: "organization-title" })}

      <fieldset className="space-y-2" aria-describedby={rolesError ? "roles-error" : undefined}>
        <legend className="field-label">Роли <span className="text-danger" aria-hidden="true">*</span></legend>
        <p className="field-hint">Добавьте все необходимые роли.</p>
        {roles.map((r) => (
          <label key={r.value} className="flex items-start gap-3 rounded-xl border border-line p-3 has-[:checked]:border-brand has-[:checked]:bg-brand-light">
            <input type="checkbox" value={r.value} className="mt-1 h-5 w-5 accent-brand" defaultChecked={asList(sent?.roles).includes(r.value)} {...form.register("roles")} />
            <span>
              <span className="block font-medium">{r.label}</span>
              <span className="block text-sm text-muted">{r.hint}</span>
            </span>
          </label>
        ))}
        {rolesError ? <p id="roles-error" className="field-error">{rolesError}</p> : null}
      </fieldset>

      {roles.some((r) => r.value === "CURATOR") ? (
        <fieldset className="space-y-2" aria-describedby={spheresError ? "spheres-error" : "spheres-hint"}>
          <legend className="field-label">Сферы куратора по направлению {curator ? <span className="text-danger" aria-hidden="true">*</span> : null}</legend>
          <p id="spheres-hint" className="field-hint">Куратор видит рабочие кабинеты учреждений выбранных сфер. Нужны только для роли «Куратор по направлению».</p>
          <div className="grid gap-2 sm:grid-cols-2">
            {spheres.map((s) => (
              <label key={s.id} className="flex items-center gap-3">
                <input type="checkbox" value={s.id} className="h-5 w-5 accent-brand" defaultChecked={asList(sent?.curatorSphereIds).includes(s.id)} {...form.register("curatorSphereIds")} />
                {s.name}
              </label>
            ))}
          </div>
          {spheresError ? <p id="spheres-error" className="field-error">{spheresError}</p> : null}
        </fieldset>
      ) : null}

      <div className="flex flex-wrap justify-between gap-3">
        <Link href={backHref} className="btn-secondary">Отмена</Link>
        <button type="submit" className="btn-primary" disabled={pending || Boolean(state?.ok)}>{pending ? "Отправляем…" : "Отправить приглашение"}</button>
      </div>
    </form>
  );
}
