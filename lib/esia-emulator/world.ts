// The emulator's own directory of persons and organizations — its "database". Built from the
// shared demo world so that it agrees with the portal's seed (docs/decisions/003-esia.md).
import { scryptSync, timingSafeEqual, randomBytes } from "node:crypto";
import { DEMO_PASSWORD, ORGANIZATIONS, PERSONS, type WorldOrganization, type WorldPerson } from "../demo-world/esia-world";
import { ACCESS_GROUPS } from "../demo-world/reference";

export interface EmulatorPerson extends WorldPerson {
  passwordHash: Buffer;
  salt: Buffer;
}

export interface EmulatorWorld {
  persons: EmulatorPerson[];
  organizations: WorldOrganization[];
  groupName(mnemonic: string): string;
  personByOid(oid: string): EmulatorPerson | undefined;
  organizationByOid(oid: string): WorldOrganization | undefined;
  organizationById(id: string): WorldOrganization | undefined;
  findByLogin(login: string): EmulatorPerson | undefined;
  checkPassword(person: EmulatorPerson, password: string): boolean;
}

const hash = (password: string, salt: Buffer) => scryptSync(password, salt, 32, { N: 1024 });

/** «+7 (900) 000-00-06», «89000000006» and «79000000006» are the same phone. */
export function normalizePhone(value: string): string | null {
  const digits = value.replace(/\D/g, "");
  if (digits.length === 11 && (digits.startsWith("7") || digits.startsWith("8"))) return "7" + digits.slice(1);
  if (digits.length === 10) return "7" + digits;
  return null;
}

export function createEmulatorWorld(
  persons: readonly WorldPerson[] = PERSONS,
  organizations: readonly WorldOrganization[] = ORGANIZATIONS,
  password = DEMO_PASSWORD,
): EmulatorWorld {
  const withPasswords: EmulatorPerson[] = persons.map((p) => {
    const salt = randomBytes(16);
    return { ...p, salt, passwordHash: hash(password, salt) };
  });
  const byOid = new Map(withPasswords.map((p) => [p.esiaOid, p]));
  const byLogin = new Map<string, EmulatorPerson>();
  for (const p of withPasswords) {
    byLogin.set(p.email.toLowerCase(), p);
    byLogin.set(p.snils, p);
    const phone = normalizePhone(p.mobile);
    if (phone) byLogin.set(phone, p);
  }
  const orgByOid = new Map(organizations.map((o) => [o.esiaOid, o]));
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const groupNames = new Map<string, string>(ACCESS_GROUPS.map((g) => [g.mnemonic, g.name]));
  return {
    persons: withPasswords,
    organizations: [...organizations],
    groupName: (mnemonic) => groupNames.get(mnemonic) ?? mnemonic,
    personByOid: (oid) => byOid.get(oid),
    organizationByOid: (oid) => orgByOid.get(oid),
    organizationById: (id) => orgById.get(id),
    findByLogin(login) {
      const value = login.trim();
      if (value.includes("@")) return byLogin.get(value.toLowerCase());
      const digits = value.replace(/\D/g, "");
      // СНИЛС has 11 digits like a phone; a phone starts with 7 or 8 and is written with + or brackets.
      return byLogin.get(digits) ?? (normalizePhone(value) ? byLogin.get(normalizePhone(value)!) : undefined);
    },
    checkPassword(person, candidate) {
      return timingSafeEqual(hash(candidate, person.salt), person.passwordHash);
    },
  };
}
