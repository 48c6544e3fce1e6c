// The embeddable status page: a small self-contained HTML document for an iframe on the city's
// website (no portal header, no scripts), built from the same cached public data.
import "server-only";
import type { TPublicStatus } from "./public";
import { formatDateTime, formatDay } from "@/lib/ui/format";
import { escapeHtml as escape } from "@/lib/ui/html";
const yesNo = (v: boolean | null, yes = "да", none = "нет сайта") =>
  v === null ? `<span class="none">${none}</span>` : v ? `<span class="yes">✓ ${yes}</span>` : `<span class="no">✕ нет</span>`;

export function embedHtml(s: TPublicStatus, pageHref: (page: number) => string, portal: string): string {
  const rows = s.institutions
    .map((i) => `<tr><th scope="row">${escape(i.name)}</th><td>${yesNo(i.cabinetConnected)}</td><td>${yesNo(i.widgetPlaced, "размещён")}</td><td>${yesNo(i.ready, "готово")}</td></tr>`)
    .join("");
  const nav = [
    s.page > 1 ? `<a href="${escape(pageHref(s.page - 1))}">← Назад</a>` : "",
    `Страница ${s.page} из ${s.pages}`,
    s.page < s.pages ? `<a href="${escape(pageHref(s.page + 1))}">Вперёд →</a>` : "",
  ].filter(Boolean).join(" · ");
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Статус подключения учреждений: ${escape(s.name)}</title>
<style>
body{font-family:Arial,sans-serif;color:#0b1f33;margin:0;padding:12px;font-size:14px;line-height:1.4}
h1{font-size:18px;margin:0 0 8px}dl{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}dl div{background:#f5f7fa;border-radius:8px;padding:8px 12px}
dt{color:#66727f;font-size:12px}dd{margin:0;font-size:20px;font-weight:bold}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px;border-top:1px solid #dde3ea;vertical-align:top}thead th{border-top:0}
.yes{color:#0f8a4b;font-weight:bold}.no{color:#d1132a;font-weight:bold}.none{color:#66727f}a{color:#0d4cd3}
</style></head><body>
<h1>Подключение учреждений к Платформе обратной связи: ${escape(s.name)}</h1>
${s.deadline ? `<p>Срок подключения — до ${formatDay(new Date(s.deadline))}.</p>` : ""}
<dl><div><dt>Всего учреждений</dt><dd>${s.counts.total}</dd></div><div><dt>Кабинет подключён</dt><dd>${s.counts.cabinetConnected}</dd></div>
<div><dt>Виджет размещён</dt><dd>${s.counts.widgetPlaced}</dd></div><div><dt>Подключение завершено</dt><dd>${s.counts.ready}</dd></div></dl>
<table><thead><tr><th scope="col">Учреждение</th><th scope="col">Кабинет подключён</th><th scope="col">Виджет на сайте</th><th scope="col">Подключение завершено</th></tr></thead>
<tbody>${rows}</tbody></table>
<p>${nav}</p>
<p style="color:#66727f;font-size:12px">Обновлено ${escape(formatDateTime(new Date(s.updatedAt)))}. <a href="${escape(portal)}/status/${escape(s.oktmo)}" target="_blank" rel="noopener">Открыть на портале</a></p>
</body></html>`;
}
