import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { filingGaps } from "@/lib/access/filing";
import { requireOrganization } from "@/lib/access/guards";
import { KIND_SLUG, kindOfSlug } from "@/lib/requests/labels";
import { registrationOverview } from "@/lib/requests/filing";
import { FilingRefusal } from "./FilingRefusal";

export const metadata: Metadata = { title: "Подключение кабинета" };

// Step after choosing the organization: «Выберите кабинет: Кабинет редакции / Рабочий кабинет».
// A plain GET form, so it works without JavaScript.
export default async function RegistrationPage({ searchParams }: { searchParams: Promise<{ kind?: string; step?: string }> }) {
  const { actor, organization } = await requireOrganization();
  const { kind, step } = await searchParams;
  const chosen = kindOfSlug(kind);
  if (chosen) redirect(`/registration/${KIND_SLUG[chosen]}`);

  const gaps = filingGaps(actor, organization.id);
  const overview = gaps.length === 0 ? await registrationOverview(organization.id) : null;
  const missingChoice = step !== undefined;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1>Подключение кабинета</h1>
        <p className="text-muted">{organization.shortName} · ОГРН: {organization.ogrn}</p>
      </div>
      {!overview ? (
        <FilingRefusal organizationName={organization.shortName} gaps={gaps} />
      ) : (
        <form method="get" action="/registration" className="card space-y-6" noValidate>
          <input type="hidden" name="step" value="kind" />
          <fieldset className="space-y-3" aria-describedby={missingChoice ? "kind-error" : undefined}>
            <legend className="mb-2 text-lg font-semibold">Выберите кабинет:</legend>
            <KindOption value="editorial" label="Кабинет редакции" hint="Для РОИВ, ОМСУ и территориальных органов РОИВ: к нему привязываются рабочие кабинеты подведомственных организаций." status={overview.EDITORIAL} />
            <KindOption value="work" label="Рабочий кабинет" hint="Кабинет учреждения, в котором организация работает с сообщениями граждан." status={overview.WORK} />
          </fieldset>
          {missingChoice && (
            <p id="kind-error" className="field-error" role="alert">Выберите кабинет.</p>
          )}
          <div className="flex flex-wrap justify-between gap-3">
            <Link href="/select-organization?change=1" className="btn-secondary">Назад</Link>
            <button type="submit" className="btn-primary">Далее</button>
          </div>
        </form>
      )}
    </div>
  );
}

function KindOption({ value, label, hint, status }: { value: string; label: string; hint: string; status: string | null }) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-xl border border-line p-4 has-[:checked]:border-brand has-[:checked]:bg-brand-light">
      <input type="radio" name="kind" value={value} className="mt-1 h-5 w-5 shrink-0 accent-brand" required />
      <span>
        <span className="block font-semibold">{label}</span>
        <span className="block text-sm text-muted">{hint}</span>
        {status && <span className="mt-1 block text-sm font-medium">{status}</span>}
      </span>
    </label>
  );
}
