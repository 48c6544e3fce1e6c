"use server";
import { cookies } from "next/headers";
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
  async load(input, { actor }) {
    // The actor's memberships are the active ones ЕСИА reported at sign-in.
    const membership = actor.memberships.find((m) => m.organizationId === input.organizationId);
    if (!membership) throw new ForbiddenError("Вы не числитесь сотрудником этой организации в ЕСИА.");
    return membership;
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
  // On success the browser goes to ЕСИА for the organization's rights.
  form: { redirect: (data) => data.authorizationUrl },
});
export const chooseOrganizationForm = chooseOrganization.form;
