// The queue's rows written as HTML text (decision 081): a page of fifty requests passes through
// React's payload as one string. The markup is what the React rows were; the organization's name
// links to the request's card with a plain link (components/ui/HtmlRows.tsx puts it into the table).
import { requestStatusBadgeHtml } from "@/components/requests/RequestStatusBadge";
import type { TQueueRow } from "@/lib/requests/review";
import { formatDate } from "@/lib/ui/format";
import { html, type SafeHtml } from "@/lib/ui/html";
import { CABINET_KIND, CABINET_TYPE } from "@/lib/ui/strings";

export function queueRowsHtml(rows: TQueueRow[]): SafeHtml[] {
  return rows.map(
    (r) =>
      html`<tr><td><a class="font-medium" href="/admin/requests/${r.id}">${r.organization.shortName}</a><div class="cell-sub">ОГРН: ${r.organization.ogrn}</div></td><td>${CABINET_KIND[r.kind]}<div class="cell-sub">«${r.revision?.name ?? ""}»</div></td><td>${
        r.revision ? CABINET_TYPE[r.revision.type] : "—"
      }</td><td>${formatDate(r.createdAt)}${
        r.currentRevision > 1 && r.revision && html`<div class="cell-sub">повторно ${formatDate(r.revision.submittedAt)}</div>`
      }</td><td>№ ${r.currentRevision}</td><td>${requestStatusBadgeHtml(r.status)}</td></tr>`,
  );
}
