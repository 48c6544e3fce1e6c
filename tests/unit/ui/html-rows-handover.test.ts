// components/ui/html-rows-handover.ts: a table's rows text handed from the server rendering to the
// HTML rendering of one request (decision 081, addendum) is taken once and by its key only.
import { describe, expect, it } from "vitest";
import { handOver, takeOver } from "@/components/ui/html-rows-handover";

describe("передача строк таблицы от RSC к HTML", () => {
  it("текст берётся по своему ключу и один раз", () => {
    handOver("k-1", "<tr><td>1</td></tr>");
    handOver("k-2", "<tr><td>2</td></tr>");
    expect(takeOver("k-2")).toBe("<tr><td>2</td></tr>");
    expect(takeOver("k-2")).toBe("");
    expect(takeOver("k-1")).toBe("<tr><td>1</td></tr>");
    expect(takeOver("чужой")).toBe("");
  });
});
