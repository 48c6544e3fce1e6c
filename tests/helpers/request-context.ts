// Stands in for Next's request scope (next/headers) so that server actions and session helpers
// run in tests with real session cookies; nothing of our own is mocked.
type Cookie = { name: string; value: string };

const state = { cookies: new Map<string, string>(), headers: new Headers() };

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
};

const cookieStore = {
  get: (name: string): Cookie | undefined => (state.cookies.has(name) ? { name, value: state.cookies.get(name)! } : undefined),
  getAll: (): Cookie[] => [...state.cookies].map(([name, value]) => ({ name, value })),
  has: (name: string) => state.cookies.has(name),
  set: (name: string | Cookie, value?: string) => {
    if (typeof name === "string") state.cookies.set(name, value ?? "");
    else state.cookies.set(name.name, name.value);
  },
  delete: (name: string) => state.cookies.delete(name),
};

export const nextHeadersMock = {
  cookies: async () => cookieStore,
  headers: async () => state.headers,
};
