// A form's or a field's messages: nothing when there are none, a sentence for one, a list for
// several. The form's own refusal is an alert in a box; a field's sits under the field, named by
// its aria-describedby.
import type { ReactNode } from "react";

export function ErrorList({ id, errors, form = false, className = "" }: { id?: string; errors: Array<ReactNode | null | undefined> | ReactNode | null | undefined; form?: boolean; className?: string }) {
  const list = (Array.isArray(errors) ? errors : [errors]).filter((e): e is ReactNode => e !== null && e !== undefined && e !== "" && e !== false);
  if (list.length === 0) return null;
  const look = form ? `rounded-xl bg-danger-light p-4 text-danger ${className}` : `field-error ${className}`;
  const role = form ? "alert" : undefined;
  if (list.length === 1) {
    return <p id={id} className={look.trim()} role={role}>{list[0]}</p>;
  }
  return (
    <ul id={id} className={`${look} list-disc pl-6`.trim()} role={role}>
      {list.map((e, i) => <li key={i}>{e}</li>)}
    </ul>
  );
}
