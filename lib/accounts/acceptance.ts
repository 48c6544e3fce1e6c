// Who really accepted an invitation (issue 17, finding 3): an ЕСИА employee of the organization may
// accept an invitation addressed to someone else (decision 044), and the list used to show only the
// invited name. The person from ЕСИА is shown beside it, and a differing name or address is marked,
// so that the administrator can check and archive the account. Pure: the list and tests use it.
import { fullName } from "@/lib/ui/format";

interface TNamed {
  lastName: string;
  firstName: string;
  middleName: string | null;
  email: string | null;
}

export type TAcceptanceMismatch = "name" | "email";

export interface TAcceptance {
  /** ФИО as ЕСИА gave it. */
  person: string;
  /** What differs from the invitation (empty: the invited person accepted). */
  mismatch: TAcceptanceMismatch[];
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase("ru").replace(/ё/g, "е").replace(/\s+/g, " ") === b.trim().toLocaleLowerCase("ru").replace(/ё/g, "е").replace(/\s+/g, " ");

/** The accepting person against the invited one; null when nobody has accepted. A patronymic or an address ЕСИА did not give is not a mismatch. */
export function acceptanceOf(invited: TNamed & { email: string }, person: TNamed | null): TAcceptance | null {
  if (!person) return null;
  const mismatch: TAcceptanceMismatch[] = [];
  const middle = invited.middleName && person.middleName ? same(invited.middleName, person.middleName) : true;
  if (!same(invited.lastName, person.lastName) || !same(invited.firstName, person.firstName) || !middle) mismatch.push("name");
  if (person.email && !same(invited.email, person.email)) mismatch.push("email");
  return { person: fullName(person), mismatch };
}

/**
 * Does this acceptance wait for a cabinet administrator (decision 077)? Only when the person got in
 * through ЕСИА membership of the organization — not by the invited address — and their ФИО differs
 * from the invitation: the link reached a colleague. A differing address alone is the usual case (a
 * work address invited, a personal one in ЕСИА) and a differing name at the invited address is the
 * invited person (a changed surname, a typo): both are only marked.
 */
export function needsApproval(matchedBy: "email" | "membership", acceptance: TAcceptance): boolean {
  return matchedBy === "membership" && acceptance.mismatch.includes("name");
}

/** «ФИО и адрес почты не совпадают» and its shorter cases. */
export function mismatchWords(mismatch: readonly TAcceptanceMismatch[]): string {
  return mismatch.includes("name") && mismatch.includes("email") ? "ФИО и адрес почты не совпадают" : mismatch.includes("name") ? "ФИО не совпадает" : "Адрес почты не совпадает";
}

/** The mark beside a confirmed account: «… не совпадает с приглашением: проверьте …». */
export function mismatchText(mismatch: readonly TAcceptanceMismatch[]): string {
  return `${mismatchWords(mismatch)} с приглашением: проверьте, кто подтвердил, и при необходимости отправьте учетную запись в архив`;
}

/** The mark beside an account that waits for the administrator (decision 077). */
export function approvalText(mismatch: readonly TAcceptanceMismatch[]): string {
  return `${mismatchWords(mismatch)} с приглашением. Доступа нет, пока администратор не подтвердит учетную запись: нажмите «Подтвердить», если доступ нужен этому сотруднику, или «В архив»`;
}
