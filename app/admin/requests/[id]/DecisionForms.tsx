"use client";
// «Одобрить» and «Отклонить» on a request card. Each form carries the version the reviewer saw, so
// a decision taken meanwhile by someone else is reported instead of overwritten.
import { startTransition, useActionState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { approveRequestForm, rejectRequestForm } from "@/lib/requests/review-actions";
import { ZRejectRequest, type TRejectRequest, type TRejectRequestInput } from "@/lib/requests/schemas";
import { useFieldErrors } from "@/lib/requests/use-server-errors";

interface RequestRef {
  requestId: string;
  version: number;
}

function ErrorBox({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="rounded-lg bg-danger-light p-4 text-danger" role="alert">
      {message}
    </p>
  );
}

export function ApproveForm({ requestId, version, summary }: RequestRef & { summary: string }) {
  const [state, formAction, pending] = useActionState(approveRequestForm, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-muted">{summary}</p>
      <ErrorBox message={state && !state.ok ? state.error : null} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Одобряем…" : "Одобрить"}
      </button>
    </form>
  );
}

export function RejectForm({ requestId, version, templates }: RequestRef & { templates: Array<{ id: string; text: string; own: boolean }> }) {
  const [state, formAction, pending] = useActionState(rejectRequestForm, null);
  const back = state && !state.ok ? state.values : undefined;
  const form = useForm<TRejectRequestInput, unknown, TRejectRequest>({
    resolver: zodResolver(ZRejectRequest),
    defaultValues: {
      requestId,
      version,
      reason: typeof back?.reason === "string" ? back.reason : "",
      templateId: typeof back?.templateId === "string" ? back.templateId : "",
      saveAsTemplate: back?.saveAsTemplate === "on",
    },
    mode: "onTouched",
  });
  const fieldError = useFieldErrors(form, state);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget);
    return form.handleSubmit(() => startTransition(() => formAction(data)))(event);
  };
  const reasonError = fieldError("reason");
  const templateError = fieldError("templateId");

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      {templates.length > 0 && (
        <div>
          <label htmlFor="templateId" className="field-label">Шаблон причины</label>
          <select
            id="templateId"
            className="field-input"
            aria-describedby={templateError ? "templateId-error" : "templateId-hint"}
            defaultValue={typeof back?.templateId === "string" ? back.templateId : ""}
            {...form.register("templateId", {
              onChange: (e) => {
                const chosen = templates.find((t) => t.id === e.target.value);
                if (chosen) form.setValue("reason", chosen.text, { shouldValidate: true });
              },
            })}
          >
            <option value="">Без шаблона</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>{t.own ? `${t.text} (шаблон органа)` : t.text}</option>
            ))}
          </select>
          {templateError ? (
            <p id="templateId-error" className="field-error">{templateError}</p>
          ) : (
            <p id="templateId-hint" className="field-hint">Текст шаблона подставится в причину; его можно дополнить.</p>
          )}
        </div>
      )}
      <div>
        <label htmlFor="reason" className="field-label">Причина отклонения</label>
        <textarea
          id="reason"
          rows={4}
          className="field-input"
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? "reason-error" : "reason-hint"}
          defaultValue={typeof back?.reason === "string" ? back.reason : ""}
          {...form.register("reason")}
        />
        {reasonError ? (
          <p id="reason-error" className="field-error">{reasonError}</p>
        ) : (
          <p id="reason-hint" className="field-hint">Заявитель увидит её в заявке и в письме: напишите, что исправить.</p>
        )}
      </div>
      <label className="flex items-center gap-3">
        <input type="checkbox" className="h-5 w-5 accent-brand" defaultChecked={back?.saveAsTemplate === "on"} {...form.register("saveAsTemplate")} />
        Сохранить причину как шаблон органа
      </label>
      <ErrorBox message={state && !state.ok ? state.error : null} />
      <button type="submit" className="btn-danger" disabled={pending}>
        {pending ? "Отклоняем…" : "Отклонить"}
      </button>
    </form>
  );
}
