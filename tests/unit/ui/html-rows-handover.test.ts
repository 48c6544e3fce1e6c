// components/ui/html-rows-handover.ts: a table's rows text handed from the server rendering to the
// HTML rendering of one request (decision 081, addendum) is taken once and by its key only.
// components/ui/HtmlRows.tsx's groups: whole rows, each group's text under V8's large-object size.
import { describe, expect, it } from "vitest";
import { handOver, takeOver } from "@/components/ui/html-rows-handover";
import { ROW_GROUP_CHARS, rowGroups } from "@/components/ui/HtmlRows";
import { html } from "@/lib/ui/html";

describe("передача строк таблицы от RSC к HTML", () => {
  it("текст берётся по своему ключу и один раз", () => {
    handOver("k-1", ["<tr><td>1</td></tr>"]);
    handOver("k-2", ["<tr><td>2</td></tr>", "<tr><td>3</td></tr>"]);
    expect(takeOver("k-2")).toEqual(["<tr><td>2</td></tr>", "<tr><td>3</td></tr>"]);
    expect(takeOver("k-2")).toEqual([]);
    expect(takeOver("k-1")).toEqual(["<tr><td>1</td></tr>"]);
    expect(takeOver("чужой")).toEqual([]);
  });
});

describe("строки таблицы группами <tbody>", () => {
  const row = (i: number) => html`<tr><td>${"Учреждение ".repeat(150)}${i}</td></tr>`;

  it("пятьдесят длинных строк — несколько групп, каждая короче предела, все строки по порядку", () => {
    const rows = Array.from({ length: 50 }, (_, i) => row(i));
    const groups = rowGroups(rows);
    expect(groups.length).toBeGreaterThan(1);
    for (const g of groups) expect(g.length).toBeLessThanOrEqual(ROW_GROUP_CHARS);
    expect(groups.join("")).toBe(rows.map((r) => r.value).join(""));
    // Every group holds whole rows.
    for (const g of groups) expect(g.startsWith("<tr>") && g.endsWith("</tr>")).toBe(true);
  });

  it("короткая таблица — одна группа; пустая — одна пустая", () => {
    expect(rowGroups([row(1), row(2)])).toHaveLength(1);
    expect(rowGroups([])).toEqual([""]);
  });
});
