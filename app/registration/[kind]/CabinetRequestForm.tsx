"use client";
// «Форма заявки на создание рабочего кабинета» (and of the editorial one). Validated in the browser
// by the same zod schema the server action uses; without JavaScript it posts to the same action.
import Link from "next/link";
import { startTransition, useActionState, useEffect, useState, type FormEvent, type ReactNode } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { CabinetKind, CabinetType } from "@/lib/db/generated/enums";
import { submitCabinetRequestForm } from "@/lib/requests/filing-actions";
import { REQUEST_FIELD_LABEL } from "@/lib/requests/labels";
import { editorialFits, type EditorialOption } from "@/lib/requests/rules";
import { ZCabinetRequestForm, type TCabinetRequestForm, type TCabinetRequestFormInput } from "@/lib/requests/schemas";
import { useFieldErrors } from "@/lib/requests/use-server-errors";
import { CABINET_TYPE } from "@/lib/ui/strings";

export interface RequestFormValues {
  name: string;
  regionId: string;
  type: CabinetType | "";
  editorialCabinetId: string;
  sphereIds: string[];
  email: string;
}

export interface LockedFields {
  regionName: string;
  typeLabel: string;
  editorialName: string;
  sphereNames: string[];
}

interface Props {
  kind: CabinetKind;
  /** new: first request; resubmit: fix a rejected one; readonly: on review or approved. */
  mode: "new" | "resubmit" | "readonly";
  request?: { id: string; version: number };
  defaults: RequestFormValues;
  /** Regions, type, editorial cabinet and spheres come from the organization's editorial cabinet. */
  locked: LockedFields | null;
  organizationId: string;
  types: readonly CabinetType[];
  regions: Array<{ id: string; name: string }>;
  spheres: Array<{ id: string; name: string }>;
  /** Editorial cabinets of the default region (others are fetched when the region changes). */
  editorialOptions: EditorialOption[];
  backHref: string;
}

const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? [v] : []);

/** After a failed post without JavaScript, the person's input comes back in the action state. */
function valuesFrom(raw: Record<string, unknown> | undefined, fallback: RequestFormValues): RequestFormValues {
  if (!raw) return fallback;
  const str = (k: string, d: string) => (typeof raw[k] === "string" ? (raw[k] as string) : d);
  return {
    name: str("name", fallback.name),
    regionId: str("regionId", fallback.regionId),
    type: str("type", fallback.type) as CabinetType | "",
    editorialCabinetId: str("editorialCabinetId", fallback.editorialCabinetId),
    sphereIds: "sphereIds" in raw ? asStrings(raw.sphereIds) : [],
    email: str("email", fallback.email),
  };
}

export function CabinetRequestForm(props: Props) {
  const { kind, mode, locked, organizationId } = props;
  const readOnly = mode === "readonly";
  const [state, formAction, pending] = useActionState(submitCabinetRequestForm, null);
  const initial = valuesFrom(state && !state.ok ? state.values : undefined, props.defaults);
  const form = useForm<TCabinetRequestFormInput, unknown, TCabinetRequestForm>({
    resolver: zodResolver(ZCabinetRequestForm),
    defaultValues: { kind, ...initial } as TCabinetRequestFormInput,
    mode: "onTouched",
  });
  const fieldError = useFieldErrors(form, state);
  // Values are also given as DOM defaults: RHF sets fields through refs only in the browser, and the
  // page must show them before hydration and without JavaScript.
  const { register } = form;
  const regionId = useWatch({ control: form.control, name: "regionId" });
  const type = useWatch({ control: form.control, name: "type" }) as CabinetType | "";
  const [options, setOptions] = useState<{ regionId: string; list: EditorialOption[] }>({ regionId: props.defaults.regionId, list: props.editorialOptions });
  useEffect(() => {
    if (kind !== "WORK" || locked || readOnly || !regionId || regionId === options.regionId) return;
    const controller = new AbortController();
    fetch(`/registration/editorial-options?regionId=${encodeURIComponent(regionId)}`, { signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<EditorialOption[]>) : []))
      .then((list) => setOptions({ regionId, list }))
      .catch(() => {});
    return () => controller.abort();
  }, [kind, locked, readOnly, regionId, options.regionId]);
  const fitting = type && options.regionId === regionId ? options.list.filter((o) => editorialFits({ type, regionId, organizationId }, o)) : [];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget);
    return form.handleSubmit(() => startTransition(() => formAction(data)))(event);
  };
  const resetEditorial = () => form.setValue("editorialCabinetId", "");
  const error = state && !state.ok ? state.error : null;
  const errorOf = (field: keyof RequestFormValues) => fieldError(field);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <input type="hidden" name="kind" value={kind} />
      {props.request && mode === "resubmit" && (
        <>
          <input type="hidden" name="requestId" value={props.request.id} />
          <input type="hidden" name="version" value={props.request.version} />
        </>
      )}
      <fieldset disabled={readOnly} className="space-y-5">
        <legend className="sr-only">Параметры кабинета</legend>
        <Field id="name" label={REQUEST_FIELD_LABEL.name} hint="Введите название кабинета" error={errorOf("name")}>
          <input id="name" type="text" autoComplete="organization" className="field-input" defaultValue={initial.name} {...aria("name", errorOf("name"))} {...register("name")} />
        </Field>

        {locked ? (
          <>
            <LockedSelect id="regionId" label={REQUEST_FIELD_LABEL.regionId} text={locked.regionName} />
            <LockedSelect id="type" label={REQUEST_FIELD_LABEL.type} text={locked.typeLabel} />
            {kind === "WORK" && <LockedSelect id="editorialCabinetId" label={REQUEST_FIELD_LABEL.editorialCabinetId} text={locked.editorialName} />}
            <input type="hidden" name="regionId" value={props.defaults.regionId} />
            <input type="hidden" name="type" value={props.defaults.type} />
            <input type="hidden" name="editorialCabinetId" value={props.defaults.editorialCabinetId} />
            {props.defaults.sphereIds.map((s) => (
              <input key={s} type="hidden" name="sphereIds" value={s} />
            ))}
            <div>
              <p className="field-label" id="sphereIds-label">{REQUEST_FIELD_LABEL.sphereIds}</p>
              <p className="rounded-lg border border-line bg-surface px-4 py-3" aria-labelledby="sphereIds-label">{locked.sphereNames.join(", ")}</p>
            </div>
            <p className="field-hint">Регион, тип кабинета, редакция и сферы заполнены по данным кабинета редакции вашей организации и не меняются.</p>
            {errorOf("editorialCabinetId") && <p className="field-error" role="alert">{errorOf("editorialCabinetId")}</p>}
          </>
        ) : (
          <>
            <Field id="regionId" label={REQUEST_FIELD_LABEL.regionId} hint="Выберите регион" error={errorOf("regionId")}>
              <select id="regionId" className="field-input" defaultValue={initial.regionId} {...aria("regionId", errorOf("regionId"))} {...register("regionId", { onChange: resetEditorial })}>
                <option value="">Выбрать...</option>
                {props.regions.map((r) => (
                  <option key={r.id} value={r.id}>{r.name}</option>
                ))}
              </select>
            </Field>
            <Field id="type" label={REQUEST_FIELD_LABEL.type} hint="Выберите тип кабинета" error={errorOf("type")}>
              <select id="type" className="field-input" defaultValue={initial.type} {...aria("type", errorOf("type"))} {...register("type", { onChange: resetEditorial })}>
                <option value="">Выбрать...</option>
                {props.types.map((t) => (
                  <option key={t} value={t}>{CABINET_TYPE[t]}</option>
                ))}
              </select>
            </Field>
            {kind === "WORK" && (
              <Field
                id="editorialCabinetId"
                label={REQUEST_FIELD_LABEL.editorialCabinetId}
                hint={!type ? "Сначала выберите регион и тип кабинета" : "Кабинет редакции органа, в ведении которого находится ваша организация"}
                error={errorOf("editorialCabinetId")}
              >
                <select id="editorialCabinetId" className="field-input" defaultValue={initial.editorialCabinetId} {...aria("editorialCabinetId", errorOf("editorialCabinetId"))} {...register("editorialCabinetId")}>
                  <option value="">Выбрать...</option>
                  {fitting.map((o) => (
                    <option key={o.id} value={o.id}>{`${o.name} (ЛКО № ${o.lkoId})`}</option>
                  ))}
                </select>
                {type && options.regionId === regionId && fitting.length === 0 && (
                  <p className="mt-2 rounded-lg bg-warning-light p-3 text-sm" role="status">
                    В выбранном регионе нет кабинета редакции для этого типа. Создание рабочего кабинета возможно только после создания
                    кабинета редакции органом, в ведении которого находится ваша организация.
                  </p>
                )}
              </Field>
            )}
            <fieldset aria-describedby={errorOf("sphereIds") ? "sphereIds-error" : "sphereIds-hint"} aria-invalid={errorOf("sphereIds") ? true : undefined}>
              <legend className="field-label">{REQUEST_FIELD_LABEL.sphereIds}</legend>
              <p id="sphereIds-hint" className="field-hint mb-2 mt-0">Выберите сферы деятельности организации (одну или несколько)</p>
              <div className="grid gap-2 sm:grid-cols-2">
                {props.spheres.map((s) => (
                  <label key={s.id} className="flex items-center gap-3 rounded-lg border border-line px-3 py-2 has-[:checked]:border-brand has-[:checked]:bg-brand-light">
                    <input type="checkbox" value={s.id} className="h-5 w-5 accent-brand" defaultChecked={initial.sphereIds.includes(s.id)} {...register("sphereIds")} />
                    <span>{s.name}</span>
                  </label>
                ))}
              </div>
              {errorOf("sphereIds") && <p id="sphereIds-error" className="field-error">{errorOf("sphereIds")}</p>}
            </fieldset>
          </>
        )}

        <Field id="email" label={REQUEST_FIELD_LABEL.email} hint="Введите электронную почту: на неё придёт результат рассмотрения заявки" error={errorOf("email")}>
          <input id="email" type="email" autoComplete="email" inputMode="email" className="field-input" defaultValue={initial.email} {...aria("email", errorOf("email"))} {...register("email")} />
        </Field>
      </fieldset>

      {error && (
        <p className="rounded-lg bg-danger-light p-4 text-danger" role="alert">
          {error}
        </p>
      )}
      <div className="flex flex-wrap justify-between gap-3">
        <Link href={props.backHref} className="btn-secondary">На форму входа</Link>
        <button type="submit" className="btn-primary" disabled={readOnly || pending}>
          {pending ? "Отправляем…" : "Создать кабинет"}
        </button>
      </div>
    </form>
  );
}

const aria = (id: string, error: string | undefined) => ({
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `${id}-error` : `${id}-hint`,
});

function Field({ id, label, hint, error, children }: { id: string; label: string; hint: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">{label}</label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error">{error}</p>
      ) : (
        <p id={`${id}-hint`} className="field-hint">{hint}</p>
      )}
    </div>
  );
}

/** A choice the organization's editorial cabinet already made: shown as a disabled select. */
function LockedSelect({ id, label, text }: { id: string; label: string; text: string }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">{label}</label>
      <select id={id} className="field-input" disabled aria-describedby={`${id}-hint`}>
        <option>{text}</option>
      </select>
      <p id={`${id}-hint`} className="field-hint">Заполнено по кабинету редакции</p>
    </div>
  );
}
