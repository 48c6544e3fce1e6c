import { z } from "zod";
import { zTicked } from "@/lib/validation/form-values";

/** «Данные актуальны»: the administrator checked the cabinet's data and confirms it. */
export const ZConfirmCabinetData = z.object({
  cabinetId: z.string({ error: "Не указан кабинет." }).min(1, "Не указан кабинет.").max(100),
  confirmed: zTicked("Поставьте отметку «Данные актуальны»."),
});
export type TConfirmCabinetData = z.input<typeof ZConfirmCabinetData>;
