// Whether this server is stopping (SIGTERM/SIGINT received): a flag on globalThis, so that proxy.ts
// and the routes see what lib/server/lifecycle.ts set, without loading the database.
const state = globalThis as typeof globalThis & { __posStopping?: boolean };

export const isStopping = (): boolean => state.__posStopping ?? false;

export function markStopping(): void {
  state.__posStopping = true;
}
