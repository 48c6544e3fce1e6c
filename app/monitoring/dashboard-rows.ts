// The dashboard table's rows, one per institution, written as HTML text (decision 081: fifty wide
// rows cost more to pass through React's payload than everything else on the page). The markup is
// what the React row was; components/ui/HtmlRows.tsx puts it into the table.
import type { TDashboardRow } from "@/lib/status/dashboard";
import { CABINET_STATE, MISSING_SHORT, OVERALL, OVERALL_LOOK, SITE_STATE, WIDGET_ICON, WIDGET_STATE, widgetSeenText } from "@/lib/status/model";
import { formatDateTime, formatDay, formatNumber } from "@/lib/ui/format";
import { html, type SafeHtml } from "@/lib/ui/html";
import { statusBadgeHtml } from "@/lib/ui/status-html";
import { compareNatural } from "@/lib/db/natural-order";
import { SITE_CHECK_LABELS } from "@/lib/widget/site-verdict";
import { siteDomain } from "@/lib/functioning/official-site";
import { ROW_REMIND_FORM } from "./row-remind";

export function dashboardRowsHtml(rows: TDashboardRow[], spheres: Map<string, string>): SafeHtml {
  return html`${rows.map((r) => row(r, spheres))}`;
}

function row(r: TDashboardRow, spheres: Map<string, string>): SafeHtml {
  const approved = r.cabinetState === "APPROVED";
  const seen = widgetSeenText(r.widgetDetail);
  return html`<tr class="border-t border-line align-top" data-testid="institution-row" data-ogrn="${r.ogrn}"><th scope="row" class="text-left font-medium"><span class="block" data-testid="institution-name">${r.name}</span><span class="block text-xs font-normal text-muted">ОГРН ${r.ogrn}</span>${
    r.sphereIds.length > 0 && html`<span class="block text-xs font-normal text-muted">${r.sphereIds.map((id) => spheres.get(id) ?? id).sort(compareNatural).join(", ")}</span>`
  }</th><td data-testid="institution-status" data-status="${r.overall}">${statusBadgeHtml(OVERALL_LOOK[r.overall], OVERALL[r.overall].label)}${
    r.late && html`<span class="mt-1 block text-xs font-medium text-danger">срок ${formatDay(r.deadline)} нарушен</span>`
  }${
    r.missing.length > 0 && r.overall === "IN_PROGRESS" && html`<span class="mt-1 block text-xs" data-testid="missing">не выполнено: ${r.missing.map((m) => MISSING_SHORT[m] ?? m).join(", ")}</span>`
  }</td><td>${r.organName ?? "—"}</td><td>${CABINET_STATE[r.cabinetState]}${r.lkoId !== null && html`<span class="block text-xs text-muted">ЛКО № ${r.lkoId}</span>`}</td><td>${
    approved ? html`<span class="block">подтверждены: ${r.accountsConfirmed} из ${r.accountsTotal}</span><span class="block">обучение: ${r.accountsTrained} из ${r.accountsConfirmed}</span>` : "—"
  }${r.expiredInvitations > 0 && html`<span class="block text-xs text-danger">приглашение истекло: ${r.expiredInvitations}</span>`}</td><td>${approved ? `${r.readyPoints} из 4` : "—"}</td><td><span class="block [overflow-wrap:anywhere]">${
    r.officialSite ? siteDomain(r.officialSite) : SITE_STATE[r.site]
  }</span><span class="block"><span aria-hidden="true">${WIDGET_ICON[r.widget]} </span>виджет: ${WIDGET_STATE[r.widget].toLowerCase()}</span>${seen && html`<span class="block text-xs text-muted">${seen}</span>`}${
    r.siteCheck && html`<span class="block text-xs text-muted">проверка сайта: ${SITE_CHECK_LABELS[r.siteCheck.outcome].toLowerCase()}, ${formatDateTime(r.siteCheck.checkedAt)}</span>`
  }</td><td data-testid="institution-messages">${
    approved
      ? html`<span class="block">сообщений: <span data-testid="messages-received">${r.messagesReceived}</span></span><span class="block">отвечено в срок: <span data-testid="messages-in-time">${r.messagesInTime}</span> из ${r.messagesAnswered}</span><span class="${r.messagesOverdue > 0 ? "block font-medium text-danger" : "block"}">просрочено сейчас: <span data-testid="messages-overdue">${r.messagesOverdue}</span></span><span class="block text-xs text-muted">средняя оценка: <span data-testid="messages-rating">${r.ratingAverage === null ? "оценок нет" : formatNumber(r.ratingAverage)}</span></span>`
      : "—"
  }</td><td>${
    r.remindedAt ? html`<span class="block text-xs" data-testid="reminded-at">${formatDateTime(r.remindedAt)}</span>` : html`<span class="block text-xs text-muted">не напоминали</span>`
  }${
    // One form for every row (RowRemindForm above the table): the button names the institution.
    r.overall !== "CONNECTED" && html`<button type="submit" form="${ROW_REMIND_FORM}" name="organizationId" value="${r.organizationId}" class="btn-secondary mt-1 px-3 py-1 text-sm">Напомнить<span class="sr-only">: ${r.name}</span></button>`
  }</td></tr>`;
}
