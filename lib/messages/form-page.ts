import "server-only";
import { cspHash } from "@/lib/security/csp-hash";
import { formatDay } from "@/lib/ui/format";
import { MESSAGE_CATEGORIES } from "./categories";
import { HONEYPOT_FIELD, issueFormToken } from "./form-guard";

// The citizen's form is a whole document of its own: it is shown inside an iframe on institutions'
// sites, so it carries no portal chrome and no framework, and works without JavaScript.

const STYLE = `*{box-sizing:border-box}body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0b1f33;background:#fff}
main{max-width:640px;margin:0 auto;padding:24px 20px 32px}h1{font-size:24px;line-height:1.25;margin:0 48px 8px 0}
.to{margin:0 0 20px;color:#66727f}.field{margin:0 0 18px}label{display:block;font-weight:700;margin:0 0 4px}
.hint{margin:0 0 6px;font-size:14px;color:#66727f}select,textarea,input[type=text]{display:block;width:100%;padding:10px 12px;border:1px solid #b9c3cf;border-radius:8px;font:inherit;color:inherit;background:#fff}
textarea{min-height:140px;resize:vertical}[aria-invalid=true]{border-color:#d1132a}.error{margin:4px 0 0;font-size:14px;color:#d1132a}
.check{display:flex;gap:10px;align-items:flex-start}.check input{width:20px;height:20px;margin:2px 0 0;flex:none}.check label{font-weight:400}
.alert{border-left:4px solid #d1132a;background:#fdecee;padding:12px 16px;margin:0 0 20px;border-radius:4px}.ok{border-left-color:#0f8a4b;background:#e6f6ee}
button{cursor:pointer;border:0;border-radius:8px;padding:12px 24px;font:inherit;font-weight:700;background:#0d4cd3;color:#fff}button:hover{background:#0a3ba8}
.secondary{background:#fff;color:#0d4cd3;border:1px solid #0d4cd3}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.receipt{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0 0 12px}.receipt dt{color:#66727f}.receipt dd{margin:0;font-weight:700}.foot{margin-top:28px;font-size:13px;color:#66727f}
:focus-visible{outline:3px solid #ff9e1b;outline-offset:2px}`;

// In the loader's dialog (docs/decisions/008-widget.md): «Закрыть» and Esc ask the page to close it
// (the loader accepts this only from the portal's origin), and the page asks the form to focus its
// first field (the first invalid one, or the last field when focus wraps backwards): the site cannot
// reach into this frame itself. The honeypot (tabindex=-1) is never focused.
const SCRIPT = `(function(){var p=window.parent;if(p===window)return;function close(){p.postMessage({posWidget:"close"},"*")}
document.addEventListener("click",function(e){var t=e.target;if(t&&t.hasAttribute&&t.hasAttribute("data-pos-close"))close()});
document.addEventListener("keydown",function(e){if(e.key==="Escape")close()});
window.addEventListener("message",function(e){if(e.source!==p||!e.data||e.data.posWidget!=="focus")return;var all=document.querySelectorAll("select,input:not([type=hidden]):not([tabindex='-1']),textarea,button,a[href]");
var el=e.data.last?all[all.length-1]:document.querySelector("[aria-invalid=true]")||all[0];(el||document.querySelector("h1")).focus()})})();`;

const STYLE_HASH = cspHash(STYLE);
const SCRIPT_HASH = cspHash(SCRIPT);

/** The form's CSP: nothing external, and framing only by the cabinet's official site. */
export function formCsp(frameAncestor: string | null): string {
  return [
    "default-src 'none'", `style-src ${STYLE_HASH}`, `script-src ${SCRIPT_HASH}`, "img-src data:", "form-action 'self'", "base-uri 'none'",
    `frame-ancestors ${frameAncestor ?? "'none'"}`,
  ].join("; ");
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function document(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)} — Платформа обратной связи</title><style>${STYLE}</style></head><body><main>${body}<p class="foot">Платформа обратной связи. Сообщение рассмотрит организация, на сайте которой размещена форма.</p></main><script>${SCRIPT}</script></body></html>`;
}

export interface TFormView {
  lkoId: number;
  cabinetName: string;
  values: Record<string, unknown>;
  fieldErrors?: Record<string, string[]>;
  error?: string;
  idempotencyKey: string;
  embeddedBy: string | null;
}

export function renderMessageForm(v: TFormView): string {
  const value = (k: string) => (typeof v.values[k] === "string" ? (v.values[k] as string) : "");
  const err = (k: string) => v.fieldErrors?.[k]?.[0];
  const described = (k: string, hint?: boolean) => {
    const ids = [hint ? `${k}-hint` : "", err(k) ? `${k}-error` : ""].filter(Boolean).join(" ");
    return `${ids ? ` aria-describedby="${ids}"` : ""}${err(k) ? ' aria-invalid="true"' : ""}`;
  };
  const errorLine = (k: string) => (err(k) ? `<p class="error" id="${k}-error">${escape(err(k)!)}</p>` : "");
  const options = MESSAGE_CATEGORIES.map((c) => `<option value="${c.code}"${value("category") === c.code ? " selected" : ""}>${escape(c.label)}</option>`).join("");
  const body = `<h1 tabindex="-1">Сообщить о проблеме</h1>
<p class="to">Получатель: <strong>${escape(v.cabinetName)}</strong></p>
${v.error ? `<div class="alert" role="alert">${escape(v.error)}</div>` : ""}
<form method="post" action="/form?opaId=${v.lkoId}">
<input type="hidden" name="idempotencyKey" value="${escape(v.idempotencyKey)}">
<input type="hidden" name="formToken" value="${escape(issueFormToken(v.lkoId, v.idempotencyKey))}">
<div class="hp" aria-hidden="true"><label for="${HONEYPOT_FIELD}">Не заполняйте это поле</label><input type="text" id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off" value=""></div>
${v.embeddedBy ? `<input type="hidden" name="embeddedBy" value="${escape(v.embeddedBy)}">` : ""}
<div class="field"><label for="category">Тема сообщения</label><select id="category" name="category" required${described("category")}><option value="">Выберите тему</option>${options}</select>${errorLine("category")}</div>
<div class="field"><label for="text">Опишите проблему</label><p class="hint" id="text-hint">Что случилось, где и когда. От 10 до 4000 символов.</p><textarea id="text" name="text" required minlength="10" maxlength="4000"${described("text", true)}>${escape(value("text"))}</textarea>${errorLine("text")}</div>
<div class="field"><label for="authorName">Как к вам обращаться</label><p class="hint" id="authorName-hint">Фамилия и имя</p><input type="text" id="authorName" name="authorName" required maxlength="200" autocomplete="name" value="${escape(value("authorName"))}"${described("authorName", true)}>${errorLine("authorName")}</div>
<div class="field"><label for="contact">Электронная почта или телефон для ответа</label><p class="hint" id="contact-hint">Например, name@example.ru или +7 900 123-45-67</p><input type="text" id="contact" name="contact" required maxlength="200" autocomplete="email" value="${escape(value("contact"))}"${described("contact", true)}>${errorLine("contact")}</div>
<div class="field"><div class="check"><input type="checkbox" id="consent" name="consent" required${value("consent") === "on" ? " checked" : ""}${described("consent", true)}><label for="consent">Я даю согласие на обработку моих персональных данных</label></div><p class="hint" id="consent-hint">Имя и контакт нужны организации, чтобы ответить вам. Они не публикуются (Федеральный закон № 152-ФЗ «О персональных данных»).</p>${errorLine("consent")}</div>
<button type="submit">Отправить сообщение</button>
</form>`;
  return document("Сообщить о проблеме", body);
}

export function renderSent(cabinetName: string, lkoId: number, receipt: { number: number; plannedOn: Date } | null): string {
  const facts = receipt
    ? `<dl class="receipt"><dt>Номер сообщения</dt><dd>${receipt.number}</dd><dt>Планируемая дата ответа</dt><dd>не позднее ${escape(formatDay(receipt.plannedOn))}</dd></dl><p>Запишите номер: он понадобится, если вы захотите узнать о сообщении в организации.</p>`
    : "";
  return document(
    "Сообщение отправлено",
    `<h1 tabindex="-1">Сообщение отправлено</h1><div class="alert ok" role="status">Ваше сообщение передано организации «${escape(cabinetName)}». Ответ придет на указанные вами почту или телефон.</div>${facts}
<p><button type="button" data-pos-close>Закрыть</button> <a href="/form?opaId=${lkoId}">Написать еще одно сообщение</a></p>`,
  );
}

export function renderRefusal(title: string, text: string): string {
  return document(title, `<h1 tabindex="-1">${escape(title)}</h1><div class="alert" role="alert">${escape(text)}</div>`);
}
