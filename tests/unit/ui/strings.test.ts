import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DISPLAY_STATUS_LABELS } from "@/lib/accounts/status";
import { CABINET_KIND_LABELS, CABINET_TYPE_LABELS } from "@/lib/cabinets/labels";
import { HISTORY_ACTION_LABELS, historyActionLabel } from "@/lib/cabinets/history-labels";
import { MESSAGE_STATUS_LABELS } from "@/lib/messages/categories";
import { CABINET_KIND_LABEL, CABINET_TYPE_LABEL, REQUEST_STATUS_LABEL } from "@/lib/requests/labels";
import { ACCOUNT_STATUS, CABINET_KIND, CABINET_TYPE, MESSAGE_STATUS, REQUEST_STATUS } from "@/lib/ui/strings";
import { safeReturnPath } from "@/lib/ui/vision";

describe("одно место для слов интерфейса", () => {
  it("статусы и типы кабинетов называются везде одинаково", () => {
    expect(CABINET_TYPE_LABELS).toBe(CABINET_TYPE);
    expect(CABINET_TYPE_LABEL).toBe(CABINET_TYPE);
    expect(CABINET_KIND_LABELS).toBe(CABINET_KIND);
    expect(CABINET_KIND_LABEL).toBe(CABINET_KIND);
    expect(REQUEST_STATUS_LABEL).toBe(REQUEST_STATUS);
    expect(DISPLAY_STATUS_LABELS).toBe(ACCOUNT_STATUS);
    expect(MESSAGE_STATUS_LABELS).toBe(MESSAGE_STATUS);
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
