"use client";
import { confirmCabinetDataForm } from "@/lib/cabinets/actions";
import { ErrorList } from "@/components/forms/ErrorList";
import { useActionForm } from "@/components/forms/use-action-form";
import { StatusText } from "@/components/ui/Status";

/** «Данные актуальны»: a tick and a button; works without JavaScript too. */
export function ConfirmDataForm({ cabinetId }: { cabinetId: string }) {
  const { pending, errorOf, formError, message, formProps } = useActionForm(confirmCabinetDataForm);
  const error = formError ? (errorOf("confirmed") ?? formError) : null;
  return (
    <form {...formProps} className="space-y-3" noValidate>
      <input type="hidden" name="cabinetId" value={cabinetId} />
      <label className="flex items-start gap-3">
        <input type="checkbox" name="confirmed" className="mt-1 h-5 w-5 accent-brand" aria-describedby={error ? "confirm-error" : undefined} />
        <span>Данные актуальны: я проверил(а) сведения о кабинете и организации</span>
      </label>
      <ErrorList id="confirm-error" errors={error} form />
      {message ? <p role="status"><StatusText tone="success" icon="check">{message}</StatusText></p> : null}
      <button type="submit" className="btn-primary" disabled={pending}>Подтвердить актуальность</button>
    </form>
  );
}
