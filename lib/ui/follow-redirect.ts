// The browser's half of goWithFlash (lib/ui/flash-server.ts): a form whose action answered with the
// page to go to (and what to say there) goes there, replacing the form in the history as a
// redirect would. Called while rendering: Next's router performs a redirect() thrown there.
import { redirect, RedirectType } from "next/navigation";
import { ZFlash } from "./flash";
import { leaveFlash } from "./flash-client";

export function followRedirect(state: { ok: boolean; data?: unknown } | null | undefined): void {
  const data = state?.ok ? (state.data as { redirectTo?: unknown; flash?: unknown } | undefined) : undefined;
  const to = data?.redirectTo;
  if (typeof to !== "string" || !to.startsWith("/")) return;
  const flash = ZFlash.safeParse(data?.flash);
  if (flash.success) leaveFlash(to, flash.data);
  redirect(to, RedirectType.replace);
}
