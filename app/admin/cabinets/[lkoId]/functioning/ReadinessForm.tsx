"use client";
import { saveReadinessForm } from "@/lib/functioning/actions";
import { READINESS_POINTS } from "@/lib/functioning/readiness";
import { ZReadiness } from "@/lib/functioning/schemas";
import { ErrorList } from "@/components/forms/ErrorList";
import { useActionForm } from "@/components/forms/use-action-form";
import { StatusText } from "@/components/ui/Status";

export interface TReadinessDefaults {
  cabinetId: string;
  readyAccounts: boolean;
  readyResponsibles: boolean;
  readyTraining: boolean;
  readyToWork: boolean;
  siteMode: "site" | "noSite";
  officialSite: string;
  noSiteReason: string;
}

/** The readiness points and the official site; facts from the cabinet's data stand next to the points. */
export function ReadinessForm({ defaults, facts }: { defaults: TReadinessDefaults; facts: Record<string, string> }) {
  // After a refused post (also without JavaScript) the fields come back with what the person sent.
  const { state, pending, errorOf, formError, input, checkbox, option, formProps } = useActionForm(saveReadinessForm, { schema: ZReadiness, defaults });
  const factFor: Record<string, string | undefined> = { readyAccounts: facts.accounts, readyResponsibles: facts.responsibles, readyTraining: facts.training };
  const siteError = errorOf("officialSite");
  const reasonError = errorOf("noSiteReason");

  return (
    <form {...formProps} className="space-y-6">
      <input type="hidden" {...input("cabinetId")} />
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Точки готовности</legend>
        {READINESS_POINTS.map((p) => (
          <div key={p.key} className="flex items-start gap-3">
            <input id={p.key} className="mt-1 h-5 w-5 flex-none accent-brand" {...checkbox(p.key)} aria-describedby={`${p.key}-hint`} />
            <div>
              <label htmlFor={p.key} className="font-medium">{p.label}</label>
              <p id={`${p.key}-hint`} className="field-hint mt-0">
                {p.hint}
                {factFor[p.key] ? <span className="block">По данным кабинета: {factFor[p.key]}.</span> : null}
              </p>
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Официальный сайт учреждения</legend>
        <div className="flex items-start gap-3">
          <input id="siteMode-site" type="radio" className="mt-1 h-5 w-5 flex-none accent-brand" {...option("siteMode", "site")} />
          <div className="w-full max-w-xl">
            <label htmlFor="siteMode-site" className="font-medium">У учреждения есть официальный сайт</label>
            <label htmlFor="officialSite" className="field-label mt-2 text-sm">Адрес официального сайта, на котором будет размещен виджет</label>
            <input
              id="officialSite" type="url" inputMode="url" autoComplete="url" placeholder="https://school18.ru" className="field-input"
              {...input("officialSite")}
              aria-invalid={siteError ? true : undefined} aria-describedby={`officialSite-hint${siteError ? " officialSite-error" : ""}`}
            />
            <p id="officialSite-hint" className="field-hint">
              Сохраняется адрес сайта без страниц: виджет размещается на главной странице, и только там его форма откроется.
              Адрес с «www.» и без него считается одним сайтом: виджет заработает на обоих (например, school18.ru и www.school18.ru).
            </p>
            <ErrorList id="officialSite-error" errors={siteError} />
          </div>
        </div>
        <div className="flex items-start gap-3">
          <input
            id="siteMode-noSite" type="radio" className="mt-1 h-5 w-5 flex-none accent-brand" {...option("siteMode", "noSite")}
            aria-describedby="siteMode-noSite-hint"
          />
          <div className="w-full max-w-xl">
            <label htmlFor="siteMode-noSite" className="font-medium">Нет сайта</label>
            <p id="siteMode-noSite-hint" className="field-hint mt-0">
              Отметьте, если у учреждения нет своего официального сайта. Виджет тогда не нужен, а граждане смогут написать
              по ссылке на форму для социальных сетей. Кратко укажите причину, например: «Сведения об учреждении размещены на сайте управления образования».
            </p>
            <label htmlFor="noSiteReason" className="field-label mt-2 text-sm">Причина, по которой сайта нет</label>
            <textarea
              id="noSiteReason" rows={2} className="field-input" {...input("noSiteReason")}
              aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? "noSiteReason-error" : undefined}
            />
            <ErrorList id="noSiteReason-error" errors={reasonError} />
          </div>
        </div>
      </fieldset>

      <ErrorList errors={formError} form />
      {state?.ok ? <p role="status" className="font-medium"><StatusText tone="success" icon="check">Изменения сохранены.</StatusText></p> : null}
      <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Сохранение…" : "Сохранить"}</button>
    </form>
  );
}
