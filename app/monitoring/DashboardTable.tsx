// The dashboard's table: one row per institution, and the column headers that sort it.
import Link from "next/link";
import { StatusBadge } from "@/components/status/StatusBadge";
import type { TDashboardRow } from "@/lib/status/dashboard";
import { CABINET_STATE, MISSING_SHORT, SITE_STATE, WIDGET_ICON, WIDGET_STATE, widgetSeenText } from "@/lib/status/model";
import { dashboardSearch, type TDashboardQuery, type TSortKey } from "@/lib/status/query";
import { formatDateTime, formatDay, formatNumber } from "@/lib/ui/format";
import { compareNatural } from "@/lib/db/natural-order";
import { SITE_CHECK_LABELS } from "@/lib/widget/site-verdict";
import { siteDomain } from "@/lib/functioning/official-site";
import { ROW_REMIND_FORM } from "./RemindForm";

export function Row({ row: r, spheres }: { row: TDashboardRow; spheres: Map<string, string> }) {
  const approved = r.cabinetState === "APPROVED";
  const seen = widgetSeenText(r.widgetDetail);
  return (
    <tr className="border-t border-line align-top" data-testid="institution-row" data-ogrn={r.ogrn}>
      <th scope="row" className="text-left font-medium">
        <span className="block" data-testid="institution-name">{r.name}</span>
        <span className="block text-xs font-normal text-muted">{`ОГРН ${r.ogrn}`}</span>
        {r.sphereIds.length > 0 && <span className="block text-xs font-normal text-muted">{r.sphereIds.map((id) => spheres.get(id) ?? id).sort(compareNatural).join(", ")}</span>}
      </th>
      <td data-testid="institution-status" data-status={r.overall}>
        <StatusBadge status={r.overall} />
        {r.late && <span className="mt-1 block text-xs font-medium text-danger">{`срок ${formatDay(r.deadline)} нарушен`}</span>}
        {r.missing.length > 0 && r.overall === "IN_PROGRESS" && (
          <span className="mt-1 block text-xs" data-testid="missing">{`не выполнено: ${r.missing.map((m) => MISSING_SHORT[m] ?? m).join(", ")}`}</span>
        )}
      </td>
      <td>{r.organName ?? "—"}</td>
      <td>
        {CABINET_STATE[r.cabinetState]}
        {r.lkoId !== null && <span className="block text-xs text-muted">{`ЛКО № ${r.lkoId}`}</span>}
      </td>
      <td>
        {approved ? (
          <>
            <span className="block">{`подтверждены: ${r.accountsConfirmed} из ${r.accountsTotal}`}</span>
            <span className="block">{`обучение: ${r.accountsTrained} из ${r.accountsConfirmed}`}</span>
          </>
        ) : "—"}
        {r.expiredInvitations > 0 && <span className="block text-xs text-danger">{`приглашение истекло: ${r.expiredInvitations}`}</span>}
      </td>
      <td>
        {approved ? `${r.readyPoints} из 4` : "—"}
      </td>
      <td>
        <span className="block [overflow-wrap:anywhere]">{r.officialSite ? siteDomain(r.officialSite) : SITE_STATE[r.site]}</span>
        <span className="block">
          <span aria-hidden="true">{`${WIDGET_ICON[r.widget]} `}</span>
          {`виджет: ${WIDGET_STATE[r.widget].toLowerCase()}`}
        </span>
        {seen && <span className="block text-xs text-muted">{seen}</span>}
        {r.siteCheck && (
          <span className="block text-xs text-muted">
            {`проверка сайта: ${SITE_CHECK_LABELS[r.siteCheck.outcome].toLowerCase()}, ${formatDateTime(r.siteCheck.checkedAt)}`}
          </span>
        )}
      </td>
      <td data-testid="institution-messages">
        {approved ? (
          <>
            <span className="block">сообщений: <span data-testid="messages-received">{r.messagesReceived}</span></span>
            <span className="block">отвечено в срок: <span data-testid="messages-in-time">{r.messagesInTime}</span>{` из ${r.messagesAnswered}`}</span>
            <span className={r.messagesOverdue > 0 ? "block font-medium text-danger" : "block"}>просрочено сейчас: <span data-testid="messages-overdue">{r.messagesOverdue}</span></span>
            <span className="block text-xs text-muted">
              средняя оценка: <span data-testid="messages-rating">{r.ratingAverage === null ? "оценок нет" : formatNumber(r.ratingAverage)}</span>
            </span>
          </>
        ) : "—"}
      </td>
      <td>
        {r.remindedAt ? <span className="block text-xs" data-testid="reminded-at">{formatDateTime(r.remindedAt)}</span> : <span className="block text-xs text-muted">не напоминали</span>}
        {r.overall !== "CONNECTED" && (
          // One form for every row (RowRemindForm above the table): the button names the institution.
          <button type="submit" form={ROW_REMIND_FORM} name="organizationId" value={r.organizationId} className="btn-secondary mt-1 px-3 py-1 text-sm">
            Напомнить<span className="sr-only">{`: ${r.name}`}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

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
