import "server-only";
import { z } from "zod";
import "@/lib/validation/zod-config";
import { invalidTextErrors } from "@/lib/validation/text";
import { getPortalSession, type PortalSession } from "@/lib/auth/session";
import { logAction } from "@/lib/observability/log";
import { ActionError, UnauthenticatedError, type ActionResult } from "./errors";

export interface ActionContext {
  session: PortalSession;
}

export interface ActionDefinition<S extends z.ZodType, T> {
  /** Stable name, e.g. "requests.approve": the authorization matrix lists every one. */
  name: string;
  schema: S;
  /** Throws ForbiddenError unless the caller may act on this input (checked on every call). */
  authorize: (input: z.infer<S>, ctx: ActionContext) => Promise<void>;
  handler: (input: z.infer<S>, ctx: ActionContext) => Promise<T>;
}

export type Action<T> = ((input: unknown) => Promise<ActionResult<T>>) & { actionName: string };

/** Every action defined in the app, by name: the authorization matrix test walks this list. */
export const ACTION_REGISTRY = new Map<string, ActionDefinition<z.ZodType, unknown>>();

/** The refusal of a form action called directly with something that is not a form at all. */
export const FORM_NOT_RECOGNIZED = "Данные формы не распознаны: обновите страницу и заполните форму снова.";

const ACTION_FAILED = "Не удалось выполнить действие. Попробуйте ещё раз; если ошибка повторится, обратитесь в поддержку.";

/**
 * FormData → plain object; repeated keys (checkbox groups, multi-selects) become arrays. A form
 * action is a public endpoint: called directly with anything but FormData (null, a string, a plain
 * object) it reads as an empty form, so the action refuses it with its usual messages instead of
 * throwing a TypeError (a "500").
 */
export function formDataToObject(form: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!(form instanceof FormData)) return out;
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = values.length > 1 || key.endsWith("[]") ? values : values[0];
  }
  return out;
}

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * One way to write a server action: the session is read from the database, the input parsed by
 * the same zod schema as the form, authorization checked on the server, and the outcome returned
 * as data. Expected errors reach the person; anything else is logged and reported generically.
 */
export function defineAction<S extends z.ZodType, T>(def: ActionDefinition<S, T>): Action<T> {
  ACTION_REGISTRY.set(def.name, def as ActionDefinition<z.ZodType, unknown>);
  const run = async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const session = await getPortalSession();
      if (!session) throw new UnauthenticatedError();
      const input = raw instanceof FormData ? formDataToObject(raw) : raw;
      const invalidText = invalidTextErrors(input);
      if (invalidText) return { ok: false, error: "Проверьте правильность заполнения полей.", fieldErrors: invalidText };
      const parsed = def.schema.safeParse(input);
      if (!parsed.success) {
        return { ok: false, error: "Проверьте правильность заполнения полей.", fieldErrors: fieldErrors(parsed.error) };
      }
      const ctx = { session };
      await def.authorize(parsed.data, ctx);
      return { ok: true, data: await def.handler(parsed.data, ctx) };
    } catch (error) {
      if (isNavigation(error)) throw error;
      if (error instanceof ActionError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
      console.error(`Сбой действия ${def.name}`, error);
      return { ok: false, error: ACTION_FAILED };
    }
  };
  // One log line per call: name, duration, outcome — never the input (personal data).
  const logged = async (raw: unknown): Promise<ActionResult<T>> => {
    const started = performance.now();
    let result: ActionResult<T> | undefined;
    try {
      return (result = await run(raw));
    } finally {
      const outcome = !result ? "redirect" : result.ok ? "ok" : result.fieldErrors ? "invalid" : result.error === ACTION_FAILED ? "error" : "refused";
      logAction({ name: def.name, durationMs: performance.now() - started, outcome });
    }
  };
  return Object.assign(logged, { actionName: def.name });
}

/** redirect() and notFound() work by throwing; they must pass through. */
function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
