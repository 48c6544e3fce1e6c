// The browser's half of goWithFlash (lib/ui/flash-server.ts): a form whose action answered with the
// page to go to goes there, replacing the form in the history as a redirect would. Called while
// rendering: Next's router performs a redirect() thrown there (not allowed in event handlers).
import { redirect, RedirectType } from "next/navigation";

export function followRedirect(state: { ok: boolean; data?: unknown } | null | undefined): void {
  const to = state?.ok ? (state.data as { redirectTo?: unknown } | undefined)?.redirectTo : undefined;
  if (typeof to === "string" && to.startsWith("/")) redirect(to, RedirectType.replace);
}
