"use client";
// The forms of the message card, one per transition (lib/messages/workflow.ts). Each carries the
// message's version: a change made meanwhile by someone else is reported, not overwritten. They
// work without JavaScript (a plain post renders the page again with the answer and what was typed).
import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import {
  acceptMessageForm, answerForm, approveAnswerForm, assignExecutorForm, categorizeMessageForm, decideExtensionForm, redirectMessageForm,
  rejectMessageForm, requestExtensionForm, returnAnswerForm,
} from "@/lib/messages/actions";
import { MESSAGE_CATEGORIES } from "@/lib/messages/categories";
import type { FormAction } from "@/lib/actions/define-action";
import { ErrorList } from "@/components/forms/ErrorList";
import { Field } from "@/components/forms/Field";
import { useActionForm } from "@/components/forms/use-action-form";
import { MESSAGE_REJECTION, MESSAGE_RESOLUTION } from "@/lib/ui/strings";

interface TRef {
  messageId: string;
  version: number;
}

type TKit = ReturnType<typeof useActionForm<unknown, FieldValues>>;

function TransitionForm<T>({ action, refs, defaults = {}, button, tone = "primary", children }: {
  action: FormAction<T>;
  refs: TRef;
  defaults?: FieldValues;
  button: ReactNode;
  tone?: "primary" | "secondary" | "danger";
  children?: (kit: TKit) => ReactNode;
}) {
  // The success's data is not read here: only its message.
  const kit = useActionForm(action as unknown as FormAction<unknown>, { defaults });
  return (
    <form {...kit.formProps} className="space-y-3">
      <input type="hidden" name="messageId" value={refs.messageId} />
      <input type="hidden" name="version" value={refs.version} />
      {children?.(kit)}
      <ErrorList errors={kit.formError} form />
      {kit.message ? <p role="status" className="rounded-xl bg-success-light p-4 text-success">{kit.message}</p> : null}
      <button type="submit" className={`btn-${tone}`} disabled={kit.pending}>{button}</button>
    </form>
  );
}

export function AcceptForm(refs: TRef) {
  return <TransitionForm action={acceptMessageForm} refs={refs} button="Принять" />;
}

export function RejectForm(refs: TRef) {
  return (
    <TransitionForm action={rejectMessageForm} refs={refs} defaults={{ rejection: "", reason: "" }} button="Отклонить" tone="danger">
      {({ errorOf, input }) => (
        <>
          <Field id="rejection" label="Причина отклонения" error={errorOf("rejection")}>
            {(aria) => (
              <select {...aria} className="field-input" {...input("rejection")}>
                <option value="">Выберите причину</option>
                {Object.entries(MESSAGE_REJECTION).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
              </select>
            )}
          </Field>
          <Field id="reject-reason" label="Пояснение" error={errorOf("reason")}>
            {(aria) => <textarea {...aria} rows={2} className="field-input" {...input("reason")} />}
          </Field>
        </>
      )}
    </TransitionForm>
  );
}

export function CategorizeForm({ category, subcategory, ...refs }: TRef & { category: string; subcategory: string | null }) {
  return (
    <TransitionForm action={categorizeMessageForm} refs={refs} defaults={{ category, subcategory: subcategory ?? "" }} button="Сохранить категорию" tone="secondary">
      {({ errorOf, input }) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="category" label="Категория" error={errorOf("category")}>
            {(aria) => (
              <select {...aria} className="field-input" {...input("category")}>
                {MESSAGE_CATEGORIES.map((c) => <option key={c.code} value={c.code}>{c.label}</option>)}
              </select>
            )}
          </Field>
          <Field id="subcategory" label="Подкатегория" hint="Из списка выбранной категории." error={errorOf("subcategory")}>
            {(aria) => (
              <select {...aria} className="field-input" {...input("subcategory")}>
                <option value="">Не выбрана</option>
                {MESSAGE_CATEGORIES.map((c) => (
                  <optgroup key={c.code} label={c.label}>
                    {c.subcategories.map((s) => <option key={s} value={s}>{s}</option>)}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
    </TransitionForm>
  );
}

export function AssignForm({ executors, current, ...refs }: TRef & { executors: Array<{ id: string; name: string; position: string }>; current: string | null }) {
  return (
    <TransitionForm action={assignExecutorForm} refs={refs} defaults={{ executorId: current ?? "" }} button="Назначить исполнителя">
      {({ errorOf, input }) => (
        <Field id="executorId" label="Исполнитель" error={errorOf("executorId")} hint={executors.length === 0 ? "В кабинете нет исполнителей: администратор ЛКО назначает роль «Исполнитель» в «Учетных записях»." : undefined}>
          {(aria) => (
            <select {...aria} className="field-input" {...input("executorId")}>
              <option value="">Выберите исполнителя</option>
              {executors.map((e) => <option key={e.id} value={e.id}>{e.name}, {e.position}</option>)}
            </select>
          )}
        </Field>
      )}
    </TransitionForm>
  );
}

export function RedirectForm({ targets, ...refs }: TRef & { targets: Array<{ id: string; name: string; lkoId: number; direction: "DOWN" | "UP" }> }) {
  const down = targets.filter((t) => t.direction === "DOWN");
  const up = targets.filter((t) => t.direction === "UP");
  return (
    <TransitionForm action={redirectMessageForm} refs={refs} defaults={{ targetCabinetId: "", reason: "" }} button="Перенаправить" tone="secondary">
      {({ errorOf, input }) => (
        <>
          <Field id="targetCabinetId" label="Куда направить" error={errorOf("targetCabinetId")}>
            {(aria) => (
              <select {...aria} className="field-input" {...input("targetCabinetId")}>
                <option value="">Выберите организацию</option>
                {down.length > 0 ? <optgroup label="В подведомственную организацию">{down.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</optgroup> : null}
                {up.length > 0 ? <optgroup label="В вышестоящую организацию">{up.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</optgroup> : null}
              </select>
            )}
          </Field>
          <Field id="redirect-reason" label="Причина" hint="Её увидят в организации, куда уйдёт сообщение." error={errorOf("reason")}>
            {(aria) => <textarea {...aria} rows={2} className="field-input" {...input("reason")} />}
          </Field>
        </>
      )}
    </TransitionForm>
  );
}

export function AnswerForm({ answerText, resolution, templates, ...refs }: TRef & { answerText: string | null; resolution: string | null; templates: Array<{ id: string; title: string }> }) {
  const { errorOf, input, formError, message, pending, formProps } = useActionForm(answerForm, { defaults: { answerText: answerText ?? "", resolution: resolution ?? "", templateId: "" } });
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="messageId" value={refs.messageId} />
      <input type="hidden" name="version" value={refs.version} />
      {templates.length > 0 ? (
        <div className="flex flex-wrap items-end gap-3">
          <Field id="templateId" label="Шаблон ответа" className="grow" error={errorOf("templateId")}>
            {(aria) => (
              <select {...aria} className="field-input" {...input("templateId")}>
                <option value="">Выберите шаблон</option>
                {templates.map((t) => <option key={t.id} value={t.id}>{t.title}</option>)}
              </select>
            )}
          </Field>
          <button type="submit" name="intent" value="template" className="btn-secondary" disabled={pending}>Вставить шаблон</button>
        </div>
      ) : null}
      <Field id="answerText" label="Ответ заявителю" hint="Заявитель получит его на электронную почту после утверждения руководителем." error={errorOf("answerText")}>
        {(aria) => <textarea {...aria} rows={8} className="field-input" {...input("answerText")} />}
      </Field>
      <Field id="resolution" label="Тип решения" error={errorOf("resolution")}>
        {(aria) => (
          <select {...aria} className="field-input" {...input("resolution")}>
            <option value="">Выберите тип решения</option>
            {Object.entries(MESSAGE_RESOLUTION).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        )}
      </Field>
      <ErrorList errors={formError} form />
      {message ? <p role="status" className="rounded-xl bg-success-light p-4 text-success">{message}</p> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="submit" className="btn-primary" disabled={pending}>Отправить на согласование</button>
        <button type="submit" name="intent" value="draft" className="btn-secondary" disabled={pending}>Сохранить черновик</button>
      </div>
    </form>
  );
}

export function ExtensionRequestForm(refs: TRef) {
  return (
    <TransitionForm action={requestExtensionForm} refs={refs} defaults={{ until: "", reason: "" }} button="Запросить перенос срока" tone="secondary">
      {({ errorOf, input }) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="until" label="Новый срок" hint="Рабочий день по производственному календарю." error={errorOf("until")}>
            {(aria) => <input {...aria} type="date" className="field-input" {...input("until")} />}
          </Field>
          <Field id="extension-reason" label="Причина переноса" error={errorOf("reason")}>
            {(aria) => <textarea {...aria} rows={2} className="field-input" {...input("reason")} />}
          </Field>
        </div>
      )}
    </TransitionForm>
  );
}

export function DecideExtensionForm(refs: TRef) {
  const { errorOf, input, formError, message, pending, formProps } = useActionForm(decideExtensionForm, { defaults: { comment: "" } });
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="messageId" value={refs.messageId} />
      <input type="hidden" name="version" value={refs.version} />
      <Field id="extension-comment" label="Комментарий" mark="optional" error={errorOf("comment")}>
        {(aria) => <textarea {...aria} rows={2} className="field-input" {...input("comment")} />}
      </Field>
      <ErrorList errors={formError} form />
      {message ? <p role="status" className="rounded-xl bg-success-light p-4 text-success">{message}</p> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value="approve" className="btn-primary" disabled={pending}>Утвердить перенос срока</button>
        <button type="submit" name="decision" value="decline" className="btn-secondary" disabled={pending}>Отклонить перенос</button>
      </div>
    </form>
  );
}

export function ApproveForm(refs: TRef) {
  return <TransitionForm action={approveAnswerForm} refs={refs} button="Утвердить и направить заявителю" />;
}

export function ReturnForm(refs: TRef) {
  return (
    <TransitionForm action={returnAnswerForm} refs={refs} defaults={{ comment: "" }} button="Вернуть на доработку" tone="secondary">
      {({ errorOf, input }) => (
        <Field id="return-comment" label="Что исправить" error={errorOf("comment")}>
          {(aria) => <textarea {...aria} rows={3} className="field-input" {...input("comment")} />}
        </Field>
      )}
    </TransitionForm>
  );
}
