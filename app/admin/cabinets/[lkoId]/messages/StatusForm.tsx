"use client";
import { setMessageStatusForm } from "@/lib/messages/actions";
import { ErrorList } from "@/components/forms/ErrorList";
import { useActionForm } from "@/components/forms/use-action-form";

const NEXT: Record<string, Array<{ to: string; label: string }>> = {
  NEW: [{ to: "IN_PROGRESS", label: "Взять в работу" }, { to: "ANSWERED", label: "Отметить «Ответ дан»" }],
  IN_PROGRESS: [{ to: "ANSWERED", label: "Отметить «Ответ дан»" }],
  ANSWERED: [{ to: "IN_PROGRESS", label: "Вернуть в работу" }],
};

export function StatusForm({ messageId, status }: { messageId: string; status: string }) {
  const { pending, formError, formProps } = useActionForm(setMessageStatusForm);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-3">
        {NEXT[status]?.map((n, i) => (
          <form key={n.to} {...formProps}>
            <input type="hidden" name="messageId" value={messageId} />
            <input type="hidden" name="from" value={status} />
            <input type="hidden" name="to" value={n.to} />
            <button type="submit" className={i === 0 ? "btn-primary" : "btn-secondary"} disabled={pending}>{n.label}</button>
          </form>
        ))}
      </div>
      <ErrorList errors={formError} form />
    </div>
  );
}
