// The text templates of the script-free public pages (lib/ui/html.ts): what came from the database
// is text, never markup.
import { describe, expect, it } from "vitest";
import { html } from "@/lib/ui/html";

describe("html``", () => {
  it("экранирует значения, оставляет вложенные шаблоны и списки разметкой", () => {
    const name = `Школа <img src=x onerror="alert(1)"> & «Ко'лледж»`;
    const rows = ["a<b", "c"].map((v) => html`<li>${v}</li>`);
    expect(String(html`<p title="${name}">${name}</p><ul>${rows}</ul>`)).toBe(
      `<p title="Школа &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; «Ко&#39;лледж»">Школа &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; «Ко&#39;лледж»</p><ul><li>a&lt;b</li><li>c</li></ul>`,
    );
  });

  it("пустые значения не оставляют следа, числа — как есть", () => {
    expect(String(html`<p>${null}${undefined}${false}${0}${42}</p>`)).toBe("<p>042</p>");
  });
});
