"use client";
// The region's answer deadlines per category and its production calendar, through the form kit.
import { deleteCalendarDayForm, saveCalendarDayForm, saveDeadlineForm } from "@/lib/messages/settings-actions";
import { MESSAGE_CATEGORIES } from "@/lib/messages/categories";
import { ZSaveCalendarDay, ZSaveDeadline } from "@/lib/messages/schemas";
import { ErrorList } from "@/components/forms/ErrorList";
import { Field } from "@/components/forms/Field";
import { useActionForm } from "@/components/forms/use-action-form";

function Done({ message }: { message: string | null | undefined }) {
  return message ? <p role="status" className="rounded-xl bg-success-light p-4 text-success">{message}</p> : null;
}

export function DeadlineForm() {
  const kit = useActionForm(saveDeadlineForm, { schema: ZSaveDeadline, defaults: { category: "", workingDays: "" } });
  return (
    <form {...kit.formProps} className="space-y-3">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="deadline-category" label="Категория" error={kit.errorOf("category")}>
          {(aria) => (
            <select {...aria} className="field-input" {...kit.input("category")}>
              <option value="">Выберите категорию</option>
              {MESSAGE_CATEGORIES.map((c) => <option key={c.code} value={c.code}>{c.label}</option>)}
            </select>
          )}
        </Field>
        <Field id="deadline-days" label="Срок ответа, рабочих дней" hint="От 1 до 60." error={kit.errorOf("workingDays")}>
          {(aria) => <input {...aria} type="number" min={1} max={60} inputMode="numeric" className="field-input" {...kit.input("workingDays")} />}
        </Field>
      </div>
      <ErrorList errors={kit.formError} form />
      <Done message={kit.message} />
      <button type="submit" className="btn-primary" disabled={kit.pending}>Сохранить срок</button>
    </form>
  );
}

export function CalendarDayForm() {
  const kit = useActionForm(saveCalendarDayForm, { schema: ZSaveCalendarDay, defaults: { day: "", working: "", note: "" } });
  return (
    <form {...kit.formProps} className="space-y-3">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="calendar-day" label="Дата" error={kit.errorOf("day")}>
          {(aria) => <input {...aria} type="date" className="field-input" {...kit.input("day")} />}
        </Field>
        <Field id="calendar-working" label="Этот день" error={kit.errorOf("working")}>
          {(aria) => (
            <select {...aria} className="field-input" {...kit.input("working")}>
              <option value="">Выберите</option>
              <option value="rest">Выходной (праздник, перенос)</option>
              <option value="work">Рабочий (рабочая суббота)</option>
            </select>
          )}
        </Field>
        <Field id="calendar-note" label="Основание" error={kit.errorOf("note")}>
          {(aria) => <input {...aria} className="field-input" {...kit.input("note")} />}
        </Field>
      </div>
      <ErrorList errors={kit.formError} form />
      <Done message={kit.message} />
      <button type="submit" className="btn-primary" disabled={kit.pending}>Сохранить день</button>
    </form>
  );
}

export function DeleteCalendarDayForm({ day, label }: { day: string; label: string }) {
  const kit = useActionForm(deleteCalendarDayForm, { defaults: { day } });
  return (
    <form {...kit.formProps}>
      <input type="hidden" {...kit.input("day")} />
      <ErrorList errors={kit.formError} form />
      <button type="submit" className="btn-secondary px-3 py-1" disabled={kit.pending} aria-label={`Убрать ${label} из календаря`}>Убрать</button>
    </form>
  );
}
