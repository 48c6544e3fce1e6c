// A labelled field: the label, the control, its hint and its message, tied together by ids
// (`<id>-hint`, `<id>-error`) so that a screen reader reads them with the control.
import type { ReactNode } from "react";
import { ErrorList } from "./ErrorList";

export interface TFieldAria {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** The aria attributes of a control with this id, hint and message. */
export function fieldAria(id: string, { hint, error }: { hint?: ReactNode; error?: string | null }): TFieldAria {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined };
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** A star for a required field, «(необязательно)» for an optional one, nothing when the form says neither. */
  mark?: "required" | "optional";
  className?: string;
  /** The control; as a function it gets the aria attributes to spread on it. */
  children: ReactNode | ((aria: TFieldAria) => ReactNode);
}

export function Field({ id, label, hint, error, mark, className, children }: FieldProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
        {mark === "required" ? <> <span className="text-danger" aria-hidden="true">*</span></> : null}
        {mark === "optional" ? <> <span className="text-sm font-normal text-muted">(необязательно)</span></> : null}
      </label>
      {typeof children === "function" ? children(fieldAria(id, { hint, error })) : children}
      {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
      <ErrorList id={`${id}-error`} errors={error} />
    </div>
  );
}
