// The server's half of the one-shot messages (./flash.ts): actions leave one, pages take theirs.
import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { decodeFlash, encodeFlash, FLASH_COOKIE, FLASH_COOKIE_OPTIONS, FLASH_HEADER, type TFlash } from "./flash";

/** The message proxy.ts took for this page request, if any. */
export async function takenFlash(): Promise<TFlash | null> {
  return decodeFlash((await headers()).get(FLASH_HEADER));
}

/**
 * Leaves the message and leads to the page that shows it. A form posted by the browser itself
 * (no JavaScript) is redirected, and that page's request takes the message. A form sent by
 * JavaScript navigates itself (lib/ui/follow-redirect.ts): Next would render a redirect's page inside the
 * action's own request, which takes the message while the browser keeps the cookie — shown twice.
 */
export async function goWithFlash(url: string, flash: TFlash): Promise<{ redirectTo: string }> {
  (await cookies()).set(FLASH_COOKIE, encodeFlash(flash), FLASH_COOKIE_OPTIONS);
  if (!(await headers()).has("next-action")) redirect(url);
  return { redirectTo: url };
}
