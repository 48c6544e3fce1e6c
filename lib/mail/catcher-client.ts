import "server-only";
import type { CaughtMessage } from "@/lib/mail-catcher/server";
import { demoMailbox } from "./config";

/** Messages the local catcher received, newest first; null where «Почта (демо)» is off (not a demo stand). */
export async function caughtMessages(): Promise<CaughtMessage[] | null> {
  const url = demoMailbox().catcherUrl;
  if (!url) return null;
  try {
    const res = await fetch(`${url}/api/messages`, { cache: "no-store" });
    return res.ok ? ((await res.json()) as CaughtMessage[]) : [];
  } catch {
    return [];
  }
}
