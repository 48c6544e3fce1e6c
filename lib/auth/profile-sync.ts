import "server-only";
import { db, type DbTx } from "@/lib/db";
import type { EsiaOrganizationGrant, EsiaProfile } from "@/lib/esia/client";
import { recordAudit } from "@/lib/audit/log";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** ОГРН digits 4–5 carry the region code of the registering tax office. */
const regionCodeOfOgrn = (ogrn: string) => Number(ogrn.slice(3, 5));

/** The region the portal serves (configuration): where an organization whose ОГРН names no known region is placed. */
const portalRegionCode = () => Number(process.env.PORTAL_REGION_CODE) || 74;

/** The organization's region from the reference data in the database: by its ОГРН, else the portal's own. */
async function regionOf(tx: DbTx, ogrn: string): Promise<string> {
  const byOgrn = await tx.region.findUnique({ where: { code: regionCodeOfOgrn(ogrn) }, select: { id: true } });
  return (byOgrn ?? (await tx.region.findUniqueOrThrow({ where: { code: portalRegionCode() }, select: { id: true } }))).id;
}

/**
 * Stores what ЕСИА said about the person at sign-in — the person, their organizations with
 * руководитель/администратор flags — and opens a portal session with no organization chosen yet.
 * Access groups come per organization, from its own authorization (applyOrganizationGrant); a
 * profile that carries them (groups present) has them stored too. From here on the database is the
 * source of truth for roles. One transaction: all or nothing.
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
      // Without the organization's scopes ЕСИА said nothing about groups: the last known stay until
      // that organization is authorized again (it must be, before the person acts for it).
      if (org.groups) await replaceGroups(tx, membership.id, org.groups);
    }
    // Organizations ЕСИА no longer lists for this person: they are no longer an employee there.
    await tx.membership.updateMany({ where: { personId: person.id, organizationId: { notIn: seen } }, data: { active: false, syncedAt: now } });

    const session = await tx.authSession.create({
      data: {
        personId: person.id,
        esiaSid,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
        // Chosen only after ЕСИА grants the organization's rights (even the only one: automatically).
        selectedOrganizationId: null,
      },
    });
    await recordAudit(tx, { actorPersonId: person.id, action: "auth.signed_in", entityType: "Person", entityId: person.id, data: { organizations: seen.length } });
    return { personId: person.id, sessionId: session.id };
  });
}

async function replaceGroups(tx: DbTx, membershipId: string, groups: Array<{ mnemonic: string; name: string }>) {
  await tx.membershipGroup.deleteMany({ where: { membershipId } });
  for (const group of groups) {
    const g = await tx.accessGroup.upsert({
      where: { mnemonic: group.mnemonic },
      create: { mnemonic: group.mnemonic, name: group.name },
      update: { name: group.name },
    });
    await tx.membershipGroup.create({ data: { membershipId, groupId: g.id } });
  }
}

const municipalityOf = (tx: DbTx, oktmo: string) => tx.municipality.findFirst({ where: { oktmo: { startsWith: oktmo.slice(0, 5) } }, select: { id: true } });

/**
 * The portal's organization for an ЕСИА one. A new one is registered from /roles (name, ОГРН; the
 * region from the ОГРН); ИНН, КПП and ОКТМО come only under the organization's own scopes, so
 * until its first authorization its ИНН is empty.
 */
async function ensureOrganization(tx: DbTx, org: EsiaProfile["organizations"][number]): Promise<string | null> {
  const known = await tx.organization.findFirst({ where: { OR: [{ esiaOid: org.oid }, { ogrn: org.ogrn }] }, select: { id: true } });
  if (known) {
    await tx.organization.update({
      where: { id: known.id },
      data: {
        esiaOid: org.oid, fullName: org.fullName, shortName: org.shortName, email: org.email ?? undefined, phone: org.phone ?? undefined,
        inn: org.inn || undefined, kpp: org.kpp || undefined,
      },
    });
    return known.id;
  }
  if (!/^\d{13}$/.test(org.ogrn)) return null;
  const regionId = await regionOf(tx, org.ogrn);
  const municipality = org.oktmo ? await municipalityOf(tx, org.oktmo) : null;
  const created = await tx.organization.create({
    data: {
      esiaOid: org.oid, fullName: org.fullName, shortName: org.shortName, ogrn: org.ogrn, inn: org.inn ?? null, kpp: org.kpp,
      regionId, municipalityId: municipality?.id, email: org.email, phone: org.phone,
    },
    select: { id: true },
  });
  return created.id;
}

export class OrganizationGrantError extends Error {}

/**
 * What ЕСИА granted for one organization (its second authorization, scope_org): the requisites
 * and the person's access groups there are written, and only then the organization becomes the
 * session's choice. Other organizations' groups are left alone. One transaction.
 */
export async function applyOrganizationGrant(
  input: { sessionId: string; personId: string; organizationId: string; grant: EsiaOrganizationGrant },
  now = new Date(),
): Promise<void> {
  const { sessionId, personId, organizationId, grant } = input;
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { personId_organizationId: { personId, organizationId } },
      select: { id: true, active: true, organization: { select: { esiaOid: true, ogrn: true, municipalityId: true } } },
    });
    if (!membership?.active) throw new OrganizationGrantError("Человек не числится сотрудником организации в ЕСИА");
    const org = membership.organization;
    if (org.esiaOid !== grant.oid || (grant.ogrn && grant.ogrn !== org.ogrn)) throw new OrganizationGrantError("ЕСИА предоставила права другой организации");
    const municipality = !org.municipalityId && grant.oktmo ? await municipalityOf(tx, grant.oktmo) : null;
    await tx.organization.update({
      where: { id: organizationId },
      data: { inn: grant.inn || undefined, kpp: grant.kpp || undefined, municipalityId: municipality?.id },
    });
    await replaceGroups(tx, membership.id, grant.groups);
    await tx.membership.update({ where: { id: membership.id }, data: { syncedAt: now } });
    const { count } = await tx.authSession.updateMany({
      where: { id: sessionId, personId, revokedAt: null, expiresAt: { gt: now } },
      data: { selectedOrganizationId: organizationId },
    });
    if (count !== 1) throw new OrganizationGrantError("Сеанс портала завершён");
    await recordAudit(tx, {
      actorPersonId: personId, action: "session.organization_chosen", entityType: "AuthSession", entityId: sessionId, organizationId,
      data: { groups: grant.groups.map((g) => g.mnemonic) },
    });
  });
}
