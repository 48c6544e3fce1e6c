// The big tables' rows written as HTML text (decision 081): what came from the database is text,
// never markup, and each row carries the marks the pages' tests and screen readers rely on.
import { describe, expect, it } from "vitest";
import { dashboardRowsHtml } from "@/app/monitoring/dashboard-rows";
import { queueRowsHtml } from "@/app/admin/requests/queue-rows";
import type { TDashboardRow } from "@/lib/status/dashboard";
import type { TQueueRow } from "@/lib/requests/review";

const HOSTILE = `Школа <script>alert("x")</script> & «Ко'лледж»`;
const ESCAPED = `Школа &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «Ко&#39;лледж»`;

const institution: TDashboardRow = {
  organizationId: "org-1",
  name: HOSTILE,
  fullName: HOSTILE,
  ogrn: "1027700000001",
  parentId: "organ-1",
  organName: `Управление "образования" <b>`,
  sphereIds: ["s2", "s1"],
  cabinetState: "APPROVED",
  lkoId: 42,
  accountsTotal: 3,
  accountsConfirmed: 2,
  accountsTrained: 1,
  expiredInvitations: 1,
  readyAccounts: true,
  readyResponsibles: false,
  readyTraining: false,
  readyToWork: false,
  readyPoints: 1,
  officialSite: "https://school.demo.test/",
  site: "GIVEN",
  widget: "MISSING",
  widgetDetail: null,
  siteCheck: null,
  missing: ["widget"],
  overall: "IN_PROGRESS",
  remindedAt: null,
  deadline: new Date("2026-12-01T00:00:00Z"),
  late: true,
  messagesReceived: 7,
  messagesAnswered: 5,
  messagesInTime: 4,
  messagesOverdue: 2,
  ratingAverage: 4.5,
};

describe("строки таблицы мониторинга", () => {
  const out = dashboardRowsHtml([institution], new Map([["s1", "Образование <i>"], ["s2", "Культура"]])).join("");

  it("название, учредитель и сферы — текст, не разметка; в том числе в скрытой подписи кнопки", () => {
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<b>");
    expect(out).not.toContain("<i>");
    expect(out).toContain(`<div data-testid="institution-name">${ESCAPED}</div>`);
    expect(out).toContain(`<span class="sr-only">: ${ESCAPED}</span>`);
    expect(out).toContain("<td>Управление &quot;образования&quot; &lt;b&gt;</td>");
    expect(out).toContain(">Культура, Образование &lt;i&gt;</div>");
  });

  it("строка несёт метки страницы: ОГРН, статус словом и значком, цифры сообщений, кнопку напоминания", () => {
    expect(out).toMatch(/^<tr data-testid="institution-row" data-ogrn="1027700000001"><th scope="row" class="row-head">/);
    expect(out).toContain(`<td data-testid="institution-status" data-status="IN_PROGRESS"><span class="status-badge bg-brand-light text-brand-dark"><span aria-hidden="true" class="glyph glyph-progress"></span><span>Подключение не завершено</span></span>`);
    expect(out).toContain('data-testid="missing">не выполнено: ');
    expect(out).toContain("ЛКО № 42");
    expect(out).toContain('<span data-testid="messages-received">7</span>');
    expect(out).toContain('<span data-testid="messages-in-time">4</span> из 5');
    expect(out).toContain('<div class="font-medium text-danger">просрочено сейчас: <span data-testid="messages-overdue">2</span>');
    expect(out).toContain('<span data-testid="messages-rating">4,5</span>');
    expect(out).toContain('<button type="submit" form="remind-one" name="organizationId" value="org-1" class="btn-secondary mt-1 px-3 py-1 text-sm">Напомнить');
  });

  it("подключённому не предлагают напомнить, без кабинета вместо цифр — прочерк", () => {
    const done = dashboardRowsHtml([{ ...institution, overall: "CONNECTED", cabinetState: "NONE", late: false, remindedAt: null }], new Map()).join("");
    expect(done).not.toContain("<button");
    expect(done).toContain('<td data-testid="institution-messages">—</td>');
    expect(done).toContain('<div class="cell-note">не напоминали</div>');
  });

  it("проверка сайта названа один раз: последняя — отдельной строкой, только если решила не она", () => {
    const checkedAt = new Date("2026-12-05T11:03:00Z");
    const decided = { ...institution, widget: "PLACED" as const, siteCheck: { outcome: "CORRECT" as const, checkedAt }, widgetDetail: { state: "placed" as const, check: { outcome: "CORRECT" as const, checkedAt, domain: "school.demo.test" }, seenOn: null, alsoOn: [] } };
    const once = dashboardRowsHtml([decided], new Map()).join("");
    expect(once.match(/проверка сайта/g)).toHaveLength(1);
    const unreachable = dashboardRowsHtml([{ ...decided, siteCheck: { outcome: "UNREACHABLE" as const, checkedAt: new Date("2026-12-06T11:03:00Z") } }], new Map()).join("");
    expect(unreachable.match(/проверка сайта/g)).toHaveLength(2);
    expect(unreachable).toContain("проверка сайта: сайт недоступен, ");
  });
});

describe("строки очереди заявок", () => {
  const request: TQueueRow = {
    id: "req-1",
    kind: "WORK",
    status: "PENDING",
    createdAt: new Date("2026-11-02T10:00:00Z"),
    decidedAt: null,
    currentRevision: 2,
    organization: { shortName: HOSTILE, ogrn: "1027700000002" },
    revision: { name: `Кабинет "<img src=x onerror=alert(1)>"`, type: "SUBORDINATE_OMSU", submittedAt: new Date("2026-11-20T10:00:00Z") },
  };
  const out = queueRowsHtml([request]).join("");

  it("название организации и кабинета — текст, не разметка", () => {
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<img");
    expect(out).toContain(`<a class="font-medium" href="/admin/requests/req-1">${ESCAPED}</a>`);
    expect(out).toContain("«Кабинет &quot;&lt;img src=x onerror=alert(1)&gt;&quot;»");
  });

  it("строка: ОГРН, редакция, повторная подача и статус словом и значком", () => {
    expect(out).toContain("ОГРН: 1027700000002");
    expect(out).toContain("<td>№ 2</td>");
    expect(out).toContain("повторно 20.11.2026");
    expect(out).toContain('<span class="status-badge bg-warning-light text-warning"><span aria-hidden="true" class="glyph glyph-clock"></span><span>На рассмотрении</span></span>');
  });
});
