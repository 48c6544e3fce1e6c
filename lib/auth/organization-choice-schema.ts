import { z } from "zod";

export const ZChooseOrganization = z.object({
  organizationId: z.string({ error: "Выберите организацию." }).min(1, "Выберите организацию.").max(100),
});
export type TChooseOrganization = z.infer<typeof ZChooseOrganization>;
