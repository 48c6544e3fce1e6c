"use client";
import Link from "next/link";
import { chooseOrganizationForm } from "@/lib/auth/organization-choice";
import { ErrorList } from "@/components/forms/ErrorList";
import { useActionForm } from "@/components/forms/use-action-form";

interface Option {
  id: string;
  name: string;
  fullName: string;
  ogrn: string;
}

export function OrganizationChoiceForm({ organizations, current }: { organizations: Option[]; current?: string }) {
  const { pending, errorOf, formError, formProps } = useActionForm(chooseOrganizationForm);
  const error = formError ? (errorOf("organizationId") ?? formError) : null;
  return (
    <form {...formProps} className="space-y-6" noValidate>
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
      <ErrorList id="org-error" errors={error} form />
      <div className="flex flex-wrap justify-between gap-3">
        <Link href="/" className="btn-secondary">Назад</Link>
        <button type="submit" className="btn-primary" disabled={pending}>
          Далее
        </button>
      </div>
    </form>
  );
}
