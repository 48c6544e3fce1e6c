// One-shot messages about what an action just did («Пользователь добавлен, приглашение отправлено…»),
// shown once on the page the action leads to and never again: not on a reload, not after the next
// action on that page (a message kept in the URL outlived its action, issue 14).
// Two ways, one per kind of form post (lib/ui/flash-server.ts, goWithFlash):
// - posted by the browser itself (no JavaScript): the action leaves the message in a short-lived
//   cookie and redirects; proxy.ts takes it out of the next page request (deleting the cookie in
//   that response) and hands it to the page in a request header.
// - sent by JavaScript: the action answers with the message and the page to go to; the form kit hands
//   the message to the next page in the browser (lib/ui/flash-client.ts) and goes there. A cookie
//   would not do: the page re-rendered by the action prefetches its links at once, and proxy.ts
//   cannot tell a prefetch from a visit (Next strips the router's headers before the proxy).
import { z } from "zod";

export const FLASH_COOKIE = "pos-flash";
/** The request header proxy.ts hands the taken message to the page in. */
export const FLASH_HEADER = "x-pos-flash";
/** A message nobody took (the person closed the tab) is gone after this long. */
export const FLASH_MAX_AGE_SECONDS = 120;

export const ZFlash = z.object({
  tone: z.enum(["success", "info", "warning"]),
  title: z.string().min(1).max(300),
  text: z.string().max(600).optional(),
});
export type TFlash = z.infer<typeof ZFlash>;

export function encodeFlash(flash: TFlash): string {
  return Buffer.from(JSON.stringify(ZFlash.parse(flash)), "utf8").toString("base64url");
}

/** The message a cookie or header carries; null for anything else (a forged or broken value). */
export function decodeFlash(value: string | null | undefined): TFlash | null {
  if (!value || value.length > 4000) return null;
  try {
    const parsed = ZFlash.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Cookie attributes of the message (also used to delete it: the same path). */
export const FLASH_COOKIE_OPTIONS = { path: "/", httpOnly: true, sameSite: "lax", maxAge: FLASH_MAX_AGE_SECONDS } as const;

/** What proxy.ts does with a request: the message it takes for the page, or nothing. */
export function flashToTake(request: { cookie: string | undefined; page: boolean }): string | null {
  if (!request.cookie || !request.page) return null;
  return decodeFlash(request.cookie) ? request.cookie : null;
}
