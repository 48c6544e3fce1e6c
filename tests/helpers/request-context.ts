// Stands in for Next's request scope (next/headers) so that server actions and session helpers
// run in tests with real session cookies; nothing of our own is mocked.
import { AsyncLocalStorage } from "node:async_hooks";

type Cookie = { name: string; value: string };
type State = { cookies: Map<string, string>; headers: Headers };

const state: State = { cookies: new Map<string, string>(), headers: new Headers() };
// Calls started with runWithCookies see their own cookies: two people acting at the same time.
const scoped = new AsyncLocalStorage<State>();
const current = () => scoped.getStore() ?? state;

export const requestContext = {
  setCookie(name: string, value: string) {
    state.cookies.set(name, value);
  },
  clear() {
    state.cookies.clear();
    state.headers = new Headers();
  },
  setHeader(name: string, value: string) {
    state.headers.set(name, value);
  },
  /** Runs fn as a separate request carrying these cookies, whatever other calls do meanwhile. */
  runWithCookies<T>(cookies: Record<string, string>, fn: () => Promise<T>): Promise<T> {
    return scoped.run({ cookies: new Map(Object.entries(cookies)), headers: new Headers() }, fn);
  },
  /** The cookies of the current context (e.g. to hand a signed-in person's cookie to runWithCookies). */
  cookies(): Record<string, string> {
    return Object.fromEntries(current().cookies);
  },
  /**
   * Runs fn as one request of a page: what React's `cache` memoizes is shared by everything fn
   * renders (the layout and the page), as in Next; outside, every call reads again.
   */
  asOneRequest<T>(fn: () => Promise<T>): Promise<T> {
    return requestMemo.run(new Map(), fn);
  },
};

// React's `cache` memoizes only while React renders on the server (per request); tests call pages
// as functions, outside any render. tests/setup/next-request.ts puts this in its place: the same
// memo (by argument: primitives by value, objects by identity) within asOneRequest, none outside.
const requestMemo = new AsyncLocalStorage<Map<unknown, unknown>>();
const RESULT = Symbol("result");

export function requestCache<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    const memo = requestMemo.getStore();
    if (!memo) return fn(...args);
    let node = (memo.get(fn) ?? memo.set(fn, new Map()).get(fn)) as Map<unknown, unknown>;
    for (const arg of args) node = (node.get(arg) ?? node.set(arg, new Map()).get(arg)) as Map<unknown, unknown>;
    if (!node.has(RESULT)) node.set(RESULT, fn(...args));
    return node.get(RESULT) as R;
  };
}

const cookieStore = {
  get: (name: string): Cookie | undefined => (current().cookies.has(name) ? { name, value: current().cookies.get(name)! } : undefined),
  getAll: (): Cookie[] => [...current().cookies].map(([name, value]) => ({ name, value })),
  has: (name: string) => current().cookies.has(name),
  set: (name: string | Cookie, value?: string) => {
    if (typeof name === "string") current().cookies.set(name, value ?? "");
    else current().cookies.set(name.name, name.value);
  },
  delete: (name: string) => current().cookies.delete(name),
};

export const nextHeadersMock = {
  cookies: async () => cookieStore,
  headers: async () => current().headers,
};
