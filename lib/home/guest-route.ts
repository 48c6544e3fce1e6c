// Which requests for the home page get the guest's render kept in Next's cache (issue 19, decision
// 079): a read of `/` without a session cookie and without a one-shot message waiting for it
// (lib/ui/flash.ts: that one is rendered for its request, the message is taken then). The view
// (normal / low vision, decision 063) is part of the cached address. Pure module: proxy.ts loads it.
import { isSessionCookieName } from "@/lib/auth/session-cookie";

export type TGuestHomeView = "normal" | "low";
export const GUEST_HOME_VIEWS: readonly TGuestHomeView[] = ["normal", "low"];

interface TRequest {
  method: string;
  pathname: string;
  /** Names of the cookies the request carries. */
  cookieNames: string[];
  /** A one-shot message is waiting for this page (proxy.ts took one). */
  flash: boolean;
  lowVision: boolean;
}

/** The internal address of the guest home's cached render, or null: the React page answers. */
export function cachedGuestHomePath({ method, pathname, cookieNames, flash, lowVision }: TRequest): string | null {
  if (pathname !== "/" || (method !== "GET" && method !== "HEAD") || flash) return null;
  if (cookieNames.some(isSessionCookieName)) return null;
  return `/home/cached/${lowVision ? "low" : "normal"}`;
}

