// Shared by the accounts, invitations and cabinets tests: reading what the services wrote.
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { testDb } from "../../helpers/db";
import type { TAddAccountInput } from "@/lib/accounts/schemas";
import { revealSecrets } from "@/lib/mail/secrets";

export const SCHOOL_16_CABINET = "cab-work-mag-school-16";
export const KINDERGARTEN_7_CABINET = "cab-work-mag-kindergarten-7";

export function newUser(overrides: Partial<TAddAccountInput> = {}): TAddAccountInput {
  return {
    cabinetId: SCHOOL_16_CABINET,
    lastName: "Луговская",
    firstName: "Алина",
    middleName: "Андреевна",
    email: `new.user.${Math.random().toString(36).slice(2, 8)}@school16.demo.test`,
    phone: "89001112233",
    position: "Заместитель директора",
    roles: ["MODERATOR"],
    curatorSphereIds: [],
    ...overrides,
  };
}

/**
 * The newest email queued to the address, as it will be sent. Only before delivery: once sent, the
 * outbox's copy has lost its secrets (the invitation link, lib/mail/secrets.ts); the mail catcher
 * keeps what was received (e2e and «Почта (демо)» read it there).
 */
export async function lastEmailTo(to: string) {
  const email = await testDb().outboxEmail.findFirst({ where: { to: to.toLowerCase() }, orderBy: { createdAt: "desc" } });
  return email && { ...email, text: revealSecrets(email.text), html: email.html && revealSecrets(email.html) };
}

/** The token of the invitation link in an email's text. */
export function tokenIn(text: string): string {
  const m = /\/invite\/([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`В письме нет ссылки приглашения:\n${text}`);
  return m[1];
}

/** Runs an action expecting refusal; returns its message. */
export async function refused(result: Promise<{ ok: boolean; error?: string }>): Promise<string> {
  const r = await result;
  if (r.ok) throw new Error("Ожидался отказ, а действие выполнено");
  return r.error ?? "";
}

/** A server page's HTML (its client components render their initial markup). */
export async function pageHtml(page: Promise<ReactNode>): Promise<string> {
  return renderToStaticMarkup(await page);
}

/** Whatever redirect() or notFound() a page or guard asked for, as Next signals it (by throwing); null when it rendered. */
export async function navigationOf(fn: () => Promise<unknown>): Promise<{ redirect: string } | "not-found" | null> {
  try {
    await fn();
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "not-found";
    throw error;
  }
}
