"use client";
// The cabinet's message settings: answer templates (add, edit, delete) and auto-rules «категория →
// исполнитель». Through the form kit; they work without JavaScript.
import { deleteAutoRuleForm, deleteTemplateForm, saveAutoRuleForm, saveTemplateForm } from "@/lib/messages/settings-actions";
import { MESSAGE_CATEGORIES } from "@/lib/messages/categories";
import { ZSaveAutoRule, ZSaveTemplate } from "@/lib/messages/schemas";
import { ErrorList } from "@/components/forms/ErrorList";
import { Field } from "@/components/forms/Field";
import { useActionForm } from "@/components/forms/use-action-form";

function Done({ message }: { message: string | null | undefined }) {
  return message ? <p role="status" className="rounded-xl bg-success-light p-4 text-success">{message}</p> : null;
}

export function TemplateForm({ cabinetId, template }: { cabinetId: string; template?: { id: string; title: string; text: string } }) {
  const kit = useActionForm(saveTemplateForm, { schema: ZSaveTemplate, defaults: { cabinetId, templateId: template?.id ?? "", title: template?.title ?? "", text: template?.text ?? "" } });
  const p = template ? `t-${template.id}` : "t-new";
  return (
    <form {...kit.formProps} className="space-y-3">
      <input type="hidden" {...kit.input("cabinetId")} />
      <input type="hidden" {...kit.input("templateId")} />
      <Field id={`${p}-title`} label="Название шаблона" error={kit.errorOf("title")}>
        {(aria) => <input {...aria} className="field-input" {...kit.input("title")} />}
      </Field>
      <Field id={`${p}-text`} label="Текст ответа" error={kit.errorOf("text")}>
        {(aria) => <textarea {...aria} rows={4} className="field-input" {...kit.input("text")} />}
      </Field>
      <ErrorList errors={kit.formError} form />
      <Done message={kit.message} />
      <button type="submit" className="btn-primary" disabled={kit.pending}>{template ? "Сохранить шаблон" : "Добавить шаблон"}</button>
    </form>
  );
}

export function DeleteTemplateForm({ templateId, title }: { templateId: string; title: string }) {
  const kit = useActionForm(deleteTemplateForm, { defaults: { templateId } });
  return (
    <form {...kit.formProps}>
      <input type="hidden" {...kit.input("templateId")} />
      <ErrorList errors={kit.formError} form />
      <button type="submit" className="btn-danger" disabled={kit.pending} aria-label={`Удалить шаблон «${title}»`}>Удалить</button>
    </form>
  );
}

export function AutoRuleForm({ cabinetId, executors }: { cabinetId: string; executors: Array<{ id: string; name: string }> }) {
  const kit = useActionForm(saveAutoRuleForm, { schema: ZSaveAutoRule, defaults: { cabinetId, category: "", executorId: "" } });
  return (
    <form {...kit.formProps} className="space-y-3">
      <input type="hidden" {...kit.input("cabinetId")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="rule-category" label="Категория" error={kit.errorOf("category")}>
          {(aria) => (
            <select {...aria} className="field-input" {...kit.input("category")}>
              <option value="">Выберите категорию</option>
              {MESSAGE_CATEGORIES.map((c) => <option key={c.code} value={c.code}>{c.label}</option>)}
            </select>
          )}
        </Field>
        <Field id="rule-executor" label="Исполнитель" error={kit.errorOf("executorId")} hint={executors.length === 0 ? "В кабинете нет исполнителей: назначьте роль «Исполнитель» в «Учетных записях»." : undefined}>
          {(aria) => (
            <select {...aria} className="field-input" {...kit.input("executorId")}>
              <option value="">Выберите исполнителя</option>
              {executors.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
            </select>
          )}
        </Field>
      </div>
      <ErrorList errors={kit.formError} form />
      <Done message={kit.message} />
      <button type="submit" className="btn-primary" disabled={kit.pending}>Сохранить правило</button>
    </form>
  );
}

export function DeleteAutoRuleForm({ ruleId, label }: { ruleId: string; label: string }) {
  const kit = useActionForm(deleteAutoRuleForm, { defaults: { ruleId } });
  return (
    <form {...kit.formProps}>
      <input type="hidden" {...kit.input("ruleId")} />
      <ErrorList errors={kit.formError} form />
      <button type="submit" className="btn-danger" disabled={kit.pending} aria-label={`Удалить правило «${label}»`}>Удалить</button>
    </form>
  );
}
