// Signs a demo person in as the ЕСИА callback would: their profile (as ЕСИА reports it) is stored
// by the real sign-in code, and a real next-auth session cookie is put in the request context.
import { encode } from "next-auth/jwt";
import { signInFromEsia } from "@/lib/auth/profile-sync";
import type { EsiaProfile } from "@/lib/esia/client";
import { demoPerson, organizationById, personById, type DemoPersonKey, type WorldPerson } from "@/lib/demo-world/esia-world";
import { ACCESS_GROUPS } from "@/lib/demo-world/reference";
import { requestContext } from "./request-context";

export function profileOf(person: WorldPerson): EsiaProfile {
  return {
    oid: person.esiaOid,
    lastName: person.lastName,
    firstName: person.firstName,
    middleName: person.middleName,
    snils: person.snils,
    trusted: true,
    email: person.email,
    mobile: person.mobile,
    organizations: person.memberships.map((m) => {
      const org = organizationById.get(m.organizationId)!;
      return {
        oid: org.esiaOid, ogrn: org.ogrn, fullName: org.fullName, shortName: org.shortName, type: org.esiaType, chief: m.chief, admin: m.admin,
        active: true, inn: org.inn, kpp: org.kpp, oktmo: org.oktmo ?? undefined,
        groups: m.groups.map((g) => ({ mnemonic: g, name: ACCESS_GROUPS.find((a) => a.mnemonic === g)?.name ?? g })),
      };
    }),
  };
}

export async function sessionCookieFor(sessionId: string, personId: string): Promise<string> {
  return encode({ token: { sub: personId, sid: sessionId }, secret: process.env.NEXTAUTH_SECRET! });
}

let counter = 0;

/**
 * Signs in as a demo person (by key) or any world person (by id); optionally picks the organization.
 * A person with one organization has it chosen, as the portal does after ЕСИА grants its rights.
 * A test may bring a person of its own (`{ person }`, not in the demo world) for a fixture account.
 */
export async function signInAs(who: DemoPersonKey | { personId: string } | { person: WorldPerson }, chosen?: string) {
  const person = typeof who === "string" ? demoPerson(who) : "person" in who ? who.person : personById.get(who.personId)!;
  const { personId, sessionId } = await signInFromEsia(profileOf(person), `esia-sid-${++counter}`);
  const organizationId = chosen ?? (person.memberships.length === 1 ? person.memberships[0].organizationId : undefined);
  if (organizationId) {
    const { testDb } = await import("./db");
    await testDb().authSession.update({ where: { id: sessionId }, data: { selectedOrganizationId: organizationId } });
  }
  requestContext.clear();
  requestContext.setCookie("next-auth.session-token", await sessionCookieFor(sessionId, personId));
  return { personId, sessionId, person };
}

/** Signs each person in and returns their cookies, to act at the same moment with runWithCookies. */
export async function cookiesOf(...people: Array<Parameters<typeof signInAs>[0]>) {
  const jars: Array<Record<string, string>> = [];
  for (const who of people) {
    await signInAs(who);
    jars.push(requestContext.cookies());
  }
  requestContext.clear();
  return jars;
}

export function signOutOfContext() {
  requestContext.clear();
}
