import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import "@/lib/validation/zod-config";
import { invalidTextErrors } from "@/lib/validation/text";
import { getSignedIn, type SignedIn } from "@/lib/auth/session";
import { logAction } from "@/lib/observability/log";
import type { TFlash } from "@/lib/ui/flash";
import { goWithFlash } from "@/lib/ui/flash-server";
import { ActionError, UnauthenticatedError, type ActionResult } from "./errors";

/** Who calls: the session and the person's accounts and memberships, read from the database (one statement). */
export type ActionContext = SignedIn;

/** A page to revalidate after a success: a path, or a path with "layout" for everything under it. */
export type RevalidateTarget = string | readonly [path: string, type: "layout" | "page"];

export interface ActionDefinition<S extends z.ZodType, R, T> {
  /** Stable name, e.g. "requests.approve": the authorization matrix lists every one. */
  name: string;
  schema: S;
  /**
   * Checks that the caller may act on this input and returns what it read to decide (the resource:
   * the cabinet, the account, the request…), which the handler then uses instead of reading it
   * again. Throws ForbiddenError otherwise. Reads only: the authorization matrix runs it alone.
   */
  load: (input: z.output<S>, ctx: ActionContext) => Promise<R>;
  handler: (input: z.output<S>, ctx: ActionContext & { resource: R }) => Promise<T>;
  /** The pages whose data a success changes, revalidated whoever called (a form, a test, another action). */
  revalidate?: readonly RevalidateTarget[] | ((data: T, input: z.output<S>, resource: R) => readonly RevalidateTarget[]);
  /**
   * How the form variant answers a success: a sentence to show, or the page to go to — and what
   * that page says about it once (lib/ui/flash.ts).
   */
  form?: {
    message?: string | ((data: T) => string);
    redirect?: (data: T, input: z.output<S>) => string;
    flash?: (data: T) => TFlash;
  };
}

type AnyDefinition = ActionDefinition<z.ZodType, unknown, unknown>;

/**
 * What a form's useActionState holds: nothing yet, the success (with what to say), or the refusal.
 * Both carry what the person sent, so that a page rendered after a post without JavaScript can show
 * it again (a refused form its fields, the CSV import its checked file).
 */
export type FormState<T = unknown> =
  | null
  | { ok: true; data: T; message?: string; values?: Record<string, unknown>; redirectTo?: string; flash?: TFlash }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; values?: Record<string, unknown> };

export type FormAction<T = unknown> = (prev: FormState<T>, form: FormData) => Promise<FormState<T>>;

export type Action<T> = ((input: unknown) => Promise<ActionResult<T>>) & {
  actionName: string;
  /** The same action for a <form> (useActionState): FormData in, FormState out; works without JavaScript. */
  form: FormAction<T>;
};

/** Every action defined in the app, by name: the authorization matrix test walks this list. */
export const ACTION_REGISTRY = new Map<string, AnyDefinition>();

/**
 * Every form wrapper (an action's `form`, a formSwitch) → the names of the actions it can run: a
 * "use server" module exports them too, and the matrix test holds each to actions it knows.
 */
export const FORM_WRAPPERS = new WeakMap<object, readonly string[]>();

/** The refusal of a form action called directly with something that is not a form at all. */
export const FORM_NOT_RECOGNIZED = "Данные формы не распознаны: обновите страницу и заполните форму снова.";

const CHECK_FIELDS = "Проверьте правильность заполнения полей.";
const ACTION_FAILED = "Не удалось выполнить действие. Попробуйте ещё раз; если ошибка повторится, обратитесь в поддержку.";

/**
 * FormData → plain object; repeated keys (checkbox groups, multi-selects) become arrays. A form
 * action is a public endpoint: called directly with anything but FormData (null, a string, a plain
 * object) it reads as an empty form.
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

type Outcome<T, I> = { result: ActionResult<T>; input?: I };

/**
 * One way through the server: the session and the caller's rights read from the database, the
 * input parsed by the same zod schema as the form, `load` checks the right and hands on what it read,
 * the handler acts on it, the action's pages are revalidated, and the outcome returns as data.
 * Expected errors reach the person; anything else is logged and reported generically.
 */
export function defineAction<S extends z.ZodType, R, T>(def: ActionDefinition<S, R, T>): Action<T> {
  ACTION_REGISTRY.set(def.name, def as unknown as AnyDefinition);
  const attempt = async (raw: unknown): Promise<Outcome<T, z.output<S>>> => {
    try {
      // Once per call, before anything else (the matrix test reads it the same way).
      const ctx = await getSignedIn();
      if (!ctx) throw new UnauthenticatedError();
      const values = raw instanceof FormData ? formDataToObject(raw) : raw;
      const invalidText = invalidTextErrors(values);
      if (invalidText) return { result: { ok: false, error: CHECK_FIELDS, fieldErrors: invalidText } };
      const parsed = def.schema.safeParse(values);
      if (!parsed.success) return { result: { ok: false, error: CHECK_FIELDS, fieldErrors: fieldErrors(parsed.error) } };
      const input = parsed.data;
      const resource = await def.load(input, ctx);
      const data = await def.handler(input, { ...ctx, resource });
      const targets = typeof def.revalidate === "function" ? def.revalidate(data, input, resource) : (def.revalidate ?? []);
      for (const target of targets) {
        if (typeof target === "string") revalidatePath(target);
        else revalidatePath(target[0], target[1]);
      }
      return { result: { ok: true, data }, input };
    } catch (error) {
      if (isNavigation(error)) throw error;
      if (error instanceof ActionError) return { result: { ok: false, error: error.message, fieldErrors: error.fieldErrors } };
      console.error(`Сбой действия ${def.name}`, error);
      return { result: { ok: false, error: ACTION_FAILED } };
    }
  };
  // One log line per call (direct or through the form): name, duration, outcome — never the input (personal data).
  const execute = async (raw: unknown): Promise<Outcome<T, z.output<S>>> => {
    const started = performance.now();
    let result: ActionResult<T> | undefined;
    try {
      const outcome = await attempt(raw);
      result = outcome.result;
      return outcome;
    } finally {
      const outcome = !result ? "redirect" : result.ok ? "ok" : result.fieldErrors ? "invalid" : result.error === ACTION_FAILED ? "error" : "refused";
      logAction({ name: def.name, durationMs: performance.now() - started, outcome });
    }
  };
  const run = async (raw: unknown): Promise<ActionResult<T>> => (await execute(raw)).result;
  const form: FormAction<T> = async (_prev, formData) => {
    if (!(formData instanceof FormData)) return { ok: false, error: FORM_NOT_RECOGNIZED, values: {} };
    const { result, input } = await execute(formData);
    const values = formDataToObject(formData);
    if (!result.ok) return { ...result, values };
    if (def.form?.redirect) {
      const to = def.form.redirect(result.data, input!);
      if (!def.form.flash) redirect(to);
      // Without JavaScript: a redirect and the message in a cookie; with it: both back to the form kit.
      return { ...result, ...(await goWithFlash(to, def.form.flash(result.data))) };
    }
    const message = typeof def.form?.message === "function" ? def.form.message(result.data) : def.form?.message;
    return message === undefined ? { ...result, values } : { ...result, message, values };
  };
  FORM_WRAPPERS.set(form, [def.name]);
  return Object.assign(run, { actionName: def.name, form });
}

/**
 * One form whose submit picks the action (the pressed button's name, a field that is there or not):
 * the picked action's own form variant answers. Anything but FormData, or no action picked, is refused.
 */
export function formSwitch<T = unknown>(
  actions: ReadonlyArray<{ actionName: string }>,
  pick: (values: Record<string, unknown>) => { actionName: string; form: (prev: never, form: FormData) => Promise<FormState<T>> } | null,
  unknown = "Неизвестное действие.",
): FormAction<T> {
  const switched: FormAction<T> = async (prev, formData) => {
    if (!(formData instanceof FormData)) return { ok: false, error: FORM_NOT_RECOGNIZED, values: {} };
    const action = pick(formDataToObject(formData));
    // Only the actions it names (and the matrix test knows) can answer.
    if (!action || !actions.includes(action)) return { ok: false, error: unknown };
    // The previous state belongs to whichever action answered last; an action's form ignores it.
    return action.form(prev as never, formData);
  };
  FORM_WRAPPERS.set(switched, actions.map((a) => a.actionName));
  return switched;
}

/** redirect() and notFound() work by throwing; they must pass through. */
function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
