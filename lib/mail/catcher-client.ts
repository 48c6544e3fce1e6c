import "server-only";
import type { CaughtMessage } from "@/lib/mail-catcher/server";
import { mailConfig } from "./config";

/** Messages the local catcher received, newest first; null when no catcher is configured. */
export async function caughtMessages(): Promise<CaughtMessage[] | null> {
  const url = mailConfig().catcherUrl;
  if (!url) return null;
  try {
    const res = await fetch(`${url}/api/messages`, { cache: "no-store" });
    return res.ok ? ((await res.json()) as CaughtMessage[]) : [];
  } catch {
    return [];
  }
}
