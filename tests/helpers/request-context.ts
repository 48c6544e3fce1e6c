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
};

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
