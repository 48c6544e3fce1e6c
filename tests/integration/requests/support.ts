// Shared pieces of the cabinet-request tests (issue 4).
import { expect } from "vitest";
import type { ActionResult } from "@/lib/actions/errors";
import { testDb } from "../../helpers/db";

export const REGION = "region-74";
/** Editorial cabinets of the demo (prisma/seed/demo.ts). */
export const ED = {
  eduDepartment: "cab-ed-omsu-mag-uo",
  cultureDepartment: "cab-ed-omsu-mag-uk",
  ministryEducation: "cab-ed-roiv-minobr",
  agapovoEdu: "cab-ed-omsu-agapovo-uo",
} as const;

/** A work cabinet request of a Magnitogorsk school, bound to the Управление образования. */
export function schoolWorkRequest(overrides: Record<string, unknown> = {}) {
  return {
    kind: "WORK",
    name: "МОУ «СОШ № 13» г. Магнитогорска",
    regionId: REGION,
    type: "SUBORDINATE_OMSU",
    editorialCabinetId: ED.eduDepartment,
    sphereIds: ["sphere-education"],
    email: "Priemnaya@Mag-School13.demo.test",
    ...overrides,
  };
}

/** Row counts that a refused action must leave as they were. */
export async function snapshot() {
  const db = testDb();
  return {
    requests: await db.cabinetRequest.count(),
    revisions: await db.cabinetRequestRevision.count(),
    decided: await db.cabinetRequest.count({ where: { status: { not: "PENDING" } } }),
    cabinets: await db.cabinet.count(),
    accounts: await db.account.count(),
    emails: await db.outboxEmail.count(),
    // Signing in is recorded too; only what the actions changed counts here.
    audit: await db.auditEvent.count({ where: { action: { not: "auth.signed_in" } } }),
    templates: await db.rejectionReasonTemplate.count(),
  };
}

export function expectRefused(result: ActionResult<unknown>, message: RegExp | string): asserts result is Extract<ActionResult<unknown>, { ok: false }> {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (!result.ok) expect(result.error).toMatch(message);
}

export function expectOk<T>(result: ActionResult<T>): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { data: T }).data;
}

let serial = 0;

/**
 * A new school of the Управление образования, its head (the applicant) and a pending work request
 * bound to the Управление's editorial cabinet: test data of its own for each test that decides.
 */
export async function pendingSchoolRequest(overrides: { sphereIds?: string[]; kind?: "SUBORDINATE_OMSU" | null } = {}) {
  const db = testDb();
  serial += 1;
  const n = String(serial).padStart(4, "0");
  const organization = await db.organization.create({
    data: {
      esiaOid: `9${process.pid}${n}`.slice(0, 12), fullName: `Тестовая школа № ${n}`, shortName: `Тестовая школа № ${n}`,
      ogrn: `11274${String(process.pid % 100000).padStart(5, "0")}${n.slice(1)}`, inn: `74${String(process.pid % 10000).padStart(4, "0")}${n}`,
      kind: overrides.kind === undefined ? "SUBORDINATE_OMSU" : overrides.kind, parentId: overrides.kind === null ? null : "org-omsu-mag-uo", regionId: REGION,
    },
  });
  const applicant = await db.person.create({
    data: { esiaOid: `8${process.pid}${n}`.slice(0, 12), lastName: "Заявителева", firstName: "Анна", middleName: "Тестовна", email: `head${n}@test-school.demo.test` },
  });
  await db.membership.create({ data: { personId: applicant.id, organizationId: organization.id, chief: true, position: "Директор" } });
  const email = `office${n}@test-school.demo.test`;
  const request = await db.cabinetRequest.create({
    data: {
      organizationId: organization.id, kind: "WORK", applicantId: applicant.id, reviewerOrganizationId: "org-omsu-mag-uo",
      revisions: {
        create: {
          number: 1, name: organization.shortName, regionId: REGION, type: "SUBORDINATE_OMSU", editorialCabinetId: ED.eduDepartment,
          sphereIds: overrides.sphereIds ?? ["sphere-education"], email, authorId: applicant.id,
        },
      },
    },
  });
  return { requestId: request.id, version: 0, organizationId: organization.id, applicantId: applicant.id, applicantEmail: applicant.email!, email };
}
