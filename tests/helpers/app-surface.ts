// Everything a request can reach: every server action (modules that call defineAction, and every
// export of a "use server" module), every route handler (app/**/route.ts) and every page and layout
// (app/**/page.tsx, layout.tsx), found on disk, so that a new one cannot slip past the security
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

const SOURCE_DIRS = ["app", "components", "lib"];
const isSource = (f: string) => /\.tsx?$/.test(f) && !/\.d\.ts$/.test(f);
const sourceFiles = () => SOURCE_DIRS.flatMap((d) => walk(path.join(ROOT, d), isSource));

/**
 * Source files under app/, components/ and lib/ that define server actions (directly, or through
 * lib/messages/transition.ts's defineTransition): wherever defineAction is called, not only in lib/.
 */
export function actionModuleFiles(): string[] {
  return sourceFiles().filter((f) => !f.endsWith("define-action.ts") && /\bdefine(Action|Transition)\(/.test(fs.readFileSync(f, "utf8")));
}

/** Modules whose first statement is the "use server" directive: every export of one is reachable from a browser. */
export function serverModuleFiles(): string[] {
  return sourceFiles().filter((f) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(fs.readFileSync(f, "utf8")));
}

/** Every exported function of every "use server" module, as "app/…/file.ts#name" with the function. */
export async function serverFunctions(): Promise<Array<{ key: string; fn: unknown }>> {
  const out: Array<{ key: string; fn: unknown }> = [];
  for (const file of serverModuleFiles()) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") out.push({ key: `${path.relative(ROOT, file)}#${name}`, fn: value });
    }
  }
  return out;
}

export interface PageModule {
  /** "page /admin/cabinets/[lkoId]" or "layout /admin/cabinets/[lkoId]" (route groups left out). */
  key: string;
  file: string;
}

/** Every app/**\/page.tsx and layout.tsx on disk. */
export function pageModules(): PageModule[] {
  const app = path.join(ROOT, "app");
  return walk(app, (f) => /[/\\](page|layout)\.(tsx|ts|jsx|js)$/.test(f)).map((file) => {
    const dir = path.relative(app, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
    const kind = path.basename(file).replace(/\.\w+$/, "");
    return { key: `${kind} /${dir.join("/")}`, file };
  });
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
