"use client";
// «Одобрить» and «Отклонить» on a request card. Each form carries the version the reviewer saw, so
// a decision taken meanwhile by someone else is reported instead of overwritten.
import { approveCabinetRequestForm, rejectCabinetRequestForm } from "@/lib/requests/review-actions";
import { ZRejectRequest } from "@/lib/requests/schemas";
import { ErrorList } from "@/components/forms/ErrorList";
import { Field } from "@/components/forms/Field";
import { useActionForm } from "@/components/forms/use-action-form";

interface RequestRef {
  requestId: string;
  version: number;
}

export function ApproveForm({ requestId, version, summary }: RequestRef & { summary: string }) {
  const { pending, formError, formProps } = useActionForm(approveCabinetRequestForm);
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-muted">{summary}</p>
      <ErrorList errors={formError} form />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Одобряем…" : "Одобрить"}
      </button>
    </form>
  );
}

export function RejectForm({ requestId, version, templates }: RequestRef & { templates: Array<{ id: string; text: string; own: boolean }> }) {
  const { pending, form, errorOf, formError, input, checkbox, formProps } = useActionForm(rejectCabinetRequestForm, {
    schema: ZRejectRequest,
    defaults: { requestId, version, reason: "", templateId: "", saveAsTemplate: false },
  });
  const reasonError = errorOf("reason");
  const templateError = errorOf("templateId");
  const template = input("templateId");

  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      {templates.length > 0 && (
        <Field id="templateId" label="Шаблон причины" hint={templateError ? undefined : "Текст шаблона подставится в причину; его можно дополнить."} error={templateError}>
          {(aria) => (
            <select
              {...aria}
              className="field-input"
              {...template}
              onChange={(e) => {
                void template.onChange(e);
                const chosen = templates.find((t) => t.id === e.target.value);
                if (chosen) form.setValue("reason", chosen.text, { shouldValidate: true });
              }}
            >
              <option value="">Без шаблона</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>{t.own ? `${t.text} (шаблон органа)` : t.text}</option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id="reason" label="Причина отклонения" hint={reasonError ? undefined : "Заявитель увидит её в заявке и в письме: напишите, что исправить."} error={reasonError}>
        {(aria) => <textarea {...aria} rows={4} className="field-input" {...input("reason")} />}
      </Field>
      <label className="flex items-center gap-3">
        <input className="h-5 w-5 accent-brand" {...checkbox("saveAsTemplate")} />
        Сохранить причину как шаблон органа
      </label>
      <ErrorList errors={formError} form />
      <button type="submit" className="btn-danger" disabled={pending}>
        {pending ? "Отклоняем…" : "Отклонить"}
      </button>
    </form>
  );
}
