"use client";
import { useActionState } from "react";
import { confirmCabinetDataFormAction } from "@/lib/cabinets/actions";
import { StatusText } from "@/components/ui/Status";

/** «Данные актуальны»: a tick and a button; works without JavaScript too. */
export function ConfirmDataForm({ cabinetId }: { cabinetId: string }) {
  const [state, formAction, pending] = useActionState(confirmCabinetDataFormAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.confirmed?.[0] ?? state.error) : null;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="cabinetId" value={cabinetId} />
      <label className="flex items-start gap-3">
        <input type="checkbox" name="confirmed" className="mt-1 h-5 w-5 accent-brand" aria-describedby={error ? "confirm-error" : undefined} />
        <span>Данные актуальны: я проверил(а) сведения о кабинете и организации</span>
      </label>
      {error ? <p id="confirm-error" className="field-error" role="alert">{error}</p> : null}
      {state?.ok ? <p role="status"><StatusText tone="success" icon="check">{state.message}</StatusText></p> : null}
      <button type="submit" className="btn-primary" disabled={pending}>Подтвердить актуальность</button>
    </form>
  );
}
