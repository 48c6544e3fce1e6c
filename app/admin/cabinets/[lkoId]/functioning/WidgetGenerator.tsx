"use client";
import { useWatch } from "react-hook-form";
import { generateWidgetForm } from "@/lib/widget/actions";
import { BANNER_TEXTS, WIDGET_VARIANTS, bannerTextOf, previewDocument, variantById } from "@/lib/widget/banner";
import type { TWidgetCodes } from "@/lib/widget/codes";
import { ZGenerateWidget } from "@/lib/widget/schemas";
import { ErrorList } from "@/components/forms/ErrorList";
import { useActionForm } from "@/components/forms/use-action-form";
import { StatusText } from "@/components/ui/Status";
import { WidgetCodes } from "./WidgetCodes";

interface Props {
  cabinetId: string;
  lkoId: number;
  /** The last generated design and text, with their codes (null until generated). */
  saved: { variant: number; bannerText: string; codes: TWidgetCodes | null };
  /** Why generation is not possible yet (no official site saved), or null. */
  blockedReason: string | null;
}

/** (1) choose the design and the text, (2) generate, (3) copy; (4) the ЛКО number ends the code. */
export function WidgetGenerator({ cabinetId, lkoId, saved, blockedReason }: Props) {
  const { state, pending, form, errorOf, formError, input, option, formProps } = useActionForm(generateWidgetForm, {
    schema: ZGenerateWidget,
    defaults: { cabinetId, variant: String(saved.variant), bannerText: saved.bannerText },
  });
  const [chosenVariant, chosenText] = useWatch({ control: form.control, name: ["variant", "bannerText"] });
  const variant = variantById(Number(chosenVariant)) ?? WIDGET_VARIANTS[0];
  const banner = bannerTextOf(chosenText);
  const generatedNow = state?.ok ? state.data : null;
  const generated = generatedNow
    ? { variant: generatedNow.variant, bannerText: generatedNow.bannerText, codes: generatedNow.codes }
    : saved.codes
      ? { variant: saved.variant, bannerText: saved.bannerText, codes: saved.codes }
      : null;
  const current = generated && generated.variant === variant.id && generated.bannerText === banner.text ? generated.codes : null;

  return (
    <form {...formProps} className="space-y-6">
      <input type="hidden" {...input("cabinetId")} />
      <fieldset>
        <legend className="mb-2 text-lg font-semibold">1. Вариант оформления</legend>
        <div className="grid gap-4 md:grid-cols-2">
          {WIDGET_VARIANTS.map((v) => (
            <label key={v.id} className="block cursor-pointer rounded-xl border border-line p-3 has-[:checked]:border-brand has-[:checked]:bg-brand-light">
              <span className="flex items-start gap-3">
                <input type="radio" className="mt-1 h-5 w-5 flex-none accent-brand" {...option("variant", String(v.id))} />
                <span>
                  <span className="block font-medium">{v.name} <span className="text-sm text-muted">(вариант <code>bf-{v.id}</code>)</span></span>
                  <span className="block text-sm text-muted">{v.description}</span>
                </span>
              </span>
              <iframe title={`Предпросмотр: ${v.name}`} srcDoc={previewDocument(v, banner, 0.55)} sandbox="" className="mt-2 h-48 w-full rounded-lg border border-line bg-white" loading="lazy" />
            </label>
          ))}
        </div>
        <ErrorList errors={errorOf("variant")} />
      </fieldset>

      <fieldset>
        <legend className="mb-2 text-lg font-semibold">Текст на баннере</legend>
        <div className="space-y-2">
          {BANNER_TEXTS.map((b) => (
            <label key={b.text} className="flex cursor-pointer items-start gap-3">
              <input type="radio" className="mt-1 h-5 w-5 flex-none accent-brand" {...option("bannerText", b.text)} />
              <span>
                <span className="block">{b.text}</span>
                <span className="block text-sm text-muted">{b.small} · кнопка «{b.button}»</span>
              </span>
            </label>
          ))}
        </div>
        <ErrorList errors={errorOf("bannerText")} />
      </fieldset>

      <div>
        <h3 className="mb-2">Так баннер будет выглядеть на сайте</h3>
        <iframe title="Предпросмотр выбранного баннера" srcDoc={previewDocument(variant, banner)} sandbox="" className="h-80 w-full rounded-lg border border-line bg-white" />
      </div>

      {blockedReason ? <p className="rounded-lg bg-warning-light p-4" role="note"><StatusText tone="warning" icon="alert">{blockedReason}</StatusText></p> : null}
      <ErrorList errors={formError} form />
      <button type="submit" className="btn-primary" disabled={pending || Boolean(blockedReason)}>
        {pending ? "Создание кода…" : "2. Сгенерировать"}
      </button>

      {current ? (
        <WidgetCodes codes={current} lkoId={lkoId} />
      ) : generated ? (
        <p className="rounded-lg bg-brand-light p-4" role="status">Оформление изменено — нажмите «Сгенерировать», чтобы получить новый код.</p>
      ) : null}
    </form>
  );
}
