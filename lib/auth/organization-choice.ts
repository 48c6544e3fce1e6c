"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { ForbiddenError } from "@/lib/actions/errors";
import { portalUrl } from "@/lib/esia/config";
import { getEsiaClient } from "@/lib/esia/instance";
import { ZChooseOrganization } from "./organization-choice-schema";
import { startOrganizationAuthorization } from "./organization-authorization";
import { authSecret } from "./secret";

/**
 * «Далее» on «Выберите организацию»: the choice takes effect only after ЕСИА grants that
 * organization's rights (lib/auth/organization-authorization.ts), so this starts that authorization.
 */
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
    const start = await startOrganizationAuthorization(session, input.organizationId, {
      esia: await getEsiaClient(),
      secret: authSecret(),
      secure: portalUrl().startsWith("https://"),
    });
    (await cookies()).set(start.cookie.name, start.cookie.value, start.cookie.options);
    return { authorizationUrl: start.url };
  },
});

/** Form action of «Выберите организацию»: on success the browser goes to ЕСИА for the organization's rights. */
export async function chooseOrganizationAction(_prev: unknown, form: FormData) {
  const result = await chooseOrganization(form);
  if (result.ok) redirect(result.data.authorizationUrl);
  return result;
}
