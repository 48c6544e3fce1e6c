// next-auth's session cookie by name. Pure module: proxy.ts loads it as it is (it must tell a
// guest from a signed-in person before any page renders: the guest home comes from Next's cache).

export const SESSION_COOKIE = "next-auth.session-token";
/** The name on https: the browser keeps a `__Secure-` cookie only from a secure origin. */
export const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

/** A session cookie of either name, whole or one chunk of a large one (`.0`, `.1`…). */
export const isSessionCookieName = (name: string): boolean => /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(name);
