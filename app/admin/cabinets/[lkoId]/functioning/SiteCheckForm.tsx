"use client";
import { runSiteCheckForm } from "@/lib/widget/actions";
import { ErrorList } from "@/components/forms/ErrorList";
import { useActionForm } from "@/components/forms/use-action-form";

/** «Проверить сайт»: the result appears in the list of checks below once the page refreshes. */
export function SiteCheckForm({ cabinetId }: { cabinetId: string }) {
  const { state, pending, formError, formProps } = useActionForm(runSiteCheckForm);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="cabinetId" value={cabinetId} />
      <button type="submit" className="btn-secondary" disabled={pending}>{pending ? "Проверка…" : "Проверить сайт"}</button>
      <ErrorList errors={formError} form />
      {state?.ok ? <span role="status" className="text-sm">Проверка выполнена.</span> : null}
    </form>
  );
}
