"use client";
import Link from "next/link";
import { useActionState } from "react";
import { chooseOrganizationAction } from "@/lib/auth/organization-choice";

interface Option {
  id: string;
  name: string;
  fullName: string;
  ogrn: string;
}

export function OrganizationChoiceForm({ organizations, current }: { organizations: Option[]; current?: string }) {
  const [state, formAction, pending] = useActionState(chooseOrganizationAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.organizationId?.[0] ?? state.error) : null;
  return (
    <form action={formAction} className="space-y-6" noValidate>
      <fieldset className="space-y-3" aria-describedby={error ? "org-error" : undefined}>
        <legend className="mb-2 text-lg font-semibold">Выберите организацию:</legend>
        {organizations.map((o) => (
          <label key={o.id} className="flex cursor-pointer items-start gap-3 rounded-xl border border-line p-4 has-[:checked]:border-brand has-[:checked]:bg-brand-light">
            <input type="radio" name="organizationId" value={o.id} defaultChecked={o.id === current} className="mt-1 h-5 w-5 accent-brand" required />
            <span>
              <span className="block font-semibold">{o.name}</span>
              <span className="block text-sm text-muted">{o.fullName}</span>
              <span className="block text-sm">ОГРН: {o.ogrn}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p id="org-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="flex flex-wrap justify-between gap-3">
        <Link href="/" className="btn-secondary">Назад</Link>
        <button type="submit" className="btn-primary" disabled={pending}>
          Далее
        </button>
      </div>
    </form>
  );
}
