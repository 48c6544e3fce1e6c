import Link from "next/link";

/** «← Назад к …»: the way up from a nested page, at its top, worded the same everywhere. */
export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <p className="text-sm">
      <Link href={href} className="inline-flex items-center gap-1 font-medium">
        <span aria-hidden="true">←</span> {children}
      </Link>
    </p>
  );
}
