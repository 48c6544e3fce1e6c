// HTML written as text, for the few documents served by route handlers rather than React (the public
// status pages and their embed, decision 079): every value is escaped unless it is already markup.
export class SafeHtml {
  // Private, so TypeScript tells a SafeHtml from any object with a `value` string (components/ui/HtmlRows).
  private readonly safe = true;
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const SPECIAL = /[&<>"']/;
// Most values (names, numbers, dates) have nothing to escape: a test is cheaper than a replace that finds nothing.
export const escapeHtml = (text: string): string => (SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : text);

type THtmlValue = SafeHtml | string | number | null | undefined | false | THtmlValue[];

function render(value: THtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** A template of markup: `html\`<p>${name}</p>\`` escapes `name`; nested templates and lists are kept. */
export function html(strings: TemplateStringsArray, ...values: THtmlValue[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new SafeHtml(out);
}
