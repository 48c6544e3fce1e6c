// The public status pages as HTML without a single script (decision 079): Next keeps the render in
// its cache, and a cached page cannot carry a per-request CSP nonce, so it runs nothing and its
// policy allows no script at all. The markup and classes are the portal's own (components/layout,
// components/ui): the same header for a visitor who has not signed in, the same tables and words.
import "server-only";
import { html, type SafeHtml } from "@/lib/ui/html";
import { statusTextHtml } from "@/lib/ui/status-html";
import { formatDateTime, formatDay, formatNumber } from "@/lib/ui/format";
import { ACTIONS, MESSAGES } from "@/lib/ui/strings";
import { percent } from "./model";
import { PUBLIC_PAGE_SIZE, type TPublicCounts, type TPublicMunicipality, type TPublicOrgan, type TPublicStatus } from "./public";

export const PUBLIC_TITLE = "Статус подключения учреждений";

const percentText = (part: number, whole: number) => percent(part, whole).toLocaleString("ru-RU");

/** /status: every municipality with its totals. */
export function publicListMain(municipalities: TPublicMunicipality[]): SafeHtml {
  return html`<div class="space-y-6"><h1>${PUBLIC_TITLE}</h1>
<p>Актуальная информация о подключении муниципальных учреждений к Платформе обратной связи: создан ли кабинет учреждения, размещён ли виджет на официальном сайте и завершено ли подключение. Данные обновляются не реже раза в минуту.</p>
<ul class="grid gap-4 sm:grid-cols-2">${municipalities.map(
    (m) => html`<li class="card space-y-2"><h2 class="text-xl"><a href="/status/${m.oktmo}">${m.name}</a></h2>
${m.deadline ? html`<p class="text-sm text-muted">Срок подключения — до ${formatDay(new Date(m.deadline))}</p>` : ""}
<p>Подключение завершено: <strong>${m.counts.ready}</strong> из ${m.counts.total} (${percentText(m.counts.ready, m.counts.total)} %)</p>
<p class="text-sm">Кабинет подключён: ${m.counts.cabinetConnected} · виджет размещён на сайте: ${m.counts.widgetPlaced}</p>
<p class="text-sm"><a href="/status/${m.oktmo}">Учреждения и код для сайта</a></p></li>`,
  )}</ul>
<p class="text-sm text-muted">Персональных данных здесь нет: только названия учреждений и этапы подключения. Данные в машиночитаемом виде (JSON): <a href="/api/status"><code>/api/status</code></a>.</p></div>`;
}

function counts(c: TPublicCounts): SafeHtml {
  const items: Array<[string, number, string]> = [
    ["Всего учреждений", c.total, "total"],
    ["Кабинет подключён", c.cabinetConnected, "cabinet"],
    ["Виджет размещён на сайте", c.widgetPlaced, "widget"],
    ["Подключение завершено", c.ready, "ready"],
  ];
  return html`<dl class="grid gap-4 sm:grid-cols-4">${items.map(
    ([label, value, key]) => html`<div class="card p-4"><dt class="text-sm text-muted">${label}</dt><dd class="text-2xl font-bold" data-testid="public-${key}">${value}</dd></div>`,
  )}</dl>`;
}

// A fact in words with a mark (components/ui/Status's StatusText); colour only adds to them.
function yesNo(value: boolean | null, yes = "да", no = "нет", none = "—"): SafeHtml {
  if (value === null) return html`<span class="text-muted">${none}</span>`;
  return value ? statusTextHtml("success", "check", yes) : statusTextHtml("danger", "cross", no);
}

function organsTable(organs: TPublicOrgan[]): SafeHtml {
  return html`<section aria-labelledby="by-organ" class="space-y-2"><h2 id="by-organ" class="text-xl">По учредителям</h2>
<div class="table-frame" role="region" aria-label="По учредителям" tabindex="0"><table>
<caption class="sr-only">Число учреждений каждого учредителя: всего, с кабинетом, с виджетом на сайте, с завершённым подключением; доля сообщений граждан, отвеченных в срок</caption>
<thead><tr><th scope="col" class="p-2">Учредитель</th><th scope="col" class="p-2">Учреждений</th><th scope="col" class="p-2">Кабинет подключён</th><th scope="col" class="p-2">Виджет размещён</th><th scope="col" class="p-2">Подключение завершено</th><th scope="col" class="p-2">Ответы в срок</th></tr></thead>
<tbody>${organs.map(
    (o) => html`<tr class="border-t border-line" data-testid="public-organ"><th scope="row" class="p-2 text-left font-medium">${o.name}</th><td class="p-2">${o.total}</td><td class="p-2">${o.cabinetConnected}</td><td class="p-2">${o.widgetPlaced}</td><td class="p-2">${o.ready} (${percentText(o.ready, o.total)} %)</td><td class="p-2">${o.answeredInTime === null ? "—" : `${formatNumber(o.answeredInTime)} %`}</td></tr>`,
  )}</tbody></table></div></section>`;
}

/** components/ui/Pagination (not numbered): «← Предыдущая · Страница 2 из 5 · Следующая →». */
function pagination(page: number, pages: number, hrefFor: (page: number) => string): SafeHtml | "" {
  if (pages <= 1) return "";
  return html`<nav aria-label="${MESSAGES.pagesLabel}" class="flex flex-wrap items-center gap-x-4 gap-y-2">${
    page > 1 ? html`<a href="${hrefFor(page - 1)}" rel="prev" class="btn-secondary px-4 py-2"><span aria-hidden="true">←</span> ${ACTIONS.previousPage}</a>` : ""
  }<span aria-current="page">${MESSAGES.pageOf(page, pages)}</span>${
    page < pages ? html`<a href="${hrefFor(page + 1)}" rel="next" class="btn-secondary px-4 py-2">${ACTIONS.nextPage} <span aria-hidden="true">→</span></a>` : ""
  }</nav>`;
}

/** The answered-in-time share in words: answered, or still open past the planned day, counted in. */
function answeredInTimeText(share: number | null): string {
  return share === null
    ? "Сообщения граждан: ответов с наступившим сроком пока нет."
    : `Сообщения граждан отвечены в срок: ${formatNumber(share)} % (из отвеченных и тех, срок ответа на которые уже прошёл).`;
}

/** /status/<ОКТМО>: the municipality's totals, its founders, a page of its institutions, the code for a site. */
export function publicStatusMain(status: TPublicStatus, portal: string): SafeHtml {
  const { oktmo } = status;
  const href = (p: number) => `/status/${oktmo}?${new URLSearchParams({ ...(status.query ? { q: status.query } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  const embed = `<iframe src="${portal}/status/${oktmo}/embed" title="Статус подключения учреждений к ПОС" width="100%" height="600" style="border:0"></iframe>`;
  return html`<div class="space-y-6"><p><a href="/status">← Все муниципальные образования</a></p>
<h1>${PUBLIC_TITLE}: ${status.name}</h1>
${status.deadline ? html`<p>Срок подключения — до <strong>${formatDay(new Date(status.deadline))}</strong>.</p>` : ""}
${counts(status.counts)}
<p data-testid="public-answered-in-time">${answeredInTimeText(status.answeredInTime)}</p>
${status.organs.length > 1 ? organsTable(status.organs) : ""}
<h2 class="text-xl">Учреждения</h2>
<form method="get" action="/status/${oktmo}" class="flex flex-wrap items-end gap-3" role="search" aria-label="Поиск учреждения"><div><label for="pq" class="field-label">Название учреждения</label><input id="pq" name="q" value="${status.query ?? ""}" class="field-input py-2"></div><button type="submit" class="btn-primary px-5 py-2">Найти</button></form>
<div class="table-frame" role="region" aria-label="Учреждения" tabindex="0"><table><caption class="sr-only">Учреждения: кабинет, виджет, готовность</caption>
<thead><tr><th scope="col" class="p-2">Учреждение</th><th scope="col" class="p-2">Учредитель</th><th scope="col" class="p-2">Кабинет подключён</th><th scope="col" class="p-2">Виджет на сайте</th><th scope="col" class="p-2">Подключение завершено</th></tr></thead>
<tbody>${status.institutions.map(
    (i) => html`<tr class="border-t border-line" data-testid="public-row"><th scope="row" class="p-2 text-left font-medium">${i.name}</th><td class="p-2">${i.organ ?? "—"}</td><td class="p-2">${yesNo(i.cabinetConnected)}</td><td class="p-2">${yesNo(i.widgetPlaced, "размещён", "нет", "нет сайта")}</td><td class="p-2">${yesNo(i.ready, "готово", "нет")}</td></tr>`,
  )}</tbody></table></div>
<p>Найдено: ${status.matching}. По ${PUBLIC_PAGE_SIZE} на странице.</p>
${pagination(status.page, status.pages, href)}
<p class="text-sm text-muted">Обновлено ${formatDateTime(new Date(status.updatedAt))}. Подключено ${percentText(status.counts.ready, status.counts.total)} % учреждений.</p>
<section aria-labelledby="embed" class="card space-y-2"><h2 id="embed" class="text-lg">Для сайта администрации</h2>
<p class="text-sm">Вставьте этот код на страницу сайта, чтобы показать статус подключения учреждений; данные в формате JSON: <a href="/api/status?oktmo=${oktmo}"><code>/api/status?oktmo=${oktmo}</code></a>.</p>
<pre tabindex="0" role="region" aria-label="Код для вставки на сайт" class="overflow-x-auto rounded bg-surface p-3 text-xs"><code>${embed}</code></pre></section></div>`;
}

/** What app/error.tsx shows (components/ui/ErrorNotice), with the code the server's log has. */
export function publicErrorMain(code: string): SafeHtml {
  return html`<div class="card mx-auto max-w-xl space-y-4" role="alert"><h1>Не удалось открыть страницу</h1>
<p>На сервере произошла ошибка. Обновите страницу через минуту; если ошибка повторится, сообщите в поддержку код ниже.</p>
<p class="text-sm text-muted">Код ошибки: ${code}</p><a href="/" class="btn-primary">На главную</a></div>`;
}

export function publicNotFoundMain(): SafeHtml {
  return html`<div class="space-y-4"><h1>Страница не найдена</h1><p>Такого муниципального образования на портале нет. <a href="/status">Все муниципальные образования</a></p></div>`;
}
