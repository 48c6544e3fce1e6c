"use client";
import { startTransition, useActionState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { saveReadinessForm, type TReadinessFormState } from "@/lib/functioning/actions";
import { READINESS_POINTS } from "@/lib/functioning/readiness";
import { ZReadiness, type TReadiness, type TReadinessInput } from "@/lib/functioning/schemas";
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
  const [state, formAction, pending] = useActionState<TReadinessFormState, FormData>(saveReadinessForm, null);
  // After a failed post without JavaScript the page comes back with what the person typed.
  const posted = state && !state.ok ? state.values : undefined;
  const initial: TReadinessDefaults = posted
    ? {
        ...defaults,
        readyAccounts: posted.readyAccounts === "on", readyResponsibles: posted.readyResponsibles === "on", readyTraining: posted.readyTraining === "on",
        readyToWork: posted.readyToWork === "on", siteMode: posted.siteMode === "noSite" ? "noSite" : "site",
        officialSite: String(posted.officialSite ?? ""), noSiteReason: String(posted.noSiteReason ?? ""),
      }
    : defaults;
  const { register, handleSubmit, formState } = useForm<TReadinessInput, unknown, TReadiness>({ resolver: zodResolver(ZReadiness), defaultValues: initial });
  const error = (field: keyof TReadinessDefaults) => formState.errors[field]?.message ?? (state && !state.ok ? state.fieldErrors?.[field]?.[0] : undefined);
  const submit = handleSubmit((_data, event) => {
    const form = event?.target as HTMLFormElement;
    startTransition(() => formAction(new FormData(form)));
  });
  const factFor: Record<string, string | undefined> = { readyAccounts: facts.accounts, readyResponsibles: facts.responsibles, readyTraining: facts.training };
  const siteError = error("officialSite");
  const reasonError = error("noSiteReason");

  return (
    <form action={formAction} onSubmit={submit} noValidate className="space-y-6">
      <input type="hidden" {...register("cabinetId")} defaultValue={initial.cabinetId} />
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Точки готовности</legend>
        {READINESS_POINTS.map((p) => (
          <div key={p.key} className="flex items-start gap-3">
            <input id={p.key} type="checkbox" className="mt-1 h-5 w-5 flex-none accent-brand" {...register(p.key)} defaultChecked={initial[p.key]} aria-describedby={`${p.key}-hint`} />
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
          <input id="siteMode-site" type="radio" value="site" className="mt-1 h-5 w-5 flex-none accent-brand" {...register("siteMode")} defaultChecked={initial.siteMode === "site"} />
          <div className="w-full max-w-xl">
            <label htmlFor="siteMode-site" className="font-medium">У учреждения есть официальный сайт</label>
            <label htmlFor="officialSite" className="field-label mt-2 text-sm">Адрес официального сайта, на котором будет размещен виджет</label>
            <input
              id="officialSite" type="url" inputMode="url" autoComplete="url" placeholder="https://school18.ru" className="field-input"
              {...register("officialSite")} defaultValue={initial.officialSite}
              aria-invalid={siteError ? true : undefined} aria-describedby={`officialSite-hint${siteError ? " officialSite-error" : ""}`}
            />
            <p id="officialSite-hint" className="field-hint">
              Сохраняется адрес сайта без страниц: виджет размещается на главной странице, и только там его форма откроется.
              Адрес с «www.» и без него считается одним сайтом: виджет заработает на обоих (например, school18.ru и www.school18.ru).
            </p>
            {siteError ? <p id="officialSite-error" className="field-error" role="alert">{siteError}</p> : null}
          </div>
        </div>
        <div className="flex items-start gap-3">
          <input
            id="siteMode-noSite" type="radio" value="noSite" className="mt-1 h-5 w-5 flex-none accent-brand" {...register("siteMode")}
            defaultChecked={initial.siteMode === "noSite"} aria-describedby="siteMode-noSite-hint"
          />
          <div className="w-full max-w-xl">
            <label htmlFor="siteMode-noSite" className="font-medium">Нет сайта</label>
            <p id="siteMode-noSite-hint" className="field-hint mt-0">
              Отметьте, если у учреждения нет своего официального сайта. Виджет тогда не нужен, а граждане смогут написать
              по ссылке на форму для социальных сетей. Кратко укажите причину, например: «Сведения об учреждении размещены на сайте управления образования».
            </p>
            <label htmlFor="noSiteReason" className="field-label mt-2 text-sm">Причина, по которой сайта нет</label>
            <textarea
              id="noSiteReason" rows={2} className="field-input" {...register("noSiteReason")} defaultValue={initial.noSiteReason}
              aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? "noSiteReason-error" : undefined}
            />
            {reasonError ? <p id="noSiteReason-error" className="field-error" role="alert">{reasonError}</p> : null}
          </div>
        </div>
      </fieldset>

      {state && !state.ok ? <p className="field-error" role="alert">{state.error}</p> : null}
      {state?.ok ? <p role="status" className="font-medium"><StatusText tone="success" icon="check">Изменения сохранены.</StatusText></p> : null}
      <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Сохранение…" : "Сохранить"}</button>
    </form>
  );
}
