"use client";
import { useActionState } from "react";
import { runSiteCheckForm } from "@/lib/widget/actions";

/** «Проверить сайт»: the result appears in the list of checks below once the page refreshes. */
export function SiteCheckForm({ cabinetId }: { cabinetId: string }) {
  const [state, formAction, pending] = useActionState(runSiteCheckForm, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="cabinetId" value={cabinetId} />
      <button type="submit" className="btn-secondary" disabled={pending}>{pending ? "Проверка…" : "Проверить сайт"}</button>
      {state && !state.ok ? <span className="field-error mt-0" role="alert">{state.error}</span> : null}
      {state?.ok ? <span role="status" className="text-sm">Проверка выполнена.</span> : null}
    </form>
  );
}
