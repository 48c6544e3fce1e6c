// The server's half of the one-shot messages (./flash.ts): actions leave one, pages take theirs.
import "server-only";
import { randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { decodeFlash, encodeFlash, FLASH_COOKIE, FLASH_COOKIE_OPTIONS, FLASH_HEADER, type TFlash } from "./flash";

/**
 * For <FlashMessage key={…key} flash={…flash} />: the message proxy.ts took for this request, if
 * any, and a key new with every render of the page, so that the message (also one handed over in
 * the browser) is gone when the page is rendered again (after the next action on it).
 */
export async function flashForPage(): Promise<{ flash: TFlash | null; key: string }> {
  return { flash: decodeFlash((await headers()).get(FLASH_HEADER)), key: randomUUID() };
}

/**
 * Leads to the page that says the message once. A form posted by the browser itself (no JavaScript)
 * gets the message in a cookie and a redirect; one sent by JavaScript (Next marks it with the
 * Next-Action header) gets both back and goes there itself (lib/ui/follow-redirect.ts).
 */
export async function goWithFlash(url: string, flash: TFlash): Promise<{ redirectTo: string; flash: TFlash }> {
  if (!(await headers()).has("next-action")) {
    (await cookies()).set(FLASH_COOKIE, encodeFlash(flash), FLASH_COOKIE_OPTIONS);
    redirect(url);
  }
  return { redirectTo: url, flash };
}
