// The browser's hand-over of a one-shot message (./flash.ts) from a form to the page it goes to:
// kept in memory for that page, taken by its <FlashMessage> once.
import type { TFlash } from "./flash";

let waiting: { path: string; flash: TFlash } | null = null;

export function leaveFlash(path: string, flash: TFlash): void {
  waiting = { path: new URL(path, "http://x").pathname, flash };
}

/** The message left for this page, without taking it (React may render more than once). */
export function flashFor(pathname: string | null): TFlash | null {
  return waiting && waiting.path === pathname ? waiting.flash : null;
}

/** Taken: the next render of any page shows nothing of it. */
export function dropFlash(pathname: string | null): void {
  if (waiting && waiting.path === pathname) waiting = null;
}
