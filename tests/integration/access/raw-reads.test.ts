// The two hot reads written in SQL (decision 066) say exactly what Prisma's nested selects they
// replaced said: the rights of every person in the demo, a session with and without a chosen
// organization (with the menu's counts of the requests the person reviews, decision 082), and the
// card of every request as its reviewers see it. Prisma's reads below are
// the reference, kept here only for this comparison.
import { describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/access/actor";
import { reviewerOrganizations } from "@/lib/access/policies";
import { loadSignedIn } from "@/lib/auth/session";
import { loadRequestCard } from "@/lib/requests/review";
import { compareNatural } from "@/lib/db/natural-order";
import { testDb } from "../../helpers/db";
import { signInAs } from "../../helpers/session";

const db = testDb();

async function actorByPrisma(personId: string): Promise<Actor> {
  const row = await db.person.findUnique({
    where: { id: personId },
    select: {
      accounts: {
        where: { status: "CONFIRMED", cabinet: { status: "ACTIVE" } },
        orderBy: { id: "asc" },
        select: {
          id: true, trainingConfirmedAt: true,
          cabinet: { select: { id: true, kind: true, organizationId: true, regionId: true } },
          roles: { orderBy: { role: "asc" }, select: { role: true, spheres: { select: { sphereId: true } } } },
        },
      },
      memberships: {
        where: { active: true },
        orderBy: { organizationId: "asc" },
        select: { organizationId: true, chief: true, admin: true, groups: { select: { group: { select: { mnemonic: true } } } } },
      },
    },
  });
  return {
    personId,
    accounts: (row?.accounts ?? []).map((a) => ({
      accountId: a.id, cabinetId: a.cabinet.id, cabinetKind: a.cabinet.kind, organizationId: a.cabinet.organizationId, regionId: a.cabinet.regionId,
      active: a.trainingConfirmedAt !== null, trainingConfirmedAt: a.trainingConfirmedAt,
      roles: a.roles.map((r) => ({ role: r.role, sphereIds: r.spheres.map((s) => s.sphereId).sort() })),
    })),
    memberships: (row?.memberships ?? []).map((m) => ({ organizationId: m.organizationId, chief: m.chief, admin: m.admin, groups: m.groups.map((g) => g.group.mnemonic).sort() })),
  };
}

/** The organizations where the person holds a reviewing role (an organ's ЛКО administrator, the region's operator) that have received requests, with the number waiting. */
async function requestCountsByPrisma(personId: string) {
  const accounts = await db.account.findMany({
    where: { personId, status: "CONFIRMED", cabinet: { status: "ACTIVE" }, roles: { some: { role: { in: ["LKO_ADMIN", "REGION_OPERATOR"] } } } },
    select: { cabinet: { select: { organizationId: true } } },
  });
  const rows = await db.cabinetRequest.groupBy({ by: ["reviewerOrganizationId", "status"], where: { reviewerOrganizationId: { in: accounts.map((a) => a.cabinet.organizationId) } }, _count: { _all: true } });
  const waiting = new Map<string, number>();
  for (const r of rows) waiting.set(r.reviewerOrganizationId, (waiting.get(r.reviewerOrganizationId) ?? 0) + (r.status === "PENDING" ? r._count._all : 0));
  return [...waiting].map(([organizationId, n]) => ({ organizationId, waiting: n })).sort(byOrganization);
}
const byOrganization = (a: { organizationId: string }, b: { organizationId: string }) => (a.organizationId < b.organizationId ? -1 : 1);

async function cardByPrisma(requestId: string) {
  const request = await db.cabinetRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      id: true, kind: true, status: true, version: true, currentRevision: true, rejectionReason: true, createdAt: true, decidedAt: true, reviewerOrganizationId: true,
      cabinet: { select: { lkoId: true, name: true } },
      organization: {
        select: {
          id: true, esiaOid: true, fullName: true, shortName: true, ogrn: true, inn: true, kpp: true, kind: true, email: true, phone: true,
          region: { select: { name: true } }, municipality: { select: { name: true, oktmo: true } }, parent: { select: { shortName: true } },
        },
      },
      applicant: { select: { id: true, lastName: true, firstName: true, middleName: true, email: true, mobile: true } },
      revisions: {
        orderBy: { number: "asc" },
        select: {
          number: true, name: true, regionId: true, type: true, editorialCabinetId: true, sphereIds: true, email: true, submittedAt: true, decision: true, reason: true, decidedAt: true,
          region: { select: { name: true } },
          editorialCabinet: { select: { name: true, lkoId: true, organization: { select: { shortName: true } } } },
          author: { select: { lastName: true, firstName: true, middleName: true } },
          reviewer: { select: { lastName: true, firstName: true, middleName: true } },
        },
      },
    },
  });
  const membership = await db.membership.findUnique({
    where: { personId_organizationId: { personId: request.applicant.id, organizationId: request.organization.id } },
    select: { chief: true, admin: true, active: true, position: true, syncedAt: true, groups: { select: { group: { select: { name: true } } } } },
  });
  const templates = await db.rejectionReasonTemplate.findMany({
    where: { OR: [{ organizationId: null }, { organizationId: request.reviewerOrganizationId }] },
    orderBy: [{ organizationId: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    select: { id: true, text: true, organizationId: true },
  });
  const spheres = new Map((await db.sphere.findMany({ select: { id: true, name: true } })).map((s) => [s.id, s.name]));
  return { ...request, membership, templates, sphereNames: request.revisions.map((r) => r.sphereIds.map((id) => spheres.get(id) ?? id).sort(compareNatural)) };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byGroupName = <T extends { groups: Array<{ group: { name: string } }> } | null>(m: T): T =>
  m && { ...m, groups: [...m.groups].sort((a, b) => a.group.name.localeCompare(b.group.name)) };

describe("сеанс и права одним SQL-запросом", () => {
  it("права каждого человека демо — те же, что читал Prisma", async () => {
    const people = await db.person.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    expect(people.length).toBeGreaterThan(10);
    let withAccounts = 0;
    for (const { id } of people) {
      const actor = await loadActor(id);
      expect(actor, id).toEqual(await actorByPrisma(id));
      if (actor.accounts.some((a) => a.trainingConfirmedAt instanceof Date && a.roles.some((r) => r.sphereIds.length > 0))) withAccounts++;
    }
    // The comparison covered trained accounts with roles limited to spheres, not only empty rights.
    expect(withAccounts).toBeGreaterThan(0);
    expect(await loadActor("no-such-person")).toEqual({ personId: "no-such-person", accounts: [], memberships: [] });
  });

  it("сеанс: человек, выбранная организация или её отсутствие, срок и завершение", async () => {
    const { sessionId, personId } = await signInAs("organAdmin");
    const chosen = await loadSignedIn(sessionId);
    const stored = await db.authSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { person: { select: { id: true, esiaOid: true, lastName: true, firstName: true, middleName: true, email: true } }, selectedOrganization: { select: { id: true, shortName: true, fullName: true, ogrn: true } } },
    });
    expect(stored.selectedOrganization).not.toBeNull();
    const { requestCounts, ...rest } = chosen!;
    expect(rest).toEqual({ session: { sessionId, person: stored.person, organization: stored.selectedOrganization }, actor: await actorByPrisma(personId) });
    // The menu's counts come with the session (decision 082): the organ's waiting requests.
    expect(requestCounts.length).toBeGreaterThan(0);
    expect([...requestCounts].sort(byOrganization)).toEqual(await requestCountsByPrisma(personId));

    await db.authSession.update({ where: { id: sessionId }, data: { selectedOrganizationId: null } });
    expect((await loadSignedIn(sessionId))?.session.organization).toBeNull();
    const { expiresAt } = await db.authSession.findUniqueOrThrow({ where: { id: sessionId }, select: { expiresAt: true } });
    expect(await loadSignedIn(sessionId, new Date(expiresAt.getTime() - 1))).not.toBeNull();
    expect(await loadSignedIn(sessionId, expiresAt)).toBeNull();
    await db.authSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    expect(await loadSignedIn(sessionId)).toBeNull();
    expect(await loadSignedIn("no-such-session")).toBeNull();
  });
});

describe("карточка заявки одним SQL-запросом", () => {
  it("каждая заявка демо у её проверяющих — та же, что читал Prisma, а чужим не видна", async () => {
    const people = await db.person.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const reviewers = (await Promise.all(people.map((p) => loadActor(p.id)))).filter((a) => reviewerOrganizations(a).length > 0);
    const requests = await db.cabinetRequest.findMany({ select: { id: true, reviewerOrganizationId: true }, orderBy: { id: "asc" } });
    expect(reviewers.length).toBeGreaterThan(0);
    const seen = { cards: 0, approved: 0, rejectedRevision: 0, withMembership: 0, withSpheres: 0 };
    for (const request of requests) {
      // One reviewer who sees the request, one who does not (when there is one).
      const sees = reviewers.find((a) => reviewerOrganizations(a).includes(request.reviewerOrganizationId));
      const other = reviewers.find((a) => !reviewerOrganizations(a).includes(request.reviewerOrganizationId));
      if (other) expect(await loadRequestCard(other, request.id), `${other.personId} ${request.id}`).toBeNull();
      if (!sees) continue;
      const card = await loadRequestCard(sees, request.id);
      const { revisions, templates, membership, ...rest } = card!;
      const { revisions: expectedRevisions, membership: expectedMembership, templates: expectedTemplates, sphereNames, ...expected } = await cardByPrisma(request.id);
      expect(rest, request.id).toEqual(expected);
      expect(byGroupName(membership)).toEqual(byGroupName(expectedMembership));
      expect(revisions).toEqual(expectedRevisions.map((r, i) => ({ ...r, sphereNames: sphereNames[i], changes: expect.any(Array) })));
      // Prisma's order left templates created at the same moment in any order; the card's SQL breaks ties by id.
      expect(templates.map((t) => t.organizationId === null)).toEqual(expectedTemplates.map((t) => t.organizationId === null));
      expect([...templates].sort(byId)).toEqual([...expectedTemplates].sort(byId));
      expect(templates.length).toBeGreaterThan(0);
      seen.cards++;
      if (rest.cabinet) seen.approved++;
      if (revisions.some((r) => r.reviewer && r.decidedAt)) seen.rejectedRevision++;
      if (membership) seen.withMembership++;
      if (revisions.some((r) => r.sphereNames.length > 0 && r.sphereNames.every((n, i) => n !== r.sphereIds[i]))) seen.withSpheres++;
    }
    expect(seen.cards).toBeGreaterThan(0);
    expect(seen.approved).toBeGreaterThan(0);
    expect(seen.rejectedRevision).toBeGreaterThan(0);
    expect(seen.withMembership).toBeGreaterThan(0);
    expect(seen.withSpheres).toBeGreaterThan(0);
  });
});
