"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { ForbiddenError } from "@/lib/actions/errors";
import { recordAudit } from "@/lib/audit/log";
import { ZChooseOrganization } from "./organization-choice-schema";

export const chooseOrganization = defineAction({
  name: "session.chooseOrganization",
  schema: ZChooseOrganization,
  async authorize(input, { session }) {
    const membership = await db.membership.findUnique({
      where: { personId_organizationId: { personId: session.person.id, organizationId: input.organizationId } },
      select: { active: true },
    });
    if (!membership?.active) throw new ForbiddenError("Вы не числитесь сотрудником этой организации в ЕСИА.");
  },
  async handler(input, { session }) {
    await db.$transaction(async (tx) => {
      await tx.authSession.update({ where: { id: session.sessionId }, data: { selectedOrganizationId: input.organizationId } });
      await recordAudit(tx, { actorPersonId: session.person.id, action: "session.organization_chosen", entityType: "AuthSession", entityId: session.sessionId, organizationId: input.organizationId });
    });
    // The header (root layout) names the organization.
    revalidatePath("/", "layout");
  },
});

/** Form action of «Выберите организацию»: on success goes on to the start page. */
export async function chooseOrganizationAction(_prev: unknown, form: FormData) {
  const result = await chooseOrganization(form);
  if (result.ok) redirect("/start");
  return result;
}
