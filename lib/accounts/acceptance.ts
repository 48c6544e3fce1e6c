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

/** «ФИО и адрес почты не совпадают с приглашением» and its shorter cases. */
export function mismatchText(mismatch: readonly TAcceptanceMismatch[]): string {
  const what = mismatch.includes("name") && mismatch.includes("email") ? "ФИО и адрес почты не совпадают" : mismatch.includes("name") ? "ФИО не совпадает" : "Адрес почты не совпадает";
  return `${what} с приглашением: проверьте, кто подтвердил, и при необходимости отправьте учетную запись в архив`;
}
