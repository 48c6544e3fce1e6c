import Link from "next/link";
import type { NavItem } from "@/lib/access/navigation";

export function PortalNav({ items }: { items: NavItem[] }) {
  if (items.length === 0) return null;
  return (
    <nav aria-label="Разделы" className="border-b border-line bg-white">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-1 px-4 py-2 text-sm font-medium">
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="inline-flex items-center gap-2 py-1">
              {item.label}
              {item.count ? (
                <span className="rounded-full bg-danger px-2 text-xs font-bold text-white" aria-label={`ожидают: ${item.count}`}>
                  {item.count}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
