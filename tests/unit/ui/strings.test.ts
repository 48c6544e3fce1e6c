import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HISTORY_ACTION_LABELS, historyActionLabel } from "@/lib/cabinets/history-labels";
import { CABINET_TYPE } from "@/lib/ui/strings";
import { safeReturnPath } from "@/lib/ui/vision";

describe("одно место для слов интерфейса", () => {
  it("статусы и типы кабинетов называются везде одинаково", () => {
    // Each map of words is defined once, in lib/ui/strings.ts, and used under its own name: no module
    // holds a copy or passes it on under another name (CABINET_KIND_LABELS, REQUEST_STATUS_LABEL…).
    const maps = ["CABINET_TYPE", "CABINET_KIND", "CABINET_STATUS", "REQUEST_STATUS", "ACCOUNT_STATUS", "MESSAGE_STATUS"];
    const root = path.resolve(import.meta.dirname, "../../..");
    const sources = ["lib", "app", "components"].flatMap((dir) =>
      fs.readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f) && !f.includes("generated")).map((f) => path.join(dir, f)),
    );
    const aliases: string[] = [];
    for (const file of sources) {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      for (const name of maps) {
        if (new RegExp(`\\b${name} as \\w+|=\\s*${name}\\s*;`).test(text)) aliases.push(`${file}: ${name}`);
        if (file !== path.join("lib", "ui", "strings.ts") && new RegExp(`export const ${name}\\b`).test(text)) aliases.push(`${file}: ${name} defined again`);
      }
    }
    expect(aliases).toEqual([]);
    // The instruction's own words for the types of a cabinet.
    expect(CABINET_TYPE.SUBORDINATE_OMSU).toBe("Подведомственная ОМСУ организация");
  });

  it("у каждого события истории кабинета есть слова, код не показывается", () => {
    const root = path.resolve(import.meta.dirname, "../../../lib");
    const files = fs.readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const actions = new Set<string>();
    for (const f of files) {
      for (const m of fs.readFileSync(path.join(root, f), "utf8").matchAll(/recordAudit\([^)]*?action: "([a-z_.]+)"/gs)) actions.add(m[1]);
    }
    // Sign-in and choosing an organization belong to a person, not to a cabinet; templates to an organ.
    const cabinetActions = [...actions].filter((a) => !/^(auth|session|reason_template)\./.test(a));
    expect(cabinetActions.length).toBeGreaterThan(10);
    expect(cabinetActions.filter((a) => !HISTORY_ACTION_LABELS[a])).toEqual([]);
    expect(historyActionLabel("something.new")).toBe("Изменение кабинета");
  });

  it("переключатель версии для слабовидящих возвращает только на страницы портала", () => {
    expect(safeReturnPath("/admin/requests?status=ALL")).toBe("/admin/requests?status=ALL");
    for (const bad of ["https://evil.test/", "//evil.test", "/\\evil.test", "", null, "admin"]) expect(safeReturnPath(bad)).toBe("/");
  });
});
