"use client";
// «Форма заявки на создание рабочего кабинета» (and of the editorial one). Validated in the browser
// by the same zod schema the server action uses; without JavaScript it posts to the same action.
import Link from "next/link";
import { useEffect, useState, type ChangeEvent } from "react";
import { useWatch } from "react-hook-form";
import type { CabinetKind, CabinetType } from "@/lib/db/generated/enums";
import { submitCabinetRequestForm } from "@/lib/requests/filing-actions";
import type { TFilingMode, TLockedFields, TRequestFormValues } from "@/lib/requests/filing";
import { REQUEST_FIELD_LABEL } from "@/lib/requests/labels";
import { editorialFits, type EditorialOption } from "@/lib/requests/rules";
import { ZCabinetRequestForm } from "@/lib/requests/schemas";
import { ErrorList } from "@/components/forms/ErrorList";
import { Field } from "@/components/forms/Field";
import { useActionForm } from "@/components/forms/use-action-form";
import { CABINET_TYPE } from "@/lib/ui/strings";

interface Props {
  kind: CabinetKind;
  mode: TFilingMode;
  request?: { id: string; version: number };
  defaults: TRequestFormValues;
  /** Regions, type, editorial cabinet and spheres come from the organization's editorial cabinet. */
  locked: TLockedFields | null;
  organizationId: string;
  types: readonly CabinetType[];
  regions: Array<{ id: string; name: string }>;
  spheres: Array<{ id: string; name: string }>;
  /** Editorial cabinets of the default region (others are fetched when the region changes). */
  editorialOptions: EditorialOption[];
  backHref: string;
}

export function CabinetRequestForm(props: Props) {
  const { kind, mode, locked, organizationId } = props;
  const readOnly = mode === "readonly";
  // After a refused post (also without JavaScript) the person's input comes back.
  const kit = useActionForm(submitCabinetRequestForm, { schema: ZCabinetRequestForm, defaults: { kind: kind as string, ...props.defaults } });
  const { pending, form, errorOf, formError, input, formProps } = kit;
  const regionId = useWatch({ control: form.control, name: "regionId" });
  const type = useWatch({ control: form.control, name: "type" }) as CabinetType | "";
  const options = useEditorialOptions(kind === "WORK" && !locked && !readOnly, regionId, { regionId: props.defaults.regionId, list: props.editorialOptions });
  const known = options.regionId === regionId;
  const fitting = type && known ? options.list.filter((o) => editorialFits({ type, regionId, organizationId }, o)) : [];

  return (
    <form {...formProps} className="space-y-5">
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
          {(aria) => <input {...aria} type="text" autoComplete="organization" className="field-input" {...input("name")} />}
        </Field>

        {locked ? (
          <LockedChoices kind={kind} locked={locked} defaults={props.defaults} error={errorOf("editorialCabinetId")} />
        ) : (
          <ChosenFields kind={kind} regions={props.regions} types={props.types} spheres={props.spheres} kit={kit} fitting={fitting} typeChosen={Boolean(type)} noFitting={Boolean(type) && known && fitting.length === 0} />
        )}

        <Field id="email" label={REQUEST_FIELD_LABEL.email} hint="Введите электронную почту: на неё придёт результат рассмотрения заявки" error={errorOf("email")}>
          {(aria) => <input {...aria} type="email" autoComplete="email" inputMode="email" className="field-input" {...input("email")} />}
        </Field>
      </fieldset>

      <ErrorList errors={formError} form />
      <div className="flex flex-wrap justify-between gap-3">
        <Link href={props.backHref} className="btn-secondary">На форму входа</Link>
        <button type="submit" className="btn-primary" disabled={readOnly || pending}>
          {pending ? "Отправляем…" : "Создать кабинет"}
        </button>
      </div>
    </form>
  );
}

type TKit = ReturnType<typeof useActionForm<unknown, TRequestFormValues & { kind: string }>>;

/** The editorial cabinets of the chosen region: given for the first one, fetched when the region changes. */
function useEditorialOptions(active: boolean, regionId: string, initial: { regionId: string; list: EditorialOption[] }) {
  const [options, setOptions] = useState(initial);
  useEffect(() => {
    if (!active || !regionId || regionId === options.regionId) return;
    const controller = new AbortController();
    fetch(`/registration/editorial-options?regionId=${encodeURIComponent(regionId)}`, { signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<EditorialOption[]>) : []))
      .then((list) => setOptions({ regionId, list }))
      .catch(() => {});
    return () => controller.abort();
  }, [active, regionId, options.regionId]);
  return options;
}

/** Regions, type, «Редакция» and spheres, as a subordinate organization chooses them. */
function ChosenFields({ kind, regions, types, spheres, kit, fitting, typeChosen, noFitting }: {
  kind: CabinetKind;
  regions: Array<{ id: string; name: string }>;
  types: readonly CabinetType[];
  spheres: Array<{ id: string; name: string }>;
  kit: TKit;
  fitting: EditorialOption[];
  typeChosen: boolean;
  noFitting: boolean;
}) {
  // Changing the region or the type empties «Редакция»: the list of fitting ones changes with them.
  const choice = (name: "regionId" | "type") => {
    const props = kit.input(name);
    return { ...props, onChange: (e: ChangeEvent<HTMLSelectElement>) => { void props.onChange(e); kit.form.setValue("editorialCabinetId", ""); } };
  };
  return (
    <>
      <Field id="regionId" label={REQUEST_FIELD_LABEL.regionId} hint="Выберите регион" error={kit.errorOf("regionId")}>
        {(aria) => (
          <select {...aria} className="field-input" {...choice("regionId")}>
            <option value="">Выбрать...</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="type" label={REQUEST_FIELD_LABEL.type} hint="Выберите тип кабинета" error={kit.errorOf("type")}>
        {(aria) => (
          <select {...aria} className="field-input" {...choice("type")}>
            <option value="">Выбрать...</option>
            {types.map((t) => (
              <option key={t} value={t}>{CABINET_TYPE[t]}</option>
            ))}
          </select>
        )}
      </Field>
      {kind === "WORK" && (
        <Field
          id="editorialCabinetId"
          label={REQUEST_FIELD_LABEL.editorialCabinetId}
          hint={!typeChosen ? "Сначала выберите регион и тип кабинета" : "Кабинет редакции органа, в ведении которого находится ваша организация"}
          error={kit.errorOf("editorialCabinetId")}
        >
          {(aria) => (
            <>
              <select {...aria} className="field-input" {...kit.input("editorialCabinetId")}>
                <option value="">Выбрать...</option>
                {fitting.map((o) => (
                  <option key={o.id} value={o.id}>{`${o.name} (ЛКО № ${o.lkoId})`}</option>
                ))}
              </select>
              {noFitting && (
                <p className="mt-2 rounded-lg bg-warning-light p-3 text-sm" role="status">
                  В выбранном регионе нет кабинета редакции для этого типа. Создание рабочего кабинета возможно только после создания
                  кабинета редакции органом, в ведении которого находится ваша организация.
                </p>
              )}
            </>
          )}
        </Field>
      )}
      <fieldset aria-describedby={kit.errorOf("sphereIds") ? "sphereIds-error" : "sphereIds-hint"} aria-invalid={kit.errorOf("sphereIds") ? true : undefined}>
        <legend className="field-label">{REQUEST_FIELD_LABEL.sphereIds}</legend>
        <p id="sphereIds-hint" className="field-hint mb-2 mt-0">Выберите сферы деятельности организации (одну или несколько)</p>
        <div className="grid gap-2 sm:grid-cols-2">
          {spheres.map((s) => (
            <label key={s.id} className="flex items-center gap-3 rounded-lg border border-line px-3 py-2 has-[:checked]:border-brand has-[:checked]:bg-brand-light">
              <input type="checkbox" className="h-5 w-5 accent-brand" {...kit.option("sphereIds", s.id)} />
              <span>{s.name}</span>
            </label>
          ))}
        </div>
        <ErrorList id="sphereIds-error" errors={kit.errorOf("sphereIds")} />
      </fieldset>
    </>
  );
}

/** What the organization's own editorial cabinet fixed: shown, and sent as it is. */
function LockedChoices({ kind, locked, defaults, error }: { kind: CabinetKind; locked: TLockedFields; defaults: TRequestFormValues; error?: string }) {
  return (
    <>
      <LockedSelect id="regionId" label={REQUEST_FIELD_LABEL.regionId} text={locked.regionName} />
      <LockedSelect id="type" label={REQUEST_FIELD_LABEL.type} text={locked.typeLabel} />
      {kind === "WORK" && <LockedSelect id="editorialCabinetId" label={REQUEST_FIELD_LABEL.editorialCabinetId} text={locked.editorialName} />}
      <input type="hidden" name="regionId" value={defaults.regionId} />
      <input type="hidden" name="type" value={defaults.type} />
      <input type="hidden" name="editorialCabinetId" value={defaults.editorialCabinetId} />
      {defaults.sphereIds.map((s) => (
        <input key={s} type="hidden" name="sphereIds" value={s} />
      ))}
      <div>
        <p className="field-label" id="sphereIds-label">{REQUEST_FIELD_LABEL.sphereIds}</p>
        <p className="rounded-lg border border-line bg-surface px-4 py-3" aria-labelledby="sphereIds-label">{locked.sphereNames.join(", ")}</p>
      </div>
      <p className="field-hint">Регион, тип кабинета, редакция и сферы заполнены по данным кабинета редакции вашей организации и не меняются.</p>
      <ErrorList errors={error} form />
    </>
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
