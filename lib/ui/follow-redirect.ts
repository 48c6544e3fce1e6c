// The browser's half of goWithFlash (lib/ui/flash-server.ts), used by the form kit
// (components/forms/use-action-form.ts): a form whose action answered with the page to go to (and
// what to say there) goes there, replacing the form in the history as a redirect would. Called while
// rendering: Next's router performs a redirect() thrown there.
import { redirect, RedirectType } from "next/navigation";
import type { FormState } from "@/lib/actions/define-action";
import { leaveFlash } from "./flash-client";

export function followRedirect(state: FormState<unknown>): void {
  if (!state?.ok || !state.redirectTo) return;
  const to = state.redirectTo;
  // Our own pages only (the action names them; "//host" would leave the portal).
  if (!to.startsWith("/") || to.startsWith("//")) return;
  if (state.flash) leaveFlash(to, state.flash);
  redirect(to, RedirectType.replace);
}
