"use client";
import { useActionState } from "react";
import { setMessageStatusForm } from "@/lib/messages/actions";

const NEXT: Record<string, Array<{ to: string; label: string }>> = {
  NEW: [{ to: "IN_PROGRESS", label: "Взять в работу" }, { to: "ANSWERED", label: "Отметить «Ответ дан»" }],
  IN_PROGRESS: [{ to: "ANSWERED", label: "Отметить «Ответ дан»" }],
  ANSWERED: [{ to: "IN_PROGRESS", label: "Вернуть в работу" }],
};

export function StatusForm({ messageId, status }: { messageId: string; status: string }) {
  const [state, formAction, pending] = useActionState(setMessageStatusForm, null);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-3">
        {NEXT[status]?.map((n, i) => (
          <form key={n.to} action={formAction}>
            <input type="hidden" name="messageId" value={messageId} />
            <input type="hidden" name="from" value={status} />
            <input type="hidden" name="to" value={n.to} />
            <button type="submit" className={i === 0 ? "btn-primary" : "btn-secondary"} disabled={pending}>{n.label}</button>
          </form>
        ))}
      </div>
      {state && !state.ok ? <p className="field-error" role="alert">{state.error}</p> : null}
    </div>
  );
}
