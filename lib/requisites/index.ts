// Check digits of Russian state registration numbers (ОГРН, ИНН, КПП, СНИЛС).
// Pure functions: the seed and the demo ЕСИА world build valid numbers with them, and the tests check
// the seeded numbers with them. No form takes these numbers: they come from ЕСИА.

const digitsOnly = (value: string, length: number) => new RegExp(`^\\d{${length}}$`).test(value);

/** ОГРН: 13 digits, the last is (first 12 as a number mod 11) mod 10. */
export function ogrnCheckDigit(first12: string): number {
  return Number((BigInt(first12) % 11n) % 10n);
}

export function isValidOgrn(ogrn: string): boolean {
  return digitsOnly(ogrn, 13) && ogrnCheckDigit(ogrn.slice(0, 12)) === Number(ogrn[12]);
}

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];

/** ИНН of an organization: 10 digits, the last is a weighted sum mod 11 mod 10. */
export function innCheckDigit(first9: string): number {
  const sum = INN10_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first9[i]), 0);
  return (sum % 11) % 10;
}

export function isValidInn(inn: string): boolean {
  return digitsOnly(inn, 10) && innCheckDigit(inn.slice(0, 9)) === Number(inn[9]);
}

export function isValidKpp(kpp: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp);
}

/** СНИЛС: 11 digits, the last two a checksum of the first nine. */
export function snilsChecksum(first9: string): string {
  const sum = [...first9].reduce((acc, digit, i) => acc + Number(digit) * (9 - i), 0);
  const rest = sum < 100 ? sum : sum % 101;
  return String(rest === 100 || rest === 101 ? 0 : rest).padStart(2, "0");
}

export function isValidSnils(snils: string): boolean {
  const plain = snils.replace(/[\s-]/g, "");
  return digitsOnly(plain, 11) && snilsChecksum(plain.slice(0, 9)) === plain.slice(9);
}

/** «123-456-789 64»: how ЕСИА and people write a СНИЛС. */
export function formatSnils(snils: string): string {
  const p = snils.replace(/\D/g, "");
  return `${p.slice(0, 3)}-${p.slice(3, 6)}-${p.slice(6, 9)} ${p.slice(9, 11)}`;
}

/** Builds a valid ОГРН of a legal entity from a registration year, region code and serial number. */
export function makeOgrn(year: number, regionCode: number, serial: number): string {
  const first12 =
    "1" + String(year % 100).padStart(2, "0") + String(regionCode).padStart(2, "0") + "00" + String(serial).padStart(5, "0");
  return first12 + ogrnCheckDigit(first12);
}

/** Builds a valid ИНН of a legal entity: 4-digit tax office code, 5-digit serial number. */
export function makeInn(taxOffice: number, serial: number): string {
  const first9 = String(taxOffice).padStart(4, "0") + String(serial).padStart(5, "0");
  return first9 + innCheckDigit(first9);
}

export function makeSnils(serial: number): string {
  const first9 = String(serial).padStart(9, "0");
  return first9 + snilsChecksum(first9);
}
