// Everything a request can reach: every server action (modules that call defineAction) and every
// route handler (app/**/route.ts), found on disk, so that a new one cannot slip past the security
// tests (authorization matrix, hostile input).
import fs from "node:fs";
import path from "node:path";
import { ACTION_REGISTRY, type Action } from "@/lib/actions/define-action";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

function walk(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, keep));
    else if (keep(full)) out.push(full);
  }
  return out.sort();
}

/** Source files under lib/ that define server actions (directly, or through lib/messages/transition.ts's defineTransition). */
export function actionModuleFiles(): string[] {
  return walk(path.join(ROOT, "lib"), (f) => /\.tsx?$/.test(f) && !f.endsWith("define-action.ts") && /\bdefine(Action|Transition)\(/.test(fs.readFileSync(f, "utf8")));
}

/** Every action, by its registry name, as the page calls it (the exported wrapper). */
export async function loadActions(): Promise<Map<string, Action<unknown>>> {
  const actions = new Map<string, Action<unknown>>();
  for (const file of actionModuleFiles()) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (typeof value === "function" && typeof (value as Partial<Action<unknown>>).actionName === "string") {
        actions.set((value as Action<unknown>).actionName, value as Action<unknown>);
      }
    }
  }
  for (const name of ACTION_REGISTRY.keys()) {
    if (!actions.has(name)) throw new Error(`Действие ${name} зарегистрировано, но не экспортировано из своего модуля`);
  }
  return actions;
}

export interface RouteHandler {
  /** "POST /invite/[token]/request" */
  key: string;
  method: HttpMethod;
  /** The route's path pattern, e.g. "/invite/[token]/request". */
  pattern: string;
  handler: (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;
}

/** Every exported HTTP method of every app/**\/route.ts. */
export async function loadRouteHandlers(): Promise<RouteHandler[]> {
  const app = path.join(ROOT, "app");
  const handlers: RouteHandler[] = [];
  for (const file of walk(app, (f) => /[/\\]route\.tsx?$/.test(f))) {
    const dir = path.relative(app, path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
    const pattern = `/${dir.join("/")}`;
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === "function") handlers.push({ key: `${method} ${pattern}`, method, pattern, handler: mod[method] as RouteHandler["handler"] });
    }
  }
  return handlers;
}
