"use client";
import Link from "next/link";
import { useWatch } from "react-hook-form";
import type { TAssignableRole } from "@/lib/access/roles";
import { addAccountForm } from "@/lib/accounts/actions";
import { ZAddAccount, type TAddAccountInput } from "@/lib/accounts/schemas";
import { ErrorList } from "@/components/forms/ErrorList";
import { Field } from "@/components/forms/Field";
import { useActionForm } from "@/components/forms/use-action-form";

interface Props {
  cabinetId: string;
  backHref: string;
  roles: Array<{ value: TAssignableRole; label: string; hint: string }>;
  spheres: Array<{ id: string; name: string }>;
}

type TextField = "lastName" | "firstName" | "middleName" | "email" | "phone" | "position";

const TEXT_FIELDS: Record<TextField, { label: string; required?: boolean; type?: string; hint?: string; autoComplete: string }> = {
  lastName: { label: "Фамилия", required: true, autoComplete: "family-name" },
  firstName: { label: "Имя", required: true, autoComplete: "given-name" },
  middleName: { label: "Отчество", autoComplete: "additional-name" },
  email: { label: "Email", required: true, type: "email", autoComplete: "email", hint: "На этот адрес придёт приглашение. Адрес должен быть индивидуален для каждой учётной записи." },
  phone: { label: "Телефон", type: "tel", autoComplete: "tel", hint: "Например: +7 (900) 123-45-67" },
  position: { label: "Должность", required: true, autoComplete: "organization-title" },
};

/**
 * «Добавить пользователя». Checked in the browser by the same zod schema as on the server;
 * without JavaScript the form posts as it is and the server's answer is shown the same way.
 */
export function AddAccountForm({ cabinetId, backHref, roles, spheres }: Props) {
  const defaults = { cabinetId, lastName: "", firstName: "", middleName: "", email: "", phone: "", position: "", roles: [] as string[], curatorSphereIds: [] as string[] };
  const { state, pending, form, errorOf, formError, input, option, formProps } = useActionForm(addAccountForm, { schema: ZAddAccount, defaults });
  const chosen = useWatch({ control: form.control, name: "roles" }) as TAddAccountInput["roles"] | undefined;
  const curator = Array.isArray(chosen) && chosen.includes("CURATOR");

  const field = (name: TextField) => {
    const f = TEXT_FIELDS[name];
    return (
      <Field id={name} label={f.label} hint={f.hint} error={errorOf(name)} mark={f.required ? "required" : "optional"}>
        {(aria) => <input {...aria} type={f.type ?? "text"} autoComplete={f.autoComplete} className="field-input" aria-required={f.required || undefined} {...input(name)} />}
      </Field>
    );
  };

  const rolesError = errorOf("roles");
  const spheresError = errorOf("curatorSphereIds");
  return (
    <form {...formProps} className="space-y-6">
      <input type="hidden" {...input("cabinetId")} />
      <p className="text-sm text-muted"><span className="text-danger" aria-hidden="true">*</span> — обязательные поля</p>
      <ErrorList errors={formError} form />
      <div className="grid gap-4 md:grid-cols-3">
        {field("lastName")}
        {field("firstName")}
        {field("middleName")}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {field("email")}
        {field("phone")}
      </div>
      {field("position")}

      <fieldset className="space-y-2" aria-describedby={rolesError ? "roles-error" : undefined}>
        <legend className="field-label">Роли <span className="text-danger" aria-hidden="true">*</span></legend>
        <p className="field-hint">Добавьте все необходимые роли.</p>
        {roles.map((r) => (
          <label key={r.value} className="flex items-start gap-3 rounded-xl border border-line p-3 has-[:checked]:border-brand has-[:checked]:bg-brand-light">
            <input type="checkbox" className="mt-1 h-5 w-5 accent-brand" {...option("roles", r.value)} />
            <span>
              <span className="block font-medium">{r.label}</span>
              <span className="block text-sm text-muted">{r.hint}</span>
            </span>
          </label>
        ))}
        <ErrorList id="roles-error" errors={rolesError} />
      </fieldset>

      {roles.some((r) => r.value === "CURATOR") ? (
        <fieldset className="space-y-2" aria-describedby={spheresError ? "spheres-error" : "spheres-hint"}>
          <legend className="field-label">Сферы куратора по направлению {curator ? <span className="text-danger" aria-hidden="true">*</span> : null}</legend>
          <p id="spheres-hint" className="field-hint">Куратор видит рабочие кабинеты учреждений выбранных сфер. Нужны только для роли «Куратор по направлению».</p>
          <div className="grid gap-2 sm:grid-cols-2">
            {spheres.map((s) => (
              <label key={s.id} className="flex items-center gap-3">
                <input type="checkbox" className="h-5 w-5 accent-brand" {...option("curatorSphereIds", s.id)} />
                {s.name}
              </label>
            ))}
          </div>
          <ErrorList id="spheres-error" errors={spheresError} />
        </fieldset>
      ) : null}

      <div className="flex flex-wrap justify-between gap-3">
        <Link href={backHref} className="btn-secondary">Отмена</Link>
        <button type="submit" className="btn-primary" disabled={pending || Boolean(state?.ok)}>{pending ? "Отправляем…" : "Отправить приглашение"}</button>
      </div>
    </form>
  );
}
