import "server-only";
import { db } from "@/lib/db";

/** The organizations the person may act for: active ЕСИА memberships, by name. */
export function listPersonOrganizations(personId: string) {
  return db.membership.findMany({
    where: { personId, active: true },
    orderBy: [{ organization: { shortNameSortKey: "asc" } }, { organizationId: "asc" }],
    select: { chief: true, admin: true, organization: { select: { id: true, shortName: true, fullName: true, ogrn: true } } },
  });
}
