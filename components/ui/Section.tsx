import type { ReactNode } from "react";

/** A card with its heading: the parts of a record's page. With `id`, the section is named by its heading. */
export function Section({ title, id, children, className = "" }: { title: ReactNode; id?: string; children: ReactNode; className?: string }) {
  return (
    <section className={`card space-y-3 ${className}`.trim()} aria-labelledby={id}>
      <h2 id={id} className="text-xl">{title}</h2>
      {children}
    </section>
  );
}
