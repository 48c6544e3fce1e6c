import "server-only";
import { db, type DbTx } from "@/lib/db";
import type { EsiaProfile } from "@/lib/esia/client";
import { regionId } from "@/lib/demo-world/regions";
import { recordAudit } from "@/lib/audit/log";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** ОГРН digits 4–5 carry the region code of the registering tax office. */
const regionCodeOfOgrn = (ogrn: string) => Number(ogrn.slice(3, 5));

/**
 * Stores what ЕСИА said about the person at sign-in — the person, their organizations with
 * руководитель/администратор flags and access groups — and opens a portal session. From here on
 * the database is the source of truth for roles. One transaction: all or nothing.
 */
export async function signInFromEsia(profile: EsiaProfile, esiaSid: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const person = await tx.person.upsert({
      where: { esiaOid: profile.oid },
      create: {
        esiaOid: profile.oid, lastName: profile.lastName, firstName: profile.firstName, middleName: profile.middleName,
        snils: profile.snils, email: profile.email, mobile: profile.mobile, trusted: profile.trusted, lastLoginAt: now,
      },
      update: {
        lastName: profile.lastName, firstName: profile.firstName, middleName: profile.middleName ?? null,
        snils: profile.snils ?? null, email: profile.email ?? null, mobile: profile.mobile ?? null, trusted: profile.trusted, lastLoginAt: now,
      },
    });

    const seen: string[] = [];
    for (const org of profile.organizations) {
      const organizationId = await ensureOrganization(tx, org);
      if (!organizationId) continue;
      seen.push(organizationId);
      const membership = await tx.membership.upsert({
        where: { personId_organizationId: { personId: person.id, organizationId } },
        create: { personId: person.id, organizationId, chief: org.chief, admin: org.admin, active: org.active, syncedAt: now },
        update: { chief: org.chief, admin: org.admin, active: org.active, syncedAt: now },
      });
      await tx.membershipGroup.deleteMany({ where: { membershipId: membership.id } });
      for (const group of org.groups) {
        const g = await tx.accessGroup.upsert({
          where: { mnemonic: group.mnemonic },
          create: { mnemonic: group.mnemonic, name: group.name },
          update: { name: group.name },
        });
        await tx.membershipGroup.create({ data: { membershipId: membership.id, groupId: g.id } });
      }
    }
    // Organizations ЕСИА no longer lists for this person: they are no longer an employee there.
    await tx.membership.updateMany({ where: { personId: person.id, organizationId: { notIn: seen } }, data: { active: false, syncedAt: now } });

    const session = await tx.authSession.create({
      data: {
        personId: person.id,
        esiaSid,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
        // A person with one organization does not need to choose it.
        selectedOrganizationId: seen.length === 1 ? seen[0] : null,
      },
    });
    await recordAudit(tx, { actorPersonId: person.id, action: "auth.signed_in", entityType: "Person", entityId: person.id, data: { organizations: seen.length } });
    return { personId: person.id, sessionId: session.id };
  });
}

/** The portal's organization for an ЕСИА one; a new one is registered from ЕСИА's requisites. */
async function ensureOrganization(tx: DbTx, org: EsiaProfile["organizations"][number]): Promise<string | null> {
  const known = await tx.organization.findFirst({ where: { OR: [{ esiaOid: org.oid }, { ogrn: org.ogrn }] }, select: { id: true } });
  if (known) {
    await tx.organization.update({
      where: { id: known.id },
      data: { esiaOid: org.oid, fullName: org.fullName, shortName: org.shortName, email: org.email ?? undefined, phone: org.phone ?? undefined },
    });
    return known.id;
  }
  // Without ИНН (ЕСИА did not give the organization's details) the organization is not registered.
  if (!org.inn) return null;
  const region = await tx.region.findUnique({ where: { id: regionId(regionCodeOfOgrn(org.ogrn)) }, select: { id: true } });
  const municipality = org.oktmo ? await tx.municipality.findFirst({ where: { oktmo: { startsWith: org.oktmo.slice(0, 5) } }, select: { id: true } }) : null;
  const created = await tx.organization.create({
    data: {
      esiaOid: org.oid, fullName: org.fullName, shortName: org.shortName, ogrn: org.ogrn, inn: org.inn, kpp: org.kpp,
      regionId: region?.id ?? regionId(74), municipalityId: municipality?.id, email: org.email, phone: org.phone,
    },
    select: { id: true },
  });
  return created.id;
}
