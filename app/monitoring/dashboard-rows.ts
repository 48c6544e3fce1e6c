// The dashboard table's rows, one per institution, written as HTML text (decision 081: fifty wide
// rows cost more to pass through React's payload than everything else on the page). The markup is
// what the React row was, with shorter class names (the «cell-…» utilities in app/globals.css) and
// <div> for the lines of a cell; components/ui/HtmlRows.tsx puts it into the table.
import type { TDashboardRow } from "@/lib/status/dashboard";
import { CABINET_STATE, MISSING_SHORT, OVERALL, OVERALL_LOOK, SITE_STATE, WIDGET_ICON, WIDGET_STATE, widgetSeenText } from "@/lib/status/model";
import { formatDateTime, formatDay, formatNumber } from "@/lib/ui/format";
import { html, type SafeHtml } from "@/lib/ui/html";
import { statusBadgeHtml } from "@/lib/ui/status-html";
import { compareNatural } from "@/lib/db/natural-order";
import { SITE_CHECK_LABELS } from "@/lib/widget/site-verdict";
import { siteDomain } from "@/lib/functioning/official-site";
import { ROW_REMIND_FORM } from "./row-remind";

export function dashboardRowsHtml(rows: TDashboardRow[], spheres: Map<string, string>): SafeHtml[] {
  return rows.map((r) => row(r, spheres));
}

function row(r: TDashboardRow, spheres: Map<string, string>): SafeHtml {
  const approved = r.cabinetState === "APPROVED";
  const seen = widgetSeenText(r.widgetDetail);
  return html`<tr data-testid="institution-row" data-ogrn="${r.ogrn}"><th scope="row" class="row-head"><div data-testid="institution-name">${r.name}</div><div class="cell-note">ОГРН ${r.ogrn}</div>${
    r.sphereIds.length > 0 && html`<div class="cell-note">${r.sphereIds.map((id) => spheres.get(id) ?? id).sort(compareNatural).join(", ")}</div>`
  }</th><td data-testid="institution-status" data-status="${r.overall}">${statusBadgeHtml(OVERALL_LOOK[r.overall], OVERALL[r.overall].label)}${
    r.late && html`<div class="cell-late">срок ${formatDay(r.deadline)} нарушен</div>`
  }${
    r.missing.length > 0 && r.overall === "IN_PROGRESS" && html`<div class="mt-1 text-xs" data-testid="missing">не выполнено: ${r.missing.map((m) => MISSING_SHORT[m] ?? m).join(", ")}</div>`
  }</td><td>${r.organName ?? "—"}</td><td>${CABINET_STATE[r.cabinetState]}${r.lkoId !== null && html`<div class="cell-note">ЛКО № ${r.lkoId}</div>`}</td><td>${
    approved ? html`<div>подтверждены: ${r.accountsConfirmed} из ${r.accountsTotal}</div><div>обучение: ${r.accountsTrained} из ${r.accountsConfirmed}</div>` : "—"
  }${r.expiredInvitations > 0 && html`<div class="text-xs text-danger">приглашение истекло: ${r.expiredInvitations}</div>`}</td><td>${approved ? `${r.readyPoints} из 4` : "—"}</td><td><div class="cell-wrap">${
    r.officialSite ? siteDomain(r.officialSite) : SITE_STATE[r.site]
  }</div><div><span aria-hidden="true">${WIDGET_ICON[r.widget]} </span>виджет: ${WIDGET_STATE[r.widget].toLowerCase()}</div>${seen && html`<div class="cell-note">${seen}</div>`}${
    // The latest check, when it is not the one the line above already names (e.g. «сайт недоступен» after it).
    r.siteCheck && r.siteCheck.checkedAt.getTime() !== r.widgetDetail?.check?.checkedAt.getTime() && html`<div class="cell-note">проверка сайта: ${SITE_CHECK_LABELS[r.siteCheck.outcome].toLowerCase()}, ${formatDateTime(r.siteCheck.checkedAt)}</div>`
  }</td><td data-testid="institution-messages">${
    approved
      ? html`<div>сообщений: <span data-testid="messages-received">${r.messagesReceived}</span></div><div>отвечено в срок: <span data-testid="messages-in-time">${r.messagesInTime}</span> из ${r.messagesAnswered}</div>${r.messagesOverdue > 0 ? html`<div class="font-medium text-danger">` : html`<div>`}просрочено сейчас: <span data-testid="messages-overdue">${r.messagesOverdue}</span></div><div class="cell-note">средняя оценка: <span data-testid="messages-rating">${r.ratingAverage === null ? "оценок нет" : formatNumber(r.ratingAverage)}</span></div>`
      : "—"
  }</td><td>${
    r.remindedAt ? html`<div class="text-xs" data-testid="reminded-at">${formatDateTime(r.remindedAt)}</div>` : html`<div class="cell-note">не напоминали</div>`
  }${
    // One form for every row (RowRemindForm above the table): the button names the institution.
    r.overall !== "CONNECTED" && html`<button type="submit" form="${ROW_REMIND_FORM}" name="organizationId" value="${r.organizationId}" class="btn-secondary mt-1 px-3 py-1 text-sm">Напомнить<span class="sr-only">: ${r.name}</span></button>`
  }</td></tr>`;
}
