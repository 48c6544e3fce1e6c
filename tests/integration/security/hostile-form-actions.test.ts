// The form actions (the exported `(prevState, form) => …` wrappers that pages hand to useActionState)
// are public endpoints like the actions they wrap: anyone can call them directly with any argument.
// Given something that is not FormData — null, a string, a number, a plain object — each answers
// with a Russian refusal instead of throwing (a "500"), and writes nothing. Every wrapper of every
// "use server" module is found on disk, so a new one cannot slip past.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { DemoPersonKey } from "@/lib/demo-world/esia-world";
import { rowCounts } from "../../helpers/fingerprint";
import { isRussian } from "../../helpers/hostile";
import { requestContext } from "../../helpers/request-context";
import { signInAs } from "../../helpers/session";

const ROOT = path.resolve(import.meta.dirname, "../../..");

function serverActionModules(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") out.push(...serverActionModules(full));
    } else if (/\.tsx?$/.test(entry.name) && /^\s*["']use server["']/.test(fs.readFileSync(full, "utf8"))) out.push(full);
  }
  return out.sort();
}

type FormAction = (prev: unknown, form: unknown) => Promise<unknown>;

/** Exported functions of "use server" modules that are not defineAction actions: the form wrappers. */
async function loadFormActions(): Promise<Map<string, FormAction>> {
  const found = new Map<string, FormAction>();
  for (const file of [...serverActionModules(path.join(ROOT, "lib")), ...serverActionModules(path.join(ROOT, "app"))]) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function" && !("actionName" in value)) found.set(name, value as FormAction);
    }
  }
  return found;
}

/**
 * Who calls each wrapper: someone allowed to use the action behind it, so that the refusal can only
 * come from the input. A new wrapper fails the first test until it is listed here.
 */
const CALLER: Record<string, DemoPersonKey> = {
  submitCabinetRequestForm: "institutionAdmin",
  approveCabinetRequestForm: "organAdmin",
  rejectCabinetRequestForm: "organAdmin",
  saveReadinessForm: "organAdmin",
  addAccountForm: "organAdmin",
  accountRowForm: "organAdmin",
  archiveAccountForm: "organAdmin",
  accountImportForm: "organAdmin",
  confirmTrainingForm: "organAdmin",
  confirmCabinetDataForm: "organAdmin",
  // Issue 20: the message back office.
  acceptMessageForm: "messageCoordinator",
  rejectMessageForm: "messageCoordinator",
  categorizeMessageForm: "messageCoordinator",
  assignExecutorForm: "messageCoordinator",
  redirectMessageForm: "messageCoordinator",
  saveAnswerDraftForm: "messageExecutor",
  submitAnswerForm: "messageExecutor",
  answerForm: "messageExecutor",
  requestExtensionForm: "messageExecutor",
  decideExtensionForm: "messageSupervisor",
  approveAnswerForm: "messageSupervisor",
  returnAnswerForm: "messageSupervisor",
  saveTemplateForm: "organAdmin",
  deleteTemplateForm: "organAdmin",
  saveAutoRuleForm: "organAdmin",
  deleteAutoRuleForm: "organAdmin",
  saveDeadlineForm: "operator",
  saveCalendarDayForm: "operator",
  deleteCalendarDayForm: "operator",
  generateWidgetForm: "organAdmin",
  runSiteCheckForm: "organAdmin",
  remindForm: "cityIt",
  setConnectionDeadlineForm: "cityIt",
  chooseOrganizationForm: "multiOrg",
  acceptInvitationForm: "invitee",
};

const NOT_A_FORM: Array<[string, unknown]> = [
  ["null", null],
  ["undefined", undefined],
  ["строка", "requestId=req-work-mag-school-14&version=0"],
  ["число", 42],
  ["обычный объект", { requestId: "req-work-mag-school-14", intent: "archive", заявка: "да" }],
  ["массив", [["requestId", "req-work-mag-school-14"]]],
];

const formActions = await loadFormActions();

describe("формовые серверные действия, вызванные напрямую не с FormData", () => {
  it("у каждой обёртки есть вызывающий в таблице, и в таблице нет лишних строк", () => {
    expect([...formActions.keys()].sort()).toEqual(Object.keys(CALLER).sort());
  });

  for (const [name, action] of formActions) {
    it(`${name}: отказ по-русски, без исключения, ничего не записано`, async () => {
      await signInAs(CALLER[name] ?? "organAdmin");
      try {
        for (const [label, input] of NOT_A_FORM) {
          const before = await rowCounts();
          const result = (await action(null, input)) as { ok: boolean; error?: string; fieldErrors?: Record<string, string[]>; values?: unknown } | null;
          expect(result, `${label}: ${JSON.stringify(result)}`).toMatchObject({ ok: false });
          expect(isRussian(result!.error), `${label}: ${result!.error}`).toBe(true);
          expect(result!.error).not.toMatch(/^Не удалось выполнить действие/);
          for (const [field, messages] of Object.entries(result!.fieldErrors ?? {})) {
            for (const message of messages) expect(isRussian(message), `${label}, ${field}: ${message}`).toBe(true);
          }
          // A form that is sent back to the person carries nothing of the forged input.
          if (result && "values" in result && input !== null && typeof input === "object") expect(result.values).toEqual({});
          expect(await rowCounts(), `${label}: отказ ничего не записал`).toEqual(before);
        }
      } finally {
        requestContext.clear();
      }
    });
  }
});

describe("кнопка строки учётных записей называет действие", () => {
  it("имена свойств Object.prototype — неизвестное действие, а не вызов чужой функции", async () => {
    await signInAs("organAdmin");
    try {
      const action = formActions.get("accountRowForm")!;
      for (const intent of ["constructor", "hasOwnProperty", "toString", "__proto__", "valueOf", ""]) {
        const form = new FormData();
        form.set("intent", intent);
        form.set("accountId", "acc-mag-school-10-2");
        const before = await rowCounts();
        expect(await action(null, form), intent).toEqual({ ok: false, error: "Неизвестное действие." });
        expect(await rowCounts()).toEqual(before);
      }
    } finally {
      requestContext.clear();
    }
  });
});
