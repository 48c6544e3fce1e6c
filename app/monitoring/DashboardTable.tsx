// The dashboard table's column headers that sort it (the rows are text: ./dashboard-rows.ts).
import Link from "next/link";
import { dashboardSearch, type TDashboardQuery, type TSortKey } from "@/lib/status/query";

export function SortHeader({ query, sort, children, className = "" }: { query: TDashboardQuery; sort: TSortKey; children: string; className?: string }) {
  const active = query.sort === sort;
  const nextDir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className={`p-2 ${className}`} aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={`/monitoring${dashboardSearch(query, { sort, dir: nextDir, page: 1 })}`} className="font-semibold">
        {children}
        {active && <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span>}
        <span className="sr-only">{active ? (query.dir === "asc" ? ", по возрастанию" : ", по убыванию") : ", сортировать"}</span>
      </Link>
    </th>
  );
}
