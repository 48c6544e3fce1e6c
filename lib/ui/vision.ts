// «Версия для слабовидящих» is remembered per browser in a cookie. The root layout reads it and
// renders <html data-vision="low">, so the page arrives in the chosen version without a flash, and
// the switch is a plain form (app/vision/route.ts) that works without JavaScript.
export const VISION_COOKIE = "pos_vision";
export const VISION_LOW = "low";
/** A year: a person who needs the larger text should not have to ask again. */
export const VISION_MAX_AGE = 365 * 24 * 60 * 60;

export const isLowVision = (cookieValue: string | undefined) => cookieValue === VISION_LOW;

/** Where to go back after switching: a path on this portal, never another site. */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\") || /[\r\n]/.test(candidate)) return "/";
  return candidate;
}
