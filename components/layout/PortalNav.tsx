"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "@/lib/access/navigation";
import { NAV } from "@/lib/ui/strings";

/** The sections a signed-in person can use; the current one is marked for eyes and screen readers. */
export function PortalNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname() ?? "/";
  if (items.length === 0) return null;
  // The longest matching section is the current one (/admin/requests is «Заявки», not «Администрирование ЛКО»).
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={NAV.sectionsLabel} className="border-b border-line bg-white">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 px-4 font-medium">
        {items.map((item) => {
          const active = item.href === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`inline-flex items-center gap-2 border-b-4 py-3 no-underline hover:no-underline ${active ? "border-brand text-ink" : "border-transparent hover:border-line"}`}
              >
                {item.label}
                {item.count ? (
                  // role="img": a named badge (a plain span may not carry aria-label).
                  <span role="img" aria-label={`ожидают: ${item.count}`} className="rounded-full bg-danger px-2 text-xs font-bold text-white">
                    {item.count}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
